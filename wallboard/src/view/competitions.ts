import {
  basisText,
  handicapText,
  leaderId,
  MAX_STANDINGS,
  reachedText,
  ruleChangeLine,
  scorePercent,
  scoreText,
  timeLeft,
} from '../competitions';
import type { Competition } from '../types';
import { el, setVar } from './dom';

/**
 * The competitions slide: one card per contest (side by side, at most three) with its title, basis and time left,
 * the latest rule change, and the standings (handicap-adjusted scores, the leader or winner in gold). Everything is
 * set as text, never as HTML; cards are rebuilt when the answer changes (a few times a minute at most).
 */
export class CompetitionsView {
  private readonly cards: HTMLElement;
  private readonly empty: HTMLElement;
  private key = '';

  constructor(
    root: HTMLElement,
    private readonly locale: string | undefined,
  ) {
    this.cards = el('div', 'cp-cards');
    this.empty = el('div', 'cp-empty', 'No competition running today');
    root.append(this.cards, this.empty);
  }

  render(contests: readonly Competition[], metricName: (key: string) => string, nowMs: number): void {
    this.empty.hidden = contests.length > 0;
    setVar(this.cards, '--n', String(Math.max(1, contests.length)));
    this.cards.dataset['n'] = String(contests.length);
    // Time left moves by the minute; rebuilding only when something shown changed keeps the DOM still.
    const key = JSON.stringify([contests, Math.floor(nowMs / 60_000)]);
    if (key === this.key) return;
    this.key = key;
    this.cards.replaceChildren(...contests.map((c) => this.card(c, metricName, nowMs)));
  }

  private card(c: Competition, metricName: (key: string) => string, nowMs: number): HTMLElement {
    const l = this.locale;
    const card = el('section', 'cp-card');
    card.dataset['competitionId'] = c.id;
    card.classList.toggle('decided', c.status === 'decided');
    const head = el('div', 'cp-head');
    head.append(el('div', 'cp-title', c.name), el('div', 'cp-time', timeLeft(c, nowMs)));
    const meta = el('div', 'cp-meta', basisText(c, metricName, l));
    card.append(head, meta);

    const leader = leaderId(c);
    if (c.status === 'decided') {
      const winner = c.standings.find((s) => s.id === c.winnerId);
      const banner = el('div', 'cp-winner');
      banner.append(el('span', 'cp-winner-icon', '♛\uFE0E'), el('span', 'cp-winner-name', winner?.name ?? 'No winner'));
      if (winner) banner.append(el('span', 'cp-winner-score', scoreText(c, winner.score, l)));
      card.append(banner);
    }

    const rules = ruleChangeLine(c, l);
    const rulesLine = el('div', 'cp-rules', rules);
    rulesLine.hidden = rules === '';
    card.append(rulesLine);

    const list = el('ol', 'cp-standings');
    const best = Math.max(0, ...c.standings.map((s) => s.score));
    for (const s of c.standings.slice(0, MAX_STANDINGS)) {
      const row = el('li', 'cp-row');
      row.dataset['id'] = s.id;
      row.classList.toggle('leader', s.id === leader);
      const name = el('span', 'cp-name');
      name.append(el('span', 'cp-name-text', s.name));
      const handicap = handicapText(c, s.id, l);
      if (handicap) name.append(el('span', 'cp-handicap', handicap));
      const reached = reachedText(c, s);
      if (reached) name.append(el('span', 'cp-reached', reached));
      const bar = el('span', 'cp-bar');
      const fill = el('span', 'cp-fill');
      setVar(fill, '--p', `${scorePercent(s.score, best)}%`);
      bar.append(fill);
      row.append(el('span', 'cp-rank', String(s.rank)), name, bar, el('span', 'cp-score', scoreText(c, s.score, l)));
      list.append(row);
    }
    const more = c.standings.length - MAX_STANDINGS;
    card.append(list);
    if (more > 0) card.append(el('div', 'cp-more', `and ${more} more`));
    return card;
  }
}
