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

/** `moment`: one entry of a team's moments feed (badge, new leader, goal hit, deal, hot hand, competition won). */
export interface Moment {
  teamId: string;
  kind: 'badge' | 'leader' | 'goal' | 'deal' | 'hotHand' | 'competition' | string;
  repId: string;
  name: string;
  text: string;
  /** Badge rule id, metric, or competition id. */
  detail?: string | null;
  value?: number | null;
  occurredAt: string;
}

/** One line of a contest's standings (scores are handicap-adjusted). */
export interface CompetitionStanding {
  id: string;
  name: string;
  rank: number;
  score: number;
  reachedAt?: string | null;
}

/** One field of a rule change: `name`, `end`, `target` or `handicaps.{repId}`, from → to (as text). */
export interface RuleChangeItem {
  field: string;
  from: string | null;
  to: string | null;
}

export interface RuleChange {
  at: string;
  by: string;
  changes: RuleChangeItem[];
}

/** A contest as `GetCompetitions` (and `GET /api/competitions/{id}`) answers it. */
export interface Competition {
  id: string;
  name: string;
  teamId: string;
  scope: 'reps' | 'teams' | string;
  /** `points`, `attainment` or a metric key. */
  by: string;
  finish: 'most' | 'firstTo' | string;
  target?: number | null;
  start: string;
  end: string;
  handicaps: Record<string, number>;
  status: 'upcoming' | 'running' | 'ending' | 'decided' | string;
  winnerId: string | null;
  standings: CompetitionStanding[];
  ruleChanges: RuleChange[];
}
