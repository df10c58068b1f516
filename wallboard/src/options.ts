/** The slides this wallboard knows: the leaderboard, the team's pace, running competitions, today's badges and moments. */
export const SLIDE_NAMES = ['leaderboard', 'pace', 'competitions', 'badges'] as const;
export type SlideName = (typeof SLIDE_NAMES)[number];

/** The slides shown when a link or a board names none (those a TV showed before competitions and badges). */
export const DEFAULT_SLIDES: readonly SlideName[] = ['leaderboard', 'pace'];

export interface WallboardOptions {
  teamId: string | null;
  /** `?board=`: a board to open with a read key (a board token knows its board). */
  boardId: string | null;
  token: string | null;
  slides: SlideName[];
  /** Seconds each slide stays before the next one. */
  dwellSeconds: number;
  /** Demo data without a server (only when no token is given). */
  mock: boolean;
  /** BCP 47 locale for numbers; the browser's when absent. */
  locale: string | undefined;
}

export const DEFAULT_DWELL_SECONDS = 20;
export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3_600;

/**
 * Reads the page's query string: `?team=emea&token=…&slides=leaderboard,pace&dwell=20`, or `?board=floor&token=…`
 * (a board defined on the server), or nothing at all (a stored board token, else pairing).
 */
export function parseOptions(search: string): WallboardOptions {
  const q = new URLSearchParams(search);
  const text = (name: string): string | null => {
    const v = q.get(name)?.trim();
    return v ? v : null;
  };

  const slides: SlideName[] = [];
  for (const part of (q.get('slides') ?? '').split(',')) {
    const name = part.trim().toLowerCase();
    if ((SLIDE_NAMES as readonly string[]).includes(name) && !slides.includes(name as SlideName)) {
      slides.push(name as SlideName);
    }
  }

  const dwell = Number(q.get('dwell'));
  const dwellSeconds =
    q.get('dwell') !== null && Number.isFinite(dwell) && dwell > 0
      ? Math.min(MAX_DWELL_SECONDS, Math.max(MIN_DWELL_SECONDS, Math.round(dwell)))
      : DEFAULT_DWELL_SECONDS;

  const token = text('token');
  const locale = text('lang') ?? undefined;
  let validLocale: string | undefined;
  try {
    validLocale = locale && Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : undefined;
  } catch {
    validLocale = undefined;
  }

  return {
    teamId: text('team'),
    boardId: text('board'),
    token,
    slides: slides.length > 0 ? slides : [...DEFAULT_SLIDES],
    dwellSeconds,
    mock: token === null && ['1', 'true', 'yes'].includes((q.get('mock') ?? '').toLowerCase()),
    locale: validLocale,
  };
}
