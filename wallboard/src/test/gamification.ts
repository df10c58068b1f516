import type { Competition, Moment } from '../types';

/** A moment of team emea at a local time of 26 November 2026 (Berlin, +01:00). */
export function moment(kind: string, repId: string, name: string, text: string, time = '10:15', detail: string | null = null): Moment {
  return { teamId: 'emea', kind, repId, name, text, detail, value: null, occurredAt: `2026-11-26T${time}:00+01:00` };
}

/** A running call sprint of emea, 09:00–17:00 on 26 November 2026. */
export function contest(overrides: Partial<Competition> = {}): Competition {
  return {
    id: 'sprint',
    name: 'Friday call sprint',
    teamId: 'emea',
    scope: 'reps',
    by: 'call',
    finish: 'most',
    target: null,
    start: '2026-11-26T09:00:00+01:00',
    end: '2026-11-26T17:00:00+01:00',
    handicaps: {},
    status: 'running',
    winnerId: null,
    standings: [
      { id: 'anna', name: 'Anna Berg', rank: 1, score: 12 },
      { id: 'ben', name: 'Ben Okafor', rank: 2, score: 9 },
    ],
    ruleChanges: [],
    ...overrides,
  };
}
