import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CelebrationQueue, type CelebrationStage } from './celebration-queue';

function recordingStage() {
  const log: string[] = [];
  let onScreen = 0;
  let maxOnScreen = 0;
  const stage: CelebrationStage<string> = {
    show: (item) => {
      onScreen++;
      maxOnScreen = Math.max(maxOnScreen, onScreen);
      log.push(`show ${item}`);
    },
    hide: () => {
      onScreen--;
      log.push('hide');
    },
  };
  return { stage, log, maxOnScreen: () => maxOnScreen };
}

describe('CelebrationQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays one at once, for its duration', () => {
    const { stage, log } = recordingStage();
    const queue = new CelebrationQueue(stage, { durationMs: 5_000, gapMs: 500 });
    queue.enqueue('anna');
    expect(log).toEqual(['show anna']);
    expect(queue.current).toBe('anna');
    vi.advanceTimersByTime(4_999);
    expect(log).toEqual(['show anna']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show anna', 'hide']);
    expect(queue.current).toBeNull();
  });

  it('plays a burst one after another, first come first served, never two on screen', () => {
    const { stage, log, maxOnScreen } = recordingStage();
    const queue = new CelebrationQueue(stage, { durationMs: 5_000, gapMs: 500 });
    queue.enqueue('anna');
    queue.enqueue('ben');
    queue.enqueue('cher');
    expect(queue.pending).toBe(2);

    vi.advanceTimersByTime(5_000);
    expect(log.at(-1)).toBe('hide');
    vi.advanceTimersByTime(500);
    expect(log.at(-1)).toBe('show ben');
    vi.advanceTimersByTime(5_500);
    expect(log.at(-1)).toBe('show cher');
    vi.advanceTimersByTime(5_000);

    expect(log).toEqual(['show anna', 'hide', 'show ben', 'hide', 'show cher', 'hide']);
    expect(maxOnScreen()).toBe(1);
    expect(queue.pending).toBe(0);
  });

  it('keeps at most maxPending waiting, dropping the oldest waiting ones', () => {
    const { stage, log } = recordingStage();
    const queue = new CelebrationQueue(stage, { durationMs: 1_000, gapMs: 0, maxPending: 20 });
    for (let i = 0; i < 50; i++) queue.enqueue(`deal${i}`);
    expect(queue.current).toBe('deal0');
    expect(queue.pending).toBe(20);
    expect(queue.dropped).toBe(29);

    vi.advanceTimersByTime(60_000);
    const shown = log.filter((l) => l.startsWith('show')).map((l) => l.slice(5));
    expect(shown).toEqual(['deal0', ...Array.from({ length: 20 }, (_, i) => `deal${30 + i}`)]);
  });

  it('starts again at once after a quiet spell', () => {
    const { stage, log } = recordingStage();
    const queue = new CelebrationQueue(stage, { durationMs: 1_000, gapMs: 300 });
    queue.enqueue('anna');
    vi.advanceTimersByTime(10_000);
    queue.enqueue('ben');
    expect(log).toEqual(['show anna', 'hide', 'show ben']);
  });

  it('keeps playing when the stage throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log: string[] = [];
    const queue = new CelebrationQueue<string>(
      {
        show: (item) => {
          log.push(item);
          if (item === 'bad') throw new Error('boom');
        },
        hide: () => undefined,
      },
      { durationMs: 100, gapMs: 0 },
    );
    queue.enqueue('bad');
    queue.enqueue('good');
    vi.advanceTimersByTime(1_000);
    expect(log).toEqual(['bad', 'good']);
    errors.mockRestore();
  });

  it('clears what plays and what waits', () => {
    const { stage, log } = recordingStage();
    const queue = new CelebrationQueue(stage);
    queue.enqueue('anna');
    queue.enqueue('ben');
    queue.clear();
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual(['show anna', 'hide']);
    expect(queue.pending).toBe(0);
  });
});
