import type { MetricPace, PaceStatus } from './types';

const STATUS_CLASSES: Record<PaceStatus, string> = {
  ahead: 'st-ahead',
  onPace: 'st-onpace',
  behind: 'st-behind',
  atRisk: 'st-atrisk',
  notStarted: 'st-notstarted',
  noGoal: 'st-nogoal',
};

const STATUS_LABELS: Record<PaceStatus, string> = {
  ahead: 'Ahead',
  onPace: 'On pace',
  behind: 'Behind',
  atRisk: 'At risk',
  notStarted: 'Not started',
  noGoal: '',
};

/** The CSS class that colours a status; an unknown status (a newer server) looks neutral. */
export function statusClass(status: string | null | undefined): string {
  return STATUS_CLASSES[status as PaceStatus] ?? 'st-notstarted';
}

export function statusLabel(status: string | null | undefined): string {
  return STATUS_LABELS[status as PaceStatus] ?? '';
}

/** True when the metric has a goal to draw a bar against. */
export function hasGoal(pace: MetricPace | undefined): pace is MetricPace & { goal: number } {
  return !!pace && pace.status !== 'noGoal' && typeof pace.goal === 'number' && pace.goal > 0;
}

function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}

/** Share of the goal done, 0–100 (a rep past the goal shows a full bar). 0 without a goal. */
export function progressPercent(actual: number | null | undefined, goal: number | null | undefined): number {
  if (!goal || goal <= 0 || actual == null) return 0;
  return clampPercent((actual / goal) * 100);
}

/**
 * Where the "you should be here by now" marker sits on the bar, 0–100;
 * null when there is nothing to mark (no goal, zero goal, no expected value).
 */
export function markerPercent(expected: number | null | undefined, goal: number | null | undefined): number | null {
  if (!goal || goal <= 0 || expected == null || !Number.isFinite(expected)) return null;
  return clampPercent((expected / goal) * 100);
}

/** Initials for the avatar: first letter of the first and last word ("Anna Berg" → "AB", "Cher" → "C"). */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return '?';
  const first = firstLetter(words[0]!);
  if (words.length === 1) return first;
  return first + firstLetter(words[words.length - 1]!);
}

function firstLetter(word: string): string {
  // Array.from keeps a letter outside the BMP (or an accented one) whole.
  return (Array.from(word)[0] ?? '').toLocaleUpperCase();
}

/** Avatar hues that read well with white initials on a dark screen (no muddy olive). */
const AVATAR_HUES = [205, 225, 250, 275, 300, 330, 350, 10, 25, 160, 175, 190] as const;

/** A stable hue per rep, so an avatar keeps its colour while the row moves. */
export function avatarHue(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return AVATAR_HUES[Math.abs(hash) % AVATAR_HUES.length]!;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, maxFractionDigits: number, minFractionDigits = 0): Intl.NumberFormat {
  const key = `${locale ?? ''}|${maxFractionDigits}|${minFractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      maximumFractionDigits: maxFractionDigits,
      minimumFractionDigits: minFractionDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A count or goal: whole numbers as they are, fractions to one decimal. */
export function formatCount(value: number | null | undefined, locale?: string): string {
  if (value == null || !Number.isFinite(value)) return '–';
  return formatter(locale, Math.abs(value) >= 100 ? 0 : 1).format(value);
}

/** A rate such as "needed per hour": one decimal under 10, whole above. */
export function formatRate(value: number | null | undefined, locale?: string): string {
  if (value == null || !Number.isFinite(value)) return '–';
  return formatter(locale, value >= 10 ? 0 : 1).format(value);
}

/** An amount (a deal value) without a currency sign: grouped, cents only when there are any. */
export function formatAmount(value: number | null | undefined, locale?: string): string {
  if (value == null || !Number.isFinite(value)) return '';
  return (Number.isInteger(value) ? formatter(locale, 0) : formatter(locale, 2, 2)).format(value);
}

const PERIOD_LABELS: Record<string, string> = {
  day: 'today',
  week: 'this week',
  month: 'this month',
  quarter: 'this quarter',
};

export function periodLabel(period: string | null | undefined): string {
  return PERIOD_LABELS[period ?? ''] ?? period ?? '';
}

/** A multiplier such as a handicap: up to two decimals (1.25 stays 1.25), no grouping needed. */
export function formatFactor(value: number | null | undefined, locale?: string): string {
  if (value == null || !Number.isFinite(value)) return '–';
  return formatter(locale, 2).format(value);
}
