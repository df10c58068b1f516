import type { BoardStore } from '../board-store';
import {
  formatCount,
  formatRate,
  hasGoal,
  markerPercent,
  periodLabel,
  progressPercent,
  statusClass,
  statusLabel,
} from '../format';
import type { MetricDef, MetricPace } from '../types';
import { el, setFamilyClass, setText, setVar } from './dom';

interface GoalCard {
  root: HTMLElement;
  name: HTMLElement;
  period: HTMLElement;
  status: HTMLElement;
  fill: HTMLElement;
  expected: HTMLElement;
  expectedLabel: HTMLElement;
  projected: HTMLElement;
  actual: HTMLElement;
  goal: HTMLElement;
  projectedText: HTMLElement;
  needText: HTMLElement;
  longer: HTMLElement;
}

/** Longest list of goal cards drawn; more would be too small to read from across the room. */
export const MAX_PACE_CARDS = 4;

/**
 * The team pace slide: one big bar per metric with a goal (actual, the expected marker, the goal
 * at the end of the bar, the projection, and the rate needed from here), and plain counts for
 * metrics without a goal. Cards are kept per metric key and reused.
 */
export class PaceView {
  private readonly cardsBox: HTMLElement;
  private readonly countsBox: HTMLElement;
  private readonly cards = new Map<string, GoalCard>();
  private countsKey = '';

  constructor(
    root: HTMLElement,
    private readonly locale: string | undefined,
  ) {
    this.cardsBox = el('div', 'pace-cards');
    this.countsBox = el('div', 'pace-counts');
    root.append(this.cardsBox, this.countsBox);
  }

  render(store: BoardStore): void {
    const team = store.team;
    const defs = store.metricDefs;
    const withGoal = defs.filter((d) => hasGoal(team.metrics[d.key])).slice(0, MAX_PACE_CARDS);
    const counts = defs.filter((d) => !withGoal.includes(d));

    setVar(this.cardsBox, '--n', String(Math.max(1, withGoal.length)));
    const seen = new Set<string>();
    withGoal.forEach((def, index) => {
      seen.add(def.key);
      let card = this.cards.get(def.key);
      if (card === undefined) {
        card = createCard();
        this.cards.set(def.key, card);
      }
      if (this.cardsBox.children[index] !== card.root) this.cardsBox.insertBefore(card.root, this.cardsBox.children[index] ?? null);
      this.updateCard(card, def, team.metrics[def.key]!);
    });
    for (const [key, card] of this.cards) {
      if (seen.has(key)) continue;
      card.root.remove();
      this.cards.delete(key);
    }

    this.renderCounts(counts, team.metrics, team.score);
  }

  private updateCard(card: GoalCard, def: MetricDef, pace: MetricPace): void {
    const l = this.locale;
    setFamilyClass(card.root, 'st-', statusClass(pace.status));
    setText(card.name, def.name);
    setText(card.period, periodLabel(pace.period));
    setText(card.status, statusLabel(pace.status));
    setVar(card.fill, '--p', `${progressPercent(pace.actual, pace.goal)}%`);

    const expected = markerPercent(pace.expected, pace.goal);
    card.expected.hidden = expected === null;
    if (expected !== null) {
      setVar(card.expected, '--p', `${expected}%`);
      setText(card.expectedLabel, `should be ${formatCount(pace.expected, l)}`);
      card.expected.classList.toggle('label-left', expected > 80);
    }
    const projected = markerPercent(pace.projected, pace.goal);
    card.projected.hidden = projected === null;
    if (projected !== null) setVar(card.projected, '--p', `${projected}%`);

    setText(card.actual, formatCount(pace.actual, l));
    setText(card.goal, formatCount(pace.goal, l));
    setText(card.projectedText, pace.projected == null ? '–' : formatCount(pace.projected, l));
    setText(card.needText, needSentence(pace, l));

    const longer = Object.values(pace.periods ?? {}).find((p) => hasGoal(p));
    card.longer.hidden = longer === undefined;
    if (longer !== undefined) {
      setText(
        card.longer,
        `${capitalise(periodLabel(longer.period))}: ${formatCount(longer.actual, l)} of ${formatCount(longer.goal, l)}` +
          (statusLabel(longer.status) ? ` · ${statusLabel(longer.status)}` : ''),
      );
      setFamilyClass(card.longer, 'st-', statusClass(longer.status));
    }
  }

  private renderCounts(defs: MetricDef[], metrics: Record<string, MetricPace>, score: number | undefined): void {
    const items: [string, string][] = [];
    if (typeof score === 'number') items.push(['Team score', formatCount(score, this.locale)]);
    for (const d of defs) items.push([d.name, formatCount(metrics[d.key]?.actual ?? 0, this.locale)]);
    const key = JSON.stringify(items);
    if (key === this.countsKey) return;
    this.countsKey = key;
    this.countsBox.replaceChildren(
      ...items.map(([label, value]) => {
        const tile = el('div', 'count-tile');
        tile.append(el('span', 'count-value', value), el('span', 'count-label', label));
        return tile;
      }),
    );
  }
}

/** "Need 8.5 per hour from here", or the good news. */
export function needSentence(pace: MetricPace, locale?: string): string {
  if (pace.goal != null && pace.actual >= pace.goal) return 'Goal reached!';
  if (pace.neededPerHour == null) return 'No working time left';
  return `Need ${formatRate(pace.neededPerHour, locale)} per hour from here`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function createCard(): GoalCard {
  const root = el('section', 'pace-card');
  const head = el('div', 'pc-head');
  const name = el('span', 'pc-name');
  const period = el('span', 'pc-period');
  const status = el('span', 'pc-status');
  head.append(name, period, status);

  const bar = el('div', 'pc-bar');
  const fill = el('div', 'pc-fill');
  const projected = el('div', 'pc-projected');
  const expected = el('div', 'pc-expected');
  const expectedLabel = el('span', 'pc-expected-label');
  expected.append(expectedLabel);
  bar.append(fill, projected, expected);

  const stats = el('div', 'pc-stats');
  const done = el('div', 'pc-stat pc-done');
  const actual = el('b', 'pc-actual');
  const goal = el('span', 'pc-goal');
  done.append(actual, el('span', 'pc-of', ' of '), goal);
  const proj = el('div', 'pc-stat');
  const projectedText = el('b');
  proj.append(el('span', 'pc-of', 'Projected '), projectedText);
  const needText = el('div', 'pc-stat pc-need');
  stats.append(done, proj, needText);

  const longer = el('div', 'pc-longer');
  root.append(head, bar, stats, longer);
  return { root, name, period, status, fill, expected, expectedLabel, projected, actual, goal, projectedText, needText, longer };
}
