import { describe, expect, it, vi } from 'vitest';
import { BoardStore, MAX_BUFFERED_DELTAS, RESYNC_TIMEOUT_MS } from './board-store';
import { delta, rep, snapshot } from './test/boards';

function storeWithClock() {
  let now = 1_000;
  const resync = vi.fn();
  const store = new BoardStore('emea', resync, () => now);
  return { store, resync, advance: (ms: number) => (now += ms) };
}

describe('BoardStore', () => {
  it('applies a snapshot, then deltas that follow it', () => {
    const { store, resync } = storeWithClock();
    expect(store.hasBoard).toBe(false);
    store.applySnapshot(snapshot(42, [rep('anna', 1, 130), rep('ben', 2, 90)]));
    expect(store.version).toBe(42);
    expect(store.teamName).toBe('EMEA SDR');

    expect(store.applyDelta(delta(42, 43, [{ ...rep('ben', 2, 95) }]))).toBe('applied');
    expect(store.version).toBe(43);
    expect(store.rows.find((r) => r.repId === 'ben')?.score).toBe(95);
    expect(store.rows.find((r) => r.repId === 'anna')?.score).toBe(130);
    expect(store.team.score).toBe(1);

    expect(store.applyDelta(delta(43, 45, [rep('anna', 1, 131)]))).toBe('applied');
    expect(store.version).toBe(45);
    expect(resync).not.toHaveBeenCalled();
  });

  it('asks for a fresh snapshot when a version was missed, and does not apply the delta', () => {
    const { store, resync } = storeWithClock();
    store.applySnapshot(snapshot(10, [rep('anna', 1, 10)]));
    expect(store.applyDelta(delta(11, 12, [rep('anna', 1, 99)]))).toBe('gap');
    expect(resync).toHaveBeenCalledTimes(1);
    expect(store.version).toBe(10);
    expect(store.rows[0]?.score).toBe(10);
  });

  it('asks only once while the resync is pending, again after it timed out, and stops after the snapshot', () => {
    const { store, resync, advance } = storeWithClock();
    store.applySnapshot(snapshot(10, [rep('anna', 1, 10)]));
    store.applyDelta(delta(11, 12, []));
    store.applyDelta(delta(12, 13, []));
    expect(resync).toHaveBeenCalledTimes(1);
    expect(store.resyncPending).toBe(true);

    advance(RESYNC_TIMEOUT_MS + 1);
    store.applyDelta(delta(13, 14, []));
    expect(resync).toHaveBeenCalledTimes(2);

    store.applySnapshot(snapshot(14, [rep('anna', 1, 14)]));
    expect(store.resyncPending).toBe(false);
    expect(store.applyDelta(delta(14, 15, []))).toBe('applied');
    expect(store.applyDelta(delta(16, 17, []))).toBe('gap');
    expect(resync).toHaveBeenCalledTimes(3);
  });

  it('ignores a delta that is not newer than the board (a stale or repeated one)', () => {
    const { store, resync } = storeWithClock();
    store.applySnapshot(snapshot(42, [rep('anna', 1, 130)]));
    expect(store.applyDelta(delta(41, 42, [rep('anna', 1, 1)]))).toBe('stale');
    expect(store.applyDelta(delta(30, 40, [rep('anna', 1, 1)]))).toBe('stale');
    expect(store.version).toBe(42);
    expect(store.rows[0]?.score).toBe(130);
    expect(resync).not.toHaveBeenCalled();
  });

  it('ignores deltas before the first snapshot, and those of another team', () => {
    const { store, resync } = storeWithClock();
    expect(store.applyDelta(delta(1, 2, [rep('anna', 1, 1)]))).toBe('noBoard');
    store.applySnapshot(snapshot(1, [rep('anna', 1, 1)]));
    expect(store.applyDelta(delta(1, 2, [rep('zed', 1, 500)], 'apac'))).toBe('otherTeam');
    expect(store.applySnapshot(snapshot(9, [rep('zed', 1, 500)], 'apac'))).toBe(false);
    expect(store.rows.map((r) => r.repId)).toEqual(['anna']);
    expect(resync).not.toHaveBeenCalled();
  });

  it('orders rows by the rank the server gives, whatever the order they arrive in', () => {
    const { store } = storeWithClock();
    store.applySnapshot(snapshot(1, [rep('cher', 3, 10), rep('anna', 1, 30), rep('ben', 2, 20)]));
    expect(store.rows.map((r) => r.repId)).toEqual(['anna', 'ben', 'cher']);

    // Cher overtakes both: the server sends every row whose rank changed.
    store.applyDelta(delta(1, 2, [rep('cher', 1, 40), rep('anna', 2, 30), rep('ben', 3, 20)]));
    expect(store.rows.map((r) => `${r.rank}:${r.repId}`)).toEqual(['1:cher', '2:anna', '3:ben']);
  });

  it('drops the rows of reps that are no longer on the board', () => {
    const { store } = storeWithClock();
    store.applySnapshot(snapshot(1, [rep('anna', 1, 30), rep('ben', 2, 20), rep('cher', 3, 10)]));
    store.applySnapshot(snapshot(2, [rep('anna', 1, 30), rep('cher', 2, 10)]));
    expect(store.rows.map((r) => r.repId)).toEqual(['anna', 'cher']);

    store.applyDelta({ ...delta(2, 3, []), removedRepIds: ['anna'] });
    expect(store.rows.map((r) => r.repId)).toEqual(['cher']);
  });

  it('accepts a snapshot with a lower version (the server started over)', () => {
    const { store } = storeWithClock();
    store.applySnapshot(snapshot(500, [rep('anna', 1, 30)]));
    store.applySnapshot(snapshot(3, [rep('anna', 1, 2)]));
    expect(store.version).toBe(3);
    expect(store.applyDelta(delta(3, 4, [rep('anna', 1, 3)]))).toBe('applied');
  });

  it('keeps one row per rep however many deltas arrive', () => {
    const { store } = storeWithClock();
    store.applySnapshot(snapshot(0, [rep('anna', 1, 0), rep('ben', 2, 0)]));
    for (let v = 1; v <= 5_000; v++) store.applyDelta(delta(v - 1, v, [rep(v % 2 ? 'anna' : 'ben', 1 + (v % 2), v)]));
    expect(store.rows).toHaveLength(2);
    expect(store.version).toBe(5_000);
  });

  it('names metrics by their keys when the board has no definitions', () => {
    const { store } = storeWithClock();
    store.applySnapshot({ ...snapshot(1, [rep('anna', 1, 1)]), metricDefs: undefined, teamName: undefined });
    expect(store.metricDefs).toEqual([{ key: 'call', name: 'call' }]);
    expect(store.teamName).toBe('emea');
  });

  it('applies a delta that overtook its snapshot once the snapshot arrives', () => {
    const { store, resync } = storeWithClock();
    expect(store.applyDelta(delta(7, 8, [rep('anna', 1, 8)]))).toBe('noBoard');
    expect(store.applyDelta(delta(6, 7, [rep('anna', 1, 7)]))).toBe('noBoard');
    store.applySnapshot(snapshot(7, [rep('anna', 1, 6)]));
    expect(store.version).toBe(8);
    expect(store.rows[0]?.score).toBe(8);
    expect(resync).not.toHaveBeenCalled();
  });

  it('replays what came during a resync on top of the fresh snapshot', () => {
    const { store } = storeWithClock();
    store.applySnapshot(snapshot(10, [rep('anna', 1, 10)]));
    expect(store.applyDelta(delta(12, 13, [rep('anna', 1, 13)]))).toBe('gap');
    store.applySnapshot(snapshot(12, [rep('anna', 1, 12)]));
    expect(store.version).toBe(13);
    expect(store.rows[0]?.score).toBe(13);
  });

  it('keeps only a bounded number of early deltas', () => {
    const { store } = storeWithClock();
    for (let v = 1; v <= MAX_BUFFERED_DELTAS * 3; v++) store.applyDelta(delta(v - 1, v, [rep('anna', 1, v)]));
    // Only the newest ones are kept; they chain on from a snapshot at the right version.
    store.applySnapshot(snapshot(MAX_BUFFERED_DELTAS * 2, [rep('anna', 1, 0)]));
    expect(store.version).toBe(MAX_BUFFERED_DELTAS * 3);
    store.applySnapshot(snapshot(1, [rep('anna', 1, 0)]));
    expect(store.version).toBe(1);
  });
});
