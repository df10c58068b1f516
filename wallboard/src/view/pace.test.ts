// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BoardStore } from '../board-store';
import { pace, rep, snapshot } from '../test/boards';
import { needSentence, PaceView } from './pace';

describe('PaceView', () => {
  it('draws one card per team goal with actual, goal, projection and the rate needed', () => {
    const root = document.createElement('div');
    const store = new BoardStore('emea', () => undefined);
    const board = snapshot(1, [rep('anna', 1, 10)]);
    board.team.metrics = {
      call: { ...pace(45, 100, 18.75), projected: 240, neededPerHour: 8.46, status: 'ahead' },
      deal: pace(3, null),
    };
    store.applySnapshot(board);
    new PaceView(root, 'en-US').render(store);
    const cards = root.querySelectorAll('.pace-card');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.classList.contains('st-ahead')).toBe(true);
    expect(card.querySelector('.pc-name')!.textContent).toBe('Calls');
    expect(card.querySelector('.pc-actual')!.textContent).toBe('45');
    expect(card.querySelector('.pc-goal')!.textContent).toBe('100');
    expect(card.querySelector('.pc-need')!.textContent).toBe('Need 8.5 per hour from here');
    expect(card.querySelector<HTMLElement>('.pc-expected')!.style.getPropertyValue('--p')).toBe('18.75%');
    expect(root.querySelector('.pace-counts')!.textContent).toContain('Deals won');
  });

  it('words the rate needed', () => {
    expect(needSentence({ ...pace(100, 100), neededPerHour: 0 })).toBe('Goal reached!');
    expect(needSentence({ ...pace(10, 100), neededPerHour: null })).toBe('No working time left');
    expect(needSentence({ ...pace(10, 100), neededPerHour: 12.6 }, 'en-US')).toBe('Need 13 per hour from here');
  });
});
