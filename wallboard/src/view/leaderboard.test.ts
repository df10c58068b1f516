// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardStore } from '../board-store';
import { delta, rep, snapshot } from '../test/boards';
import { LeaderboardView, RANK_ARROW_MS } from './leaderboard';

function setup() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const store = new BoardStore('emea', () => undefined);
  const view = new LeaderboardView(root, 'en-US');
  const rowEl = (repId: string) => root.querySelector<HTMLElement>(`.lb-row[data-rep-id="${repId}"]`);
  return { root, store, view, rowEl };
}

describe('LeaderboardView', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws a row per rep with rank, initials, name, score and a bar with the expected marker', () => {
    const { store, view, rowEl } = setup();
    store.applySnapshot(snapshot(1, [rep('anna', 1, 30, 'Anna Berg'), rep('cher', 2, 12, 'Cher')]));
    view.render(store);
    const anna = rowEl('anna')!;
    expect(anna.querySelector('.rank-num')!.textContent).toBe('1');
    expect(anna.querySelector('.avatar')!.textContent).toBe('AB');
    expect(anna.querySelector('.name')!.textContent).toBe('Anna Berg');
    expect(anna.querySelector('.score')!.textContent).toBe('30');
    expect(anna.querySelector('.metric-label')!.textContent).toBe('30 / 60');
    expect(anna.querySelector<HTMLElement>('.bar-fill')!.style.getPropertyValue('--p')).toBe('50%');
    expect(anna.querySelector<HTMLElement>('.bar-marker')!.style.getPropertyValue('--p')).toBe('50%');
    expect(anna.classList.contains('top1')).toBe(true);
    expect(rowEl('cher')!.querySelector('.avatar')!.textContent).toBe('C');
  });

  it('reuses the element of each rep and moves it to its new slot, with an arrow for a while', () => {
    const { store, view, rowEl } = setup();
    store.applySnapshot(snapshot(1, [rep('anna', 1, 30), rep('ben', 2, 20), rep('cher', 3, 10)]));
    view.render(store);
    const cher = rowEl('cher')!;
    expect(cher.style.getPropertyValue('--r')).toBe('2');

    store.applyDelta(delta(1, 2, [rep('cher', 1, 40), rep('anna', 2, 30), rep('ben', 3, 20)]));
    view.render(store);
    expect(rowEl('cher')).toBe(cher);
    expect(cher.style.getPropertyValue('--r')).toBe('0');
    expect(cher.classList.contains('moved-up')).toBe(true);
    expect(cher.querySelector('.rank-arrow')!.textContent).toBe('▲');
    expect(rowEl('ben')!.classList.contains('moved-down')).toBe(true);

    vi.advanceTimersByTime(RANK_ARROW_MS);
    expect(cher.classList.contains('moved-up')).toBe(false);
    expect(cher.querySelector('.rank-arrow')!.textContent).toBe('');
  });

  it('removes the rows of reps that left, and never grows the page', () => {
    const { root, store, view, rowEl } = setup();
    store.applySnapshot(snapshot(1, [rep('anna', 1, 30), rep('ben', 2, 20)]));
    view.render(store);
    store.applySnapshot(snapshot(2, [rep('anna', 1, 31)]));
    view.render(store);
    expect(rowEl('ben')).toBeNull();

    const before = root.querySelectorAll('*').length;
    for (let v = 3; v < 500; v++) {
      store.applyDelta(delta(v - 1, v, [rep('anna', 1, v)]));
      view.render(store);
    }
    expect(root.querySelectorAll('*').length).toBe(before);
  });

  it('shows a count, without a bar, where a rep has no goal', () => {
    const { store, view, rowEl } = setup();
    const anna = rep('anna', 1, 30);
    const ben = rep('ben', 2, 20);
    ben.metrics = { call: { ...ben.metrics['call']!, goal: null, expected: null, status: 'noGoal' } };
    store.applySnapshot(snapshot(1, [anna, ben]));
    view.render(store);
    const cell = rowEl('ben')!.querySelector('.metric')!;
    expect(cell.classList.contains('count-only')).toBe(true);
    expect(cell.querySelector('.metric-label')!.textContent).toBe('20');
  });

  it('uses two columns for a big team and pages beyond thirty', () => {
    const { root, store, view } = setup();
    const reps = Array.from({ length: 40 }, (_, i) => rep(`r${i}`, i + 1, 100 - i));
    store.applySnapshot(snapshot(1, reps));
    view.render(store);
    expect(root.style.getPropertyValue('--cols')).toBe('2');
    expect(view.pages).toBe(2);
    expect(root.querySelectorAll('.lb-row:not(.off-page)')).toHaveLength(30);
    view.nextPage(store);
    expect(root.querySelectorAll('.lb-row:not(.off-page)')).toHaveLength(10);
  });
});
