import { BoardStore } from './board-store';
import { MomentFeed } from './moments';
import type { SlideName } from './options';
import type { Competition } from './types';
import { CompetitionsView } from './view/competitions';
import { el } from './view/dom';
import { LeaderboardView } from './view/leaderboard';
import { MomentsView } from './view/moments';
import { PaceView } from './view/pace';

/**
 * One team on the wallboard: its board (kept in step with the hub), its moments of the day, its contests, and its
 * slides, each a section of the page that fades in when its turn comes. A board with several teams has one of these
 * per team.
 */
export class TeamScreen {
  readonly store: BoardStore;
  readonly moments = new MomentFeed();
  competitions: Competition[] = [];
  /** When the contests were last asked for (ms), so that a burst of deltas asks once. */
  competitionsAskedAt = 0;
  readonly leaderboard: LeaderboardView;
  readonly pace: PaceView;
  readonly competitionsView: CompetitionsView;
  readonly momentsView: MomentsView;
  private readonly sections: Record<SlideName, HTMLElement>;

  constructor(
    readonly teamId: string,
    host: HTMLElement,
    locale: string | undefined,
    requestResync: (teamId: string) => void,
  ) {
    this.store = new BoardStore(teamId, () => requestResync(teamId));
    const leaderboardBox = el('div', 'leaderboard');
    const paceBox = el('div', 'pace');
    const competitionsBox = el('div', 'competitions');
    const badgesBox = el('div', 'badges');
    this.sections = {
      leaderboard: section(teamId, 'leaderboard', leaderboardBox),
      pace: section(teamId, 'pace', paceBox),
      competitions: section(teamId, 'competitions', competitionsBox),
      badges: section(teamId, 'badges', badgesBox),
    };
    host.append(...Object.values(this.sections));
    this.leaderboard = new LeaderboardView(leaderboardBox, locale);
    this.pace = new PaceView(paceBox, locale);
    this.competitionsView = new CompetitionsView(competitionsBox, locale);
    this.momentsView = new MomentsView(badgesBox);
  }

  /** Shows one slide of this team (null: none of them). */
  show(slide: SlideName | null): void {
    for (const [name, e] of Object.entries(this.sections)) e.classList.toggle('active', name === slide);
  }

  render(slide: SlideName, nowMs: number = Date.now()): void {
    if (!this.store.hasBoard) return;
    switch (slide) {
      case 'leaderboard':
        this.leaderboard.render(this.store);
        break;
      case 'pace':
        this.pace.render(this.store);
        break;
      case 'competitions':
        this.competitionsView.render(this.competitions, (key) => this.metricName(key), nowMs);
        break;
      case 'badges':
        this.momentsView.render(this.moments);
        break;
    }
  }

  metricName(key: string): string {
    return this.store.metricDefs.find((d) => d.key === key)?.name ?? key;
  }

  /** Takes the team off the page. */
  dispose(): void {
    this.leaderboard.dispose();
    for (const e of Object.values(this.sections)) e.remove();
  }
}

function section(teamId: string, slide: SlideName, content: HTMLElement): HTMLElement {
  const e = el('section', 'slide');
  e.dataset['team'] = teamId;
  e.dataset['slide'] = slide;
  e.append(content);
  return e;
}
