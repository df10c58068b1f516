import { formatCount, formatFactor } from './format';
import { localDate, localTime } from './moments';
import type { Competition, CompetitionStanding, RuleChange, RuleChangeItem } from './types';

/** Standings lines drawn per contest; more would not be readable from across the room. */
export const MAX_STANDINGS = 8;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/** Reads the answer of `GetCompetitions`; anything malformed is left out, so a bad message never stops the TV. */
export function readCompetitions(message: unknown): Competition[] {
  if (!Array.isArray(message)) return [];
  const out: Competition[] = [];
  for (const raw of message) {
    const c = obj(raw);
    if (str(c['id']) === '' || str(c['end']) === '') continue;
    const standings: CompetitionStanding[] = (Array.isArray(c['standings']) ? c['standings'] : [])
      .map(obj)
      .filter((s) => str(s['id']) !== '')
      .map((s) => ({ id: str(s['id']), name: str(s['name']) || str(s['id']), rank: num(s['rank']) ?? 0, score: num(s['score']) ?? 0, reachedAt: str(s['reachedAt']) || null }));
    const handicaps: Record<string, number> = {};
    for (const [k, v] of Object.entries(obj(c['handicaps']))) if (num(v) !== null) handicaps[k] = v as number;
    const ruleChanges: RuleChange[] = (Array.isArray(c['ruleChanges']) ? c['ruleChanges'] : []).map(obj).map((r) => ({
      at: str(r['at']),
      by: str(r['by']),
      changes: (Array.isArray(r['changes']) ? r['changes'] : [])
        .map(obj)
        .map((i) => ({ field: str(i['field']), from: typeof i['from'] === 'string' ? i['from'] : null, to: typeof i['to'] === 'string' ? i['to'] : null })),
    }));
    out.push({
      id: str(c['id']),
      name: str(c['name']),
      teamId: str(c['teamId']),
      scope: str(c['scope']),
      by: str(c['by']),
      finish: str(c['finish']),
      target: num(c['target']),
      start: str(c['start']),
      end: str(c['end']),
      handicaps,
      status: str(c['status']),
      winnerId: str(c['winnerId']) || null,
      standings,
      ruleChanges,
    });
  }
  return out;
}

/** "Calls · most by the end", "Points · first to 50", "Attainment · most by the end". */
export function basisText(c: Competition, metricName: (key: string) => string, locale?: string): string {
  const basis = c.by === 'points' ? 'Points' : c.by === 'attainment' ? 'Attainment' : metricName(c.by);
  const finish = c.finish === 'firstTo' ? `first to ${formatCount(c.target ?? 0, locale)}` : 'most by the end';
  return `${basis} · ${finish}`;
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  return `${Math.round(hours / 24)} days`;
}

/** "1 h 25 min left", "Starts in 20 min", "Finished", as of `nowMs`. */
export function timeLeft(c: Competition, nowMs: number): string {
  if (c.status === 'decided') return 'Finished';
  const end = Date.parse(c.end);
  const start = Date.parse(c.start);
  if (Number.isFinite(start) && nowMs < start) return `Starts in ${span(start - nowMs)}`;
  if (!Number.isFinite(end) || nowMs >= end) return 'Deciding…';
  return `${span(end - nowMs)} left`;
}

/** A score as shown: attainment as a percentage, counts and points as counts (a handicap can make them fractions). */
export function scoreText(c: Competition, score: number, locale?: string): string {
  if (c.by === 'attainment') return `${Math.round(score * 100)}%`;
  return formatCount(Math.round(score * 10) / 10, locale);
}

/** The id highlighted: the winner of a decided contest, else whoever ranks first with a score above zero. */
export function leaderId(c: Competition): string | null {
  if (c.status === 'decided') return c.winnerId;
  const first = c.standings[0];
  return first && (first.score > 0 || first.reachedAt) ? first.id : null;
}

/** The handicap shown beside a rep's name ("×1.5"), or '' for none. Team contests hide them (they are per rep). */
export function handicapText(c: Competition, id: string, locale?: string): string {
  const h = c.scope === 'teams' ? undefined : c.handicaps[id];
  return h === undefined || h === 1 ? '' : `×${formatFactor(h, locale)}`;
}

/** "Nov 27" (or "27. Nov." in German) for a local date `yyyy-MM-dd`, as written: no time zone moves it. */
export function shortDate(day: string, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/**
 * In a first-to contest, when a participant reached the target ("✔ 10:05", the team's local time): the reason they
 * rank above someone with more by now. Empty otherwise.
 */
export function reachedText(c: Competition, s: CompetitionStanding): string {
  return c.finish === 'firstTo' && s.reachedAt ? `✔\uFE0E ${localTime(s.reachedAt)}` : '';
}

function itemText(c: Competition, item: RuleChangeItem, at: string, locale?: string): string {
  if (item.field === 'end' && item.to) {
    const day = localDate(item.to);
    return `end moved to ${day !== '' && day !== localDate(at) ? `${shortDate(day, locale)} ` : ''}${localTime(item.to)}`;
  }
  if (item.field === 'name') return `renamed to “${item.to ?? ''}”`;
  if (item.field === 'target') return `target now ${item.to === null ? '–' : formatCount(Number(item.to), locale)}`;
  if (item.field.startsWith('handicaps.')) {
    const id = item.field.slice('handicaps.'.length);
    const who = c.standings.find((s) => s.id === id)?.name ?? id;
    return item.to === null ? `handicap of ${who} removed` : `handicap of ${who} now ×${formatFactor(Number(item.to), locale)}`;
  }
  return `${item.field} changed`;
}

/**
 * The contest's latest rule change as one line: "Rules changed at 14:05: end moved to 17:00", with how many changes
 * came before it. Empty when the rules never changed.
 */
export function ruleChangeLine(c: Competition, locale?: string): string {
  const last = c.ruleChanges[c.ruleChanges.length - 1];
  if (!last) return '';
  const what = last.changes.map((i) => itemText(c, i, last.at, locale)).join('; ');
  const earlier = c.ruleChanges.length - 1;
  return `Rules changed at ${localTime(last.at)}: ${what}${earlier > 0 ? ` (and ${earlier} earlier change${earlier > 1 ? 's' : ''})` : ''}`;
}

/** Share of the leader's score, 0–100, for the standings bars. */
export function scorePercent(score: number, best: number): number {
  if (!(best > 0) || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, (score / best) * 100));
}
