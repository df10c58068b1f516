/**
 * Wire shapes of the live hub (contract v1, sections 5 and 6, plus the board extensions
 * `teamName`, `metricDefs`, `score` on the team and `periods` inside a metric).
 * Everything optional here is something an older server may leave out.
 */

export type PaceStatus = 'ahead' | 'onPace' | 'behind' | 'atRisk' | 'notStarted' | 'noGoal';

export type Period = 'day' | 'week' | 'month' | 'quarter';

/** The pace of one goal (or the bare count of a metric without a goal: status `noGoal`). */
export interface MetricPace {
  period: Period | string;
  actual: number;
  goal: number | null;
  expected: number | null;
  paceRatio: number | null;
  projected: number | null;
  neededPerHour: number | null;
  status: PaceStatus | string;
  /** The same metric's longer periods, keyed by period name. */
  periods?: Record<string, MetricPace>;
}

export interface MetricDef {
  key: string;
  name: string;
  points?: number;
  celebrate?: boolean;
  hasValue?: boolean;
}

export interface RepRow {
  repId: string;
  name: string;
  rank: number;
  score: number;
  metrics: Record<string, MetricPace>;
}

export interface TeamTotals {
  score?: number;
  metrics: Record<string, MetricPace>;
}

/** `snapshot`: the whole board. */
export interface BoardSnapshot {
  teamId: string;
  teamName?: string;
  version: number;
  asOf?: string;
  metricDefs?: MetricDef[];
  reps: RepRow[];
  team: TeamTotals;
}

/** `delta`: changed rows only (whole rows) and the whole team object. */
export interface BoardDelta {
  teamId: string;
  version: number;
  fromVersion: number;
  asOf?: string;
  reps?: RepRow[];
  team?: TeamTotals;
  /** Optional extension: reps that left the board. A snapshot drops them in any case. */
  removedRepIds?: string[];
}

/** `celebration`: one accepted activity of a metric with `celebrate: true`. */
export interface Celebration {
  teamId: string;
  repId: string;
  name: string;
  metric: string;
  value?: number | null;
  occurredAt?: string;
}
