import type { Moment } from './types';

/** Moments kept per team: a busy day has more, but a TV shows only the latest few. */
export const MAX_MOMENTS = 60;

// Symbols of the plain text fonts every TV has (DejaVu, Noto, Segoe): a kiosk without a colour-emoji font would show
// boxes for emoji. U+FE0E asks for the text form where an emoji form exists, so CSS colours them.
const ICONS: Record<string, string> = {
  badge: '★\uFE0E',
  leader: '♛\uFE0E',
  goal: '✔\uFE0E',
  deal: '◆\uFE0E',
  hotHand: '⚡\uFE0E',
  competition: '⚑\uFE0E',
};

/** The icon of a moment's kind (a star for a kind this page does not know). */
export function momentIcon(kind: string): string {
  return ICONS[kind] ?? ICONS['badge']!;
}

/** A moment as a line on screen: an icon, the name (which may be cut with an ellipsis) and what happened. */
export interface MomentLine {
  icon: string;
  name: string;
  action: string;
  /** The local time of the moment (as the server wrote it, in the team's zone), `HH:mm`. */
  time: string;
}

/** Reads a hub message as a moment; null when it is not one (a newer or broken server must not stop the TV). */
export function readMoment(message: unknown): Moment | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  const text = (k: string): string => (typeof m[k] === 'string' ? (m[k] as string) : '');
  if (text('teamId') === '' || text('kind') === '' || text('occurredAt') === '') return null;
  return {
    teamId: text('teamId'),
    kind: text('kind'),
    repId: text('repId'),
    name: text('name'),
    text: text('text'),
    detail: typeof m['detail'] === 'string' ? m['detail'] : null,
    value: typeof m['value'] === 'number' ? m['value'] : null,
    occurredAt: text('occurredAt'),
  };
}

/** The local `HH:mm` of an ISO-8601 instant with an offset, as written (the team's own time, not the TV's). */
export function localTime(iso: string): string {
  const match = /T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[1]}:${match[2]}` : '';
}

/** The local date `yyyy-MM-dd` of an ISO-8601 instant with an offset, as written. */
export function localDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? '';
}

export function momentLine(m: Moment): MomentLine {
  const name = m.name.trim();
  let action = m.text.trim();
  // The server writes the name into the text ("Anna Berg earned …"); the name is drawn apart so that a long one
  // is cut, never the news.
  if (name !== '' && action.startsWith(name)) action = action.slice(name.length).replace(/^[\s:,]+/, '');
  return { icon: momentIcon(m.kind), name, action, time: localTime(m.occurredAt) };
}

function keyOf(m: Moment): string {
  return `${m.kind}|${m.repId}|${m.detail ?? ''}|${m.occurredAt}|${m.text}`;
}

/**
 * A team's moments of the day: the feed read when the TV subscribes, plus each `moment` pushed since. A moment that
 * arrives twice (pushed while the feed was being read) is kept once; a new day starts a new feed.
 */
export class MomentFeed {
  private items: Moment[] = [];
  private readonly keys = new Set<string>();
  private day = '';

  /** Newest first. */
  get moments(): readonly Moment[] {
    return this.items;
  }

  /** Takes the whole feed (`GetMoments`: `{ teamId, day, moments: [oldest first] }`), keeping pushed ones it lacks. */
  replace(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    const list = Array.isArray(m['moments']) ? m['moments'].map(readMoment).filter((x): x is Moment => x !== null) : [];
    const day = typeof m['day'] === 'string' ? m['day'] : '';
    const pushed = this.items.filter((x) => localDate(x.occurredAt) === day);
    this.items = [];
    this.keys.clear();
    this.day = day;
    for (const moment of [...list, ...pushed.reverse()]) this.add(moment);
  }

  /** Adds a pushed moment; false when it was known already. */
  add(moment: Moment): boolean {
    const day = localDate(moment.occurredAt);
    if (day > this.day) {
      this.day = day;
      this.items = [];
      this.keys.clear();
    } else if (day < this.day) {
      return false; // yesterday's, arriving late
    }
    const key = keyOf(moment);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.items.unshift(moment);
    while (this.items.length > MAX_MOMENTS) this.keys.delete(keyOf(this.items.pop()!));
    return true;
  }

  /** Badges earned today per rep, most first (ties by name): the slide's honour roll. */
  badgeCounts(): { repId: string; name: string; count: number }[] {
    const counts = new Map<string, { repId: string; name: string; count: number }>();
    for (const m of this.items) {
      if (m.kind !== 'badge') continue;
      const entry = counts.get(m.repId) ?? { repId: m.repId, name: m.name, count: 0 };
      entry.count++;
      counts.set(m.repId, entry);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }
}
