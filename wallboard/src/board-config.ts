import { DEFAULT_SLIDES, SLIDE_NAMES, type SlideName } from './options';

/** The hub message `wallboardConfig`: a board defined on the server (the answer of `OpenWallboard`, and every change). */
export interface WallboardConfig {
  id: string;
  title: string;
  teams: string[];
  slides: SlideName[];
  dwellSeconds: number;
  theme: Theme;
  revision: number;
}

export type Theme = 'dark' | 'light';

/** One step of the rotation: a slide of a team. */
export interface PlaylistItem {
  teamId: string;
  slide: SlideName;
}

const MIN_DWELL = 5;
const MAX_DWELL = 3_600;

/**
 * Makes a config out of whatever the server sent: slides this page does not know (a newer server's) are skipped,
 * and anything missing or malformed takes a safe default, so that a TV never stops on a bad message. Null when
 * there is no board id or no team at all.
 */
export function readConfig(message: unknown): WallboardConfig | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
  const id = typeof m['id'] === 'string' ? m['id'] : '';
  const teams = [...new Set(strings(m['teams']))];
  if (id === '' || teams.length === 0) return null;
  const known = [...new Set(strings(m['slides']).map((s) => s.toLowerCase()))].filter((s): s is SlideName =>
    (SLIDE_NAMES as readonly string[]).includes(s),
  );
  const dwell = typeof m['dwellSeconds'] === 'number' && Number.isFinite(m['dwellSeconds']) ? Math.round(m['dwellSeconds']) : 20;
  return {
    id,
    title: typeof m['title'] === 'string' ? m['title'] : '',
    teams,
    slides: known.length > 0 ? known : [...DEFAULT_SLIDES],
    dwellSeconds: Math.min(MAX_DWELL, Math.max(MIN_DWELL, dwell)),
    theme: m['theme'] === 'light' ? 'light' : 'dark',
    revision: typeof m['revision'] === 'number' ? m['revision'] : 0,
  };
}

/** The rotation of a board: each team's slides in turn (team A's leaderboard, team A's pace, team B's...). */
export function playlist(teams: readonly string[], slides: readonly SlideName[]): PlaylistItem[] {
  return teams.flatMap((teamId) => slides.map((slide) => ({ teamId, slide })));
}
