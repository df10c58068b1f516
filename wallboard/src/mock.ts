/**
 * Demo mode (`?mock=1`, only without a token): a made-up team whose numbers move, for trying the
 * wallboard without a server and for screenshots. Loaded on demand, so a real board never runs it.
 * Options: `reps=N` (2–60 reps), `celebrate=1` (a celebration a second after start), `quiet=1`
 * (no live changes).
 */
import mockBoard from '../dev/mock-board.json';
import type { LiveLinkHandlers } from './live-link';
import type { BoardSnapshot, MetricPace, RepRow } from './types';

const FRACTION: Record<string, number> = { day: 0.5, week: 0.7 };
const REMAINING_HOURS: Record<string, number> = { day: 4, week: 12 };
const POINTS: Record<string, number> = { call: 1, meeting: 10, deal: 50 };
const EXTRA_NAMES = [
  'Liam O’Connor', 'Maya Patel', 'Noah Schmidt', 'Olivia Martin', 'Pablo García', 'Quinn Murphy',
  'Rosa Jansen', 'Sven Andersson', 'Tara Singh', 'Umar Haddad', 'Vera Petrova', 'Wim de Vries',
  'Xenia Costa', 'Yusuf Demir', 'Zoe Laurent', 'Aleksander Wiśniewski-Kowalczyk', 'Bea Santos', 'Carl Holm',
];

/** Pace of one goal by the contract's formulas, at the mock's fixed time of day. */
export function mockPace(actual: number, goal: number | null, period: string): MetricPace {
  if (goal === null) {
    return { period, actual, goal: null, expected: null, paceRatio: null, projected: null, neededPerHour: null, status: 'noGoal' };
  }
  const f = FRACTION[period] ?? 0.5;
  const expected = goal * f;
  const ratio = expected > 0 ? actual / expected : null;
  const status =
    ratio === null ? 'notStarted' : ratio >= 1.1 ? 'ahead' : ratio >= 0.9 ? 'onPace' : ratio >= 0.7 ? 'behind' : 'atRisk';
  return {
    period,
    actual,
    goal,
    expected,
    paceRatio: ratio,
    projected: f > 0 ? actual / f : null,
    neededPerHour: Math.max(0, goal - actual) / (REMAINING_HOURS[period] ?? 4),
    status,
  };
}

function add(p: MetricPace, n: number): MetricPace {
  const next = mockPace(p.actual + n, p.goal, String(p.period));
  if (p.periods) {
    next.periods = {};
    for (const [k, v] of Object.entries(p.periods)) next.periods[k] = mockPace(v.actual + n, v.goal, k);
  }
  return next;
}

export function startMock(handlers: LiveLinkHandlers, search: string): { resubscribe(): void } {
  const q = new URLSearchParams(search);
  const board = structuredClone(mockBoard) as BoardSnapshot;
  const wanted = Math.min(60, Math.max(2, Number(q.get('reps')) || board.reps.length));
  board.reps = board.reps.slice(0, wanted);
  for (let i = board.reps.length; i < wanted; i++) {
    const template = board.reps[i % 12]!;
    const name = EXTRA_NAMES[(i - 12) % EXTRA_NAMES.length]! + (i >= 12 + EXTRA_NAMES.length ? ` ${i}` : '');
    board.reps.push({ ...structuredClone(template), repId: `rep${i}`, name, score: Math.max(0, template.score - 5 - (i % 7)) });
  }
  rerank(board.reps);
  recomputeTeam(board);

  const send = (): void => handlers.onSnapshot(structuredClone(board));
  handlers.onStatus('connecting');
  setTimeout(() => {
    handlers.onStatus('live');
    send();
  }, 200);

  if (q.get('celebrate') === '1') {
    setTimeout(() => handlers.onCelebration({ teamId: board.teamId, repId: 'grace', name: 'Grace Mensah', metric: 'deal', value: 24_500, occurredAt: new Date().toISOString() }), 1_000);
  }
  if (q.get('quiet') !== '1') {
    setInterval(() => tick(board, handlers), 1_500);
  }
  return { resubscribe: send };
}

function tick(board: BoardSnapshot, handlers: LiveLinkHandlers): void {
  const rep = board.reps[Math.floor(Math.random() * board.reps.length)]!;
  const roll = Math.random();
  const metric = roll < 0.04 ? 'deal' : roll < 0.2 ? 'meeting' : 'call';
  const n = metric === 'call' ? 1 + Math.floor(Math.random() * 3) : 1;
  const before = new Map(board.reps.map((r) => [r.repId, r.rank]));
  const pace = rep.metrics[metric];
  if (pace) rep.metrics[metric] = add(pace, n);
  rep.score += n * (POINTS[metric] ?? 1);
  rerank(board.reps);
  recomputeTeam(board);
  const changed = board.reps.filter((r) => r === rep || before.get(r.repId) !== r.rank);
  const fromVersion = board.version;
  board.version++;
  handlers.onDelta(structuredClone({ teamId: board.teamId, version: board.version, fromVersion, reps: changed, team: board.team }));
  if (metric === 'deal') {
    handlers.onCelebration({
      teamId: board.teamId,
      repId: rep.repId,
      name: rep.name,
      metric,
      value: 1_000 * (2 + Math.floor(Math.random() * 40)),
      occurredAt: new Date().toISOString(),
    });
  }
}

function rerank(reps: RepRow[]): void {
  reps.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  reps.forEach((r, i) => (r.rank = i + 1));
}

function recomputeTeam(board: BoardSnapshot): void {
  const metrics: Record<string, MetricPace> = {};
  for (const key of Object.keys(board.reps[0]?.metrics ?? {})) {
    const rows = board.reps.map((r) => r.metrics[key]).filter((p): p is MetricPace => p !== undefined);
    const first = rows[0]!;
    const goal = first.goal === null ? null : rows.reduce((s, p) => s + (p.goal ?? 0), 0);
    const pace = mockPace(rows.reduce((s, p) => s + p.actual, 0), goal, String(first.period));
    const week = rows.map((p) => p.periods?.['week']).filter((p): p is MetricPace => p !== undefined);
    if (week.length > 0) {
      pace.periods = {
        week: mockPace(week.reduce((s, p) => s + p.actual, 0), week.reduce((s, p) => s + (p.goal ?? 0), 0), 'week'),
      };
    }
    metrics[key] = pace;
  }
  board.team = { score: board.reps.reduce((s, r) => s + r.score, 0), metrics };
}
