import { BoardStore } from './board-store';
import type { SlideName } from './options';
import { el } from './view/dom';
import { LeaderboardView } from './view/leaderboard';
import { PaceView } from './view/pace';

/**
 * One team on the wallboard: its board (kept in step with the hub) and its slides, each a section of the page
 * that fades in when its turn comes. A board with several teams has one of these per team.
 */
export class TeamScreen {
  readonly store: BoardStore;
  readonly leaderboard: LeaderboardView;
  readonly pace: PaceView;
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
    this.sections = { leaderboard: section(teamId, 'leaderboard', leaderboardBox), pace: section(teamId, 'pace', paceBox) };
    host.append(this.sections.leaderboard, this.sections.pace);
    this.leaderboard = new LeaderboardView(leaderboardBox, locale);
    this.pace = new PaceView(paceBox, locale);
  }

  /** Shows one slide of this team (null: none of them). */
  show(slide: SlideName | null): void {
    for (const [name, e] of Object.entries(this.sections)) e.classList.toggle('active', name === slide);
  }

  render(slide: SlideName): void {
    if (!this.store.hasBoard) return;
    if (slide === 'leaderboard') this.leaderboard.render(this.store);
    else this.pace.render(this.store);
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
