import { describe, expect, it } from 'vitest';
import { boardLayout, MAX_METRIC_COLUMNS, metricColumns, minRowEms, ROW_WIDTHS, slotOf } from './layout';
import { pace, rep } from './test/boards';
import type { MetricDef } from './types';

describe('leaderboard layout', () => {
  it('uses one column for a small team, with rows no taller than a board of eight', () => {
    expect(boardLayout(3)).toEqual({ columns: 1, rowsPerColumn: 8, pageSize: 8, pages: 1 });
    expect(boardLayout(12)).toEqual({ columns: 1, rowsPerColumn: 12, pageSize: 12, pages: 1 });
  });

  it('fits 30 reps on one screen in two columns', () => {
    expect(boardLayout(13)).toEqual({ columns: 2, rowsPerColumn: 8, pageSize: 16, pages: 1 });
    expect(boardLayout(30)).toEqual({ columns: 2, rowsPerColumn: 15, pageSize: 30, pages: 1 });
  });

  it('pages beyond 30 reps', () => {
    expect(boardLayout(31)).toEqual({ columns: 2, rowsPerColumn: 15, pageSize: 30, pages: 2 });
    expect(boardLayout(95).pages).toBe(4);
  });

  it('places rows down the first column, then the second, then the next page', () => {
    const layout = boardLayout(40);
    expect(slotOf(0, layout)).toEqual({ page: 0, column: 0, row: 0 });
    expect(slotOf(14, layout)).toEqual({ page: 0, column: 0, row: 14 });
    expect(slotOf(15, layout)).toEqual({ page: 0, column: 1, row: 0 });
    expect(slotOf(29, layout)).toEqual({ page: 0, column: 1, row: 14 });
    expect(slotOf(30, layout)).toEqual({ page: 1, column: 0, row: 0 });
  });
});

describe('metric columns', () => {
  const defs: MetricDef[] = [
    { key: 'call', name: 'Calls' },
    { key: 'deal', name: 'Deals won', celebrate: true },
    { key: 'meeting', name: 'Meetings' },
    { key: 'email', name: 'Emails' },
  ];

  it('shows goal metrics as bars, then celebrated metrics as counts, and nothing else', () => {
    const anna = rep('anna', 1, 10);
    anna.metrics = { call: pace(10, 60, 30), meeting: { ...pace(1, 8, 4), period: 'week' }, email: pace(4, null) };
    const ben = rep('ben', 2, 5);
    ben.metrics = { call: pace(5, null) };
    expect(metricColumns(defs, [anna, ben])).toEqual([
      { key: 'call', name: 'Calls', bars: true, period: 'day' },
      { key: 'meeting', name: 'Meetings', bars: true, period: 'week' },
      { key: 'deal', name: 'Deals won', bars: false },
    ]);
  });

  it('shows at most a few columns', () => {
    const many: MetricDef[] = Array.from({ length: 6 }, (_, i) => ({ key: `m${i}`, name: `M${i}` }));
    const anna = rep('anna', 1, 1);
    anna.metrics = Object.fromEntries(many.map((d) => [d.key, pace(1, 10, 5)]));
    expect(metricColumns(many, [anna])).toHaveLength(MAX_METRIC_COLUMNS);
  });

  it('reserves the name its minimum whatever the number of metric columns', () => {
    const bar = { key: 'call', name: 'Calls', bars: true };
    const count = { key: 'deal', name: 'Deals', bars: false };
    const one = ROW_WIDTHS.one;
    const fixed = one.rank + one.avatar + one.nameMin + one.score + one.padding + 0.3;
    expect(minRowEms([], one)).toBeCloseTo(fixed + 3 * one.gap);
    expect(minRowEms([bar, bar, bar], one)).toBeCloseTo(fixed + 3 * one.barMin + 6 * one.gap);
    expect(minRowEms([bar, count], ROW_WIDTHS.two)).toBeGreaterThan(ROW_WIDTHS.two.nameMin + ROW_WIDTHS.two.barMin + ROW_WIDTHS.two.count);
    // The demo org's three goal metrics at 1080p, one column: the type stays as large as the rows allow.
    const rowsFont = ((1080 - 86.4 - 43.2 - 38.9) / 8) * 0.42;
    const columnWidth = 1920 - 2 * 32.4;
    expect(columnWidth / minRowEms([bar, bar, bar], one)).toBeGreaterThan(rowsFont);
  });
});
