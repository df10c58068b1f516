import type { BoardDelta, BoardSnapshot, MetricPace, RepRow } from '../types';

export function pace(actual: number, goal: number | null, expected: number | null = null): MetricPace {
  return {
    period: 'day',
    actual,
    goal,
    expected,
    paceRatio: expected ? actual / expected : null,
    projected: null,
    neededPerHour: null,
    status: goal === null ? 'noGoal' : 'onPace',
  };
}

export function rep(repId: string, rank: number, score: number, name = repId.toUpperCase()): RepRow {
  return { repId, name, rank, score, metrics: { call: pace(score, 60, 30) } };
}

export function snapshot(version: number, reps: RepRow[], teamId = 'emea'): BoardSnapshot {
  return {
    teamId,
    teamName: 'EMEA SDR',
    version,
    asOf: '2026-11-26T10:30:00+01:00',
    metricDefs: [
      { key: 'call', name: 'Calls', points: 1 },
      { key: 'deal', name: 'Deals won', points: 50, celebrate: true, hasValue: true },
    ],
    reps,
    team: { score: reps.reduce((s, r) => s + r.score, 0), metrics: { call: pace(0, 100, 50) } },
  };
}

export function delta(fromVersion: number, version: number, reps: RepRow[], teamId = 'emea'): BoardDelta {
  return { teamId, fromVersion, version, reps, team: { score: 1, metrics: { call: pace(1, 100, 50) } } };
}
