// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contest } from '../test/gamification';
import { CompetitionsView } from './competitions';

const names = (key: string): string => (key === 'call' ? 'Calls' : key);
const at = Date.parse('2026-11-26T15:35:00+01:00');

describe('CompetitionsView', () => {
  it('draws a card per contest with its standings, the leader marked and names as text', () => {
    const root = document.createElement('div');
    const evil = '<img src=x onerror=alert(1)>';
    new CompetitionsView(root, 'en-US').render(
      [contest({ name: evil, handicaps: { ben: 1.5 }, standings: [{ id: 'ben', name: evil, rank: 1, score: 13.5 }, { id: 'anna', name: 'Anna Berg', rank: 2, score: 12 }] })],
      names,
      at,
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.cp-title')!.textContent).toBe(evil);
    expect(root.querySelector('.cp-time')!.textContent).toBe('1 h 25 min left');
    expect(root.querySelector('.cp-meta')!.textContent).toBe('Calls · most by the end');
    const rows = [...root.querySelectorAll('.cp-row')];
    expect(rows.map((r) => r.querySelector('.cp-name-text')!.textContent)).toEqual([evil, 'Anna Berg']);
    expect(rows[0]!.classList.contains('leader')).toBe(true);
    expect(rows[0]!.querySelector('.cp-handicap')!.textContent).toBe('×1.5');
    expect(rows[1]!.querySelector<HTMLElement>('.cp-fill')!.style.getPropertyValue('--p')).toBe(`${(12 / 13.5) * 100}%`);
    expect(root.querySelector<HTMLElement>('.cp-rules')!.hidden).toBe(true);
    expect(root.querySelector<HTMLElement>('.cp-empty')!.hidden).toBe(true);
  });

  it('shows the winner of a decided contest and the rule change line', () => {
    const root = document.createElement('div');
    new CompetitionsView(root, 'en-US').render(
      [
        contest({
          status: 'decided',
          winnerId: 'ben',
          ruleChanges: [{ at: '2026-11-26T14:05:00+01:00', by: 'coach', changes: [{ field: 'end', from: null, to: '2026-11-26T17:00:00+01:00' }] }],
        }),
      ],
      names,
      at,
    );
    expect(root.querySelector('.cp-winner-name')!.textContent).toBe('Ben Okafor');
    expect(root.querySelector('.cp-row.leader')!.getAttribute('data-id')).toBe('ben');
    expect(root.querySelector('.cp-rules')!.textContent).toBe('Rules changed at 14:05: end moved to 17:00');
  });

  it('says so when no contest runs', () => {
    const root = document.createElement('div');
    new CompetitionsView(root, 'en-US').render([], names, at);
    expect(root.querySelector<HTMLElement>('.cp-empty')!.hidden).toBe(false);
    expect(root.querySelectorAll('.cp-card')).toHaveLength(0);
  });
});
