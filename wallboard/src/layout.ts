import { hasGoal } from './format';
import type { MetricDef, RepRow } from './types';

/** How the leaderboard places its rows. */
export interface BoardLayout {
  /** Columns of rows side by side. */
  columns: number;
  /** Row slots per column (rows are never taller than one slot of a board of `MIN_ROWS`). */
  rowsPerColumn: number;
  /** Rows shown at once: columns × rowsPerColumn. */
  pageSize: number;
  /** Pages the leaderboard flips through (1 when everyone fits). */
  pages: number;
}

/** Fewer rows than this would make rows absurdly tall: slots stay at this height at most. */
export const MIN_ROWS = 8;
/** One column up to this many reps, then two. */
export const SINGLE_COLUMN_MAX = 12;
/** Rows per column in two-column mode; 2 × 15 = 30 reps on one screen, more page. */
export const MAX_ROWS_PER_COLUMN = 15;

export function boardLayout(count: number): BoardLayout {
  const n = Math.max(0, count);
  if (n <= SINGLE_COLUMN_MAX) {
    const rows = Math.max(MIN_ROWS, n);
    return { columns: 1, rowsPerColumn: rows, pageSize: rows, pages: 1 };
  }
  const rowsPerColumn = Math.min(MAX_ROWS_PER_COLUMN, Math.max(MIN_ROWS, Math.ceil(n / 2)));
  const pageSize = rowsPerColumn * 2;
  return { columns: 2, rowsPerColumn, pageSize, pages: Math.ceil(n / pageSize) };
}

/** Where row number `index` (0-based, in rank order) goes. */
export function slotOf(index: number, layout: BoardLayout): { page: number; column: number; row: number } {
  const page = Math.floor(index / layout.pageSize);
  const inPage = index - page * layout.pageSize;
  const column = Math.floor(inPage / layout.rowsPerColumn);
  return { page, column, row: inPage - column * layout.rowsPerColumn };
}

/** At most this many metric columns on a leaderboard row. */
export const MAX_METRIC_COLUMNS = 3;

/** A metric column of the leaderboard: a progress bar where the rep has a goal, else a count. */
export interface MetricColumn {
  key: string;
  name: string;
  /** True when at least one rep has a goal for it (then it draws bars). */
  bars: boolean;
  /** The period of its goals (the first rep's with a goal), e.g. `week`; undefined for counts. */
  period?: string;
}

/**
 * The metrics a leaderboard row shows: first those that carry a goal for someone (in definition
 * order), then metrics worth a celebration (deals) as plain counts; at most `MAX_METRIC_COLUMNS`.
 */
export function metricColumns(defs: readonly MetricDef[], rows: readonly RepRow[]): MetricColumn[] {
  const withGoal = defs.filter((d) => rows.some((r) => hasGoal(r.metrics[d.key])));
  const counted = defs.filter((d) => d.celebrate && !withGoal.includes(d));
  return [
    ...withGoal.map((d) => ({
      key: d.key,
      name: d.name,
      bars: true,
      period: rows.map((r) => r.metrics[d.key]).find((p) => hasGoal(p))?.period,
    })),
    ...counted.map((d) => ({ key: d.key, name: d.name, bars: false })),
  ].slice(0, MAX_METRIC_COLUMNS);
}

/**
 * Widths (in em of the row's type) of the parts of a leaderboard row. The name's minimum is what keeps
 * names readable whatever the number of metric columns; above the minimums, the name and the bars share
 * what is left (the name two parts, each bar one).
 */
export interface RowWidths {
  rank: number;
  avatar: number;
  nameMin: number;
  barMin: number;
  count: number;
  score: number;
  gap: number;
  /** Left and right padding of a row, together. */
  padding: number;
}

export const ROW_WIDTHS: Readonly<Record<'one' | 'two', RowWidths>> = {
  one: { rank: 2.3, avatar: 1.9, nameMin: 10, barMin: 4.5, count: 4.5, score: 3.6, gap: 0.55, padding: 1.2 },
  two: { rank: 2.3, avatar: 1.9, nameMin: 8.5, barMin: 2.8, count: 2.8, score: 3, gap: 0.55, padding: 1.2 },
};

/**
 * The least width of one row, in em: every part at its minimum, plus the gaps between them and a small
 * margin for borders. The type size is chosen so that this fits the column, so the name column (and
 * with it the names) can never be squeezed to nothing by the metric columns.
 */
export function minRowEms(columns: readonly MetricColumn[], widths: RowWidths): number {
  const metrics = columns.reduce((sum, c) => sum + (c.bars ? widths.barMin : widths.count), 0);
  const tracks = 4 + columns.length;
  return widths.rank + widths.avatar + widths.nameMin + metrics + widths.score + widths.gap * (tracks - 1) + widths.padding + 0.3;
}
