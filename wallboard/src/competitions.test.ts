import { describe, expect, it } from 'vitest';
import { basisText, handicapText, leaderId, reachedText, readCompetitions, ruleChangeLine, scorePercent, scoreText, shortDate, timeLeft } from './competitions';
import { contest } from './test/gamification';

const names = (key: string): string => ({ call: 'Calls', meeting: 'Meetings' })[key] ?? key;
const at = (local: string): number => Date.parse(`2026-11-26T${local}:00+01:00`);

describe('competitions', () => {
  it('reads the server’s answer and leaves out what is malformed', () => {
    const read = readCompetitions([
      { ...contest(), ruleChanges: [{ at: '2026-11-26T14:05:00+01:00', by: 'coach', changes: [{ field: 'end', from: 'a', to: null }] }] },
      { id: 'no-end' },
      'junk',
    ]);
    expect(read).toHaveLength(1);
    expect(read[0]!.standings[1]).toEqual({ id: 'ben', name: 'Ben Okafor', rank: 2, score: 9, reachedAt: null });
    expect(read[0]!.ruleChanges[0]!.changes[0]).toEqual({ field: 'end', from: 'a', to: null });
    expect(readCompetitions({ not: 'a list' })).toEqual([]);
  });

  it('says what is measured and how it is won', () => {
    expect(basisText(contest(), names, 'en-US')).toBe('Calls · most by the end');
    expect(basisText(contest({ by: 'points', finish: 'firstTo', target: 50 }), names, 'en-US')).toBe('Points · first to 50');
    expect(basisText(contest({ by: 'attainment' }), names, 'en-US')).toBe('Attainment · most by the end');
  });

  it('counts down to the end, and says when it starts or finished', () => {
    expect(timeLeft(contest(), at('15:35'))).toBe('1 h 25 min left');
    expect(timeLeft(contest(), at('16:59'))).toBe('1 min left');
    expect(timeLeft(contest(), at('15:00'))).toBe('2 h left');
    expect(timeLeft(contest(), at('08:40'))).toBe('Starts in 20 min');
    expect(timeLeft(contest(), at('17:00'))).toBe('Deciding…');
    expect(timeLeft(contest({ status: 'decided' }), at('17:30'))).toBe('Finished');
    expect(timeLeft(contest({ end: '2026-11-30T17:00:00+01:00' }), at('09:00'))).toBe('4 days left');
  });

  it('shows scores as counts (a handicap makes fractions) and attainment as a percentage', () => {
    expect(scoreText(contest(), 13.5, 'en-US')).toBe('13.5');
    expect(scoreText(contest(), 4.49999, 'en-US')).toBe('4.5');
    expect(scoreText(contest({ by: 'attainment' }), 1.1234, 'en-US')).toBe('112%');
  });

  it('highlights the leader while it runs and the winner once decided, nobody before a first score', () => {
    expect(leaderId(contest())).toBe('anna');
    expect(leaderId(contest({ status: 'decided', winnerId: 'ben' }))).toBe('ben');
    expect(leaderId(contest({ standings: [{ id: 'anna', name: 'Anna Berg', rank: 1, score: 0 }] }))).toBeNull();
  });

  it('marks handicapped reps, but not in a team contest', () => {
    expect(handicapText(contest({ handicaps: { ben: 1.25 } }), 'ben', 'en-US')).toBe('×1.25');
    expect(handicapText(contest({ handicaps: { ben: 1.5 } }), 'ben', 'en-US')).toBe('×1.5');
    expect(handicapText(contest({ handicaps: { ben: 1.5 } }), 'anna', 'en-US')).toBe('');
    expect(handicapText(contest({ scope: 'teams', handicaps: { ben: 1.5 } }), 'ben', 'en-US')).toBe('');
  });

  it('words the latest rule change in one line, with the time it was made', () => {
    expect(ruleChangeLine(contest(), 'en-US')).toBe('');
    const changed = contest({
      ruleChanges: [
        { at: '2026-11-26T11:00:00+01:00', by: 'coach', changes: [{ field: 'name', from: 'Sprint', to: 'Friday call sprint' }] },
        {
          at: '2026-11-26T14:05:00+01:00',
          by: 'coach',
          changes: [
            { field: 'end', from: '2026-11-26T16:00:00+01:00', to: '2026-11-26T17:00:00+01:00' },
            { field: 'handicaps.ben', from: null, to: '1.5' },
            { field: 'handicaps.anna', from: '1.2', to: null },
          ],
        },
      ],
    });
    expect(ruleChangeLine(changed, 'en-US')).toBe(
      'Rules changed at 14:05: end moved to 17:00; handicap of Ben Okafor now ×1.5; handicap of Anna Berg removed (and 1 earlier change)',
    );
    const nextDay = contest({ ruleChanges: [{ at: '2026-11-26T16:30:00+01:00', by: 'c', changes: [{ field: 'end', from: null, to: '2026-11-27T12:00:00+01:00' }, { field: 'target', from: '20', to: '30' }] }] });
    expect(ruleChangeLine(nextDay, 'en-US')).toBe('Rules changed at 16:30: end moved to Nov 27 12:00; target now 30');
  });

  it('marks who reached a first-to target, and when', () => {
    const race = contest({ finish: 'firstTo', target: 60 });
    expect(reachedText(race, { id: 'anna', name: 'Anna Berg', rank: 1, score: 65, reachedAt: '2026-11-26T10:05:00+01:00' })).toBe('✔\uFE0E 10:05');
    expect(reachedText(race, { id: 'ben', name: 'Ben Okafor', rank: 2, score: 112, reachedAt: null })).toBe('');
    expect(reachedText(contest(), { id: 'anna', name: 'Anna Berg', rank: 1, score: 65, reachedAt: '2026-11-26T10:05:00+01:00' })).toBe('');
  });

  it('writes a short date in the TV’s language, never shifted by a time zone', () => {
    expect(shortDate('2026-11-27', 'en-US')).toBe('Nov 27');
    expect(shortDate('2026-01-01', 'de-DE')).toBe('1. Jan.');
    expect(shortDate('junk', 'en-US')).toBe('junk');
  });

  it('draws bars as a share of the leader’s score', () => {
    expect(scorePercent(6, 12)).toBe(50);
    expect(scorePercent(5, 0)).toBe(0);
    expect(scorePercent(-1, 4)).toBe(0);
  });
});
