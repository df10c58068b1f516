import type { BoardStore } from '../board-store';
import {
  avatarHue,
  formatCount,
  hasGoal,
  initials,
  markerPercent,
  periodLabel,
  progressPercent,
  statusClass,
} from '../format';
import { boardLayout, metricColumns, minRowEms, ROW_WIDTHS, slotOf, type BoardLayout, type MetricColumn } from '../layout';
import type { MetricPace, RepRow } from '../types';
import { el, replayClass, setFamilyClass, setText, setVar } from './dom';

/** How long the up/down arrow stays next to a rep who moved. */
export const RANK_ARROW_MS = 4_000;

interface MetricCell {
  root: HTMLElement;
  label: HTMLElement;
  track: HTMLElement;
  fill: HTMLElement;
  marker: HTMLElement;
}

interface RowView {
  root: HTMLElement;
  rank: HTMLElement;
  arrow: HTMLElement;
  avatar: HTMLElement;
  name: HTMLElement;
  score: HTMLElement;
  metrics: HTMLElement;
  cells: MetricCell[];
  columnsKey: string;
  lastRank: number | null;
  lastScore: number | null;
  arrowTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * The leaderboard slide. Row elements are kept per repId and reused, so a delta only moves and
 * re-labels rows; rows slide to their new place by a CSS transition of their transform (the
 * "play" half of FLIP is the browser's, since every slot's position is known without measuring).
 */
export class LeaderboardView {
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private readonly rows = new Map<string, RowView>();
  private columns: MetricColumn[] = [];
  private headKey = '';
  private layout: BoardLayout = boardLayout(0);
  private page = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly locale: string | undefined,
  ) {
    this.head = el('div', 'lb-head');
    this.body = el('div', 'lb-rows');
    root.append(this.head, this.body);
  }

  get pages(): number {
    return this.layout.pages;
  }

  get currentPage(): number {
    return this.page;
  }

  /** Stops the rows' timers and empties the view (its team left the board). */
  dispose(): void {
    for (const view of this.rows.values()) if (view.arrowTimer !== null) clearTimeout(view.arrowTimer);
    this.rows.clear();
    this.root.replaceChildren();
  }

  /** Shows the next page when there are more reps than fit (wraps around). */
  nextPage(store: BoardStore): void {
    if (this.layout.pages <= 1) return;
    this.page = (this.page + 1) % this.layout.pages;
    this.render(store);
  }

  render(store: BoardStore): void {
    const rows = store.rows;
    this.layout = boardLayout(rows.length);
    if (this.page >= this.layout.pages) this.page = 0;
    this.columns = metricColumns(store.metricDefs, rows);
    const columnsKey = this.columns.map((c) => `${c.key}:${c.bars ? 1 : 0}:${c.period ?? ''}`).join(',');

    const widths = ROW_WIDTHS[this.layout.columns > 1 ? 'two' : 'one'];
    setVar(this.root, '--cols', String(this.layout.columns));
    setVar(this.root, '--rows', String(this.layout.rowsPerColumn));
    // The type size fits the least width of a row into a column (see styles.css), so the name keeps its minimum.
    setVar(this.root, '--need', minRowEms(this.columns, widths).toFixed(2));
    setVar(this.root, '--name-min', `${widths.nameMin}em`);
    setVar(this.root, '--bar-min', `${widths.barMin}em`);
    setVar(this.root, '--count-w', `${widths.count}em`);
    setVar(this.root, '--score-w', `${widths.score}em`);
    setVar(this.root, '--rank-w', `${widths.rank}em`);
    setVar(this.root, '--avatar-w', `${widths.avatar}em`);
    // Bars share the room left with the name (which gets twice a bar's share), never below their minimum.
    setVar(this.root, '--mtpl', this.columns.map((c) => (c.bars ? 'minmax(var(--bar-min), 1fr)' : 'var(--count-w)')).join(' '));
    this.root.classList.toggle('two-columns', this.layout.columns > 1);
    this.renderHead(columnsKey);

    const seen = new Set<string>();
    rows.forEach((row, index) => {
      seen.add(row.repId);
      let view = this.rows.get(row.repId);
      const isNew = view === undefined;
      if (view === undefined) {
        view = this.createRow(row);
        this.rows.set(row.repId, view);
      }
      const slot = slotOf(index, this.layout);
      setVar(view.root, '--c', String(slot.column));
      setVar(view.root, '--r', String(slot.row));
      view.root.classList.toggle('off-page', slot.page !== this.page);
      this.updateRow(view, row, columnsKey);
      if (isNew) {
        // Appear in place: no slide in from the corner.
        view.root.classList.add('fresh');
        this.body.append(view.root);
        void view.root.offsetWidth; // commit the starting style, so that only later moves animate
        view.root.classList.remove('fresh');
      }
    });

    for (const [repId, view] of this.rows) {
      if (seen.has(repId)) continue;
      if (view.arrowTimer !== null) clearTimeout(view.arrowTimer);
      view.root.remove();
      this.rows.delete(repId);
    }
  }

  private renderHead(columnsKey: string): void {
    const key = `${this.layout.columns}|${columnsKey}`;
    if (key === this.headKey) return;
    this.headKey = key;
    this.head.replaceChildren();
    for (let c = 0; c < this.layout.columns; c++) {
      const h = el('div', 'lb-head-col');
      h.append(el('span', 'h-rank', '#'), el('span', 'h-name', 'Rep'));
      const metrics = el('span', 'h-metrics');
      for (const col of this.columns) {
        const m = el('span', 'h-metric');
        m.append(el('span', 'h-metric-name', col.name));
        if (col.period && col.period !== 'day') m.append(el('span', 'h-metric-period', periodLabel(col.period)));
        metrics.append(m);
      }
      h.append(metrics, el('span', 'h-score', 'Score'));
      this.head.append(h);
    }
  }

  private createRow(row: RepRow): RowView {
    const root = el('div', 'lb-row');
    root.dataset['repId'] = row.repId;
    const card = el('div', 'lb-card');
    const rankBox = el('div', 'rank');
    const rank = el('span', 'rank-num');
    const arrow = el('span', 'rank-arrow');
    rankBox.append(rank, arrow);
    const avatar = el('div', 'avatar');
    avatar.style.setProperty('--hue', String(avatarHue(row.repId)));
    const name = el('div', 'name');
    const metrics = el('div', 'metrics');
    const score = el('div', 'score');
    card.append(rankBox, avatar, name, metrics, score);
    root.append(card);
    return {
      root,
      rank,
      arrow,
      avatar,
      name,
      score,
      metrics,
      cells: [],
      columnsKey: '',
      lastRank: null,
      lastScore: null,
      arrowTimer: null,
    };
  }

  private updateRow(view: RowView, row: RepRow, columnsKey: string): void {
    setText(view.rank, String(row.rank));
    setText(view.avatar, initials(row.name));
    setText(view.name, row.name);
    setText(view.score, formatCount(row.score, this.locale));
    setFamilyClass(view.root, 'top', row.rank >= 1 && row.rank <= 3 ? `top${row.rank}` : '');

    if (view.lastRank !== null && row.rank !== view.lastRank) {
      const up = row.rank < view.lastRank;
      setText(view.arrow, up ? '▲' : '▼');
      setFamilyClass(view.root, 'moved-', up ? 'moved-up' : 'moved-down');
      if (view.arrowTimer !== null) clearTimeout(view.arrowTimer);
      view.arrowTimer = setTimeout(() => {
        view.arrowTimer = null;
        setFamilyClass(view.root, 'moved-', '');
        setText(view.arrow, '');
      }, RANK_ARROW_MS);
    }
    if (view.lastScore !== null && row.score > view.lastScore) replayClass(view.score, 'bump');
    view.lastRank = row.rank;
    view.lastScore = row.score;

    if (view.columnsKey !== columnsKey) {
      view.columnsKey = columnsKey;
      view.cells = this.columns.map(() => createCell());
      view.metrics.replaceChildren(...view.cells.map((c) => c.root));
    }
    this.columns.forEach((col, i) => updateCell(view.cells[i]!, row.metrics[col.key], col, this.locale));
  }
}

function createCell(): MetricCell {
  const root = el('div', 'metric');
  const label = el('div', 'metric-label');
  const track = el('div', 'bar');
  const fill = el('div', 'bar-fill');
  const marker = el('div', 'bar-marker');
  track.append(fill, marker);
  root.append(label, track);
  return { root, label, track, fill, marker };
}

function updateCell(cell: MetricCell, pace: MetricPace | undefined, column: MetricColumn, locale?: string): void {
  if (!hasGoal(pace)) {
    // No goal for this rep: the count alone, no bar.
    cell.root.classList.add('count-only');
    setFamilyClass(cell.root, 'st-', 'st-nogoal');
    setText(cell.label, pace ? formatCount(pace.actual, locale) : column.bars ? '–' : '0');
    return;
  }
  cell.root.classList.remove('count-only');
  setFamilyClass(cell.root, 'st-', statusClass(pace.status));
  setText(cell.label, `${formatCount(pace.actual, locale)} / ${formatCount(pace.goal, locale)}`);
  setVar(cell.fill, '--p', `${progressPercent(pace.actual, pace.goal)}%`);
  const marker = markerPercent(pace.expected, pace.goal);
  cell.marker.hidden = marker === null;
  if (marker !== null) setVar(cell.marker, '--p', `${marker}%`);
}
