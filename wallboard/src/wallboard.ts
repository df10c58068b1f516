import { announcementDuration, AnnouncementStage, type Announcement } from './announcements';
import { playlist, type PlaylistItem, type Theme, type WallboardConfig } from './board-config';
import { CelebrationQueue } from './celebration-queue';
import { readCompetitions } from './competitions';
import type { LinkStatus, LiveLinkHandlers } from './live-link';
import type { SlideName } from './options';
import { SlideRotation } from './rotation';
import { TeamScreen } from './team-screen';
import { BadgeBannerView } from './view/badge-banner';
import { CelebrationView } from './view/celebration';
import { setText } from './view/dom';

/** The elements of index.html the wallboard drives. */
export interface PageElements {
  app: HTMLElement;
  slides: HTMLElement;
  message: HTMLElement;
  messageTitle: HTMLElement;
  messageDetail: HTMLElement;
  statusBox: HTMLElement;
  statusText: HTMLElement;
  boardTitle: HTMLElement;
  teamName: HTMLElement;
  slideTitle: HTMLElement;
  pageInfo: HTMLElement;
}

/** What the wallboard asks of its connection. */
export interface TeamLink {
  resubscribe(teamId?: string): void;
  setTeams?(teamIds: readonly string[]): void;
  /** The team's contests to show (`GetCompetitions`); a link without it (the demo data) shows none. */
  competitions?(teamId: string): Promise<unknown>;
}

/** Contests are asked for at most this often per team while a burst of changes arrives. */
export const COMPETITIONS_MIN_GAP_MS = 2_000;

/** While the competitions slide shows, its standings (and time left) are refreshed at least this often. */
export const COMPETITIONS_REFRESH_MS = 15_000;

/** Time each leaderboard page stays when there are more reps than fit on one screen. */
export const PAGE_DWELL_MS = 10_000;

export const INVALID_LINK = {
  title: 'This board’s link is not valid — ask your manager for a new one',
  detail: 'The screen keeps trying, and shows the board as soon as the link works.',
};
const CONNECTING = {
  title: 'Connecting to SalesCoach.Live…',
  detail: 'The board appears as soon as the server answers.',
};

const SLIDE_TITLES: Record<SlideName, string> = {
  leaderboard: 'Leaderboard · today',
  pace: 'Team pace · today',
  competitions: 'Competitions',
  badges: 'Badges and moments · today',
};

export const STATUS_TEXT: Record<LinkStatus, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  invalid: 'Link not valid',
};

/**
 * The board on screen: one {@link TeamScreen} per team, the rotation through each team's slides, the header,
 * the full-screen messages and the celebrations (of any of the teams, one at a time). It lives as long as the
 * page; a board's definition can change under it ({@link applyConfig}) without a reload.
 */
export class Wallboard {
  private readonly screens = new Map<string, TeamScreen>();
  private readonly celebrations: CelebrationQueue<Announcement>;
  private readonly competitionTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly rotation: SlideRotation<PlaylistItem>;
  private current: PlaylistItem | null = null;
  private status: LinkStatus = 'connecting';
  private config: WallboardConfig | null = null;
  private link: TeamLink | null = null;
  private renderQueued = false;
  private playlistKey = '';

  constructor(
    private readonly page: PageElements,
    private readonly locale: string | undefined,
    private readonly defaults: { slides: SlideName[]; dwellSeconds: number },
  ) {
    const metricName = (key: string): string => {
      for (const screen of this.screens.values()) {
        const def = screen.store.metricDefs.find((d) => d.key === key);
        if (def) return def.name;
      }
      return key;
    };
    const deals = new CelebrationView(page.app, (key) => (key === 'competition' ? 'Competition winner' : metricName(key)), locale);
    this.celebrations = new CelebrationQueue<Announcement>(new AnnouncementStage(deals, new BadgeBannerView(page.app)), {
      durationOf: announcementDuration,
    });
    this.rotation = new SlideRotation<PlaylistItem>([], defaults.dwellSeconds * 1_000, (item) => this.show(item));
    setInterval(() => {
      const screen = this.current ? this.screens.get(this.current.teamId) : undefined;
      if (screen && this.current?.slide === 'leaderboard' && screen.leaderboard.pages > 1) {
        screen.leaderboard.nextPage(screen.store);
        this.render();
      }
    }, PAGE_DWELL_MS);
    setInterval(() => {
      if (this.current?.slide !== 'competitions') return;
      this.refreshCompetitions(this.current.teamId);
      this.render();
    }, COMPETITIONS_REFRESH_MS);
  }

  /** The link the screens ask for fresh snapshots. */
  attach(link: TeamLink | null): void {
    this.link = link;
  }

  /** The handlers a live link feeds. */
  readonly handlers: LiveLinkHandlers = {
    onSnapshot: (snapshot) => {
      const screen = this.screens.get(snapshot.teamId);
      if (screen?.store.applySnapshot(snapshot)) {
        this.updateMessage();
        this.refreshCompetitions(snapshot.teamId);
        if (screen.teamId === this.current?.teamId) this.scheduleRender();
      }
    },
    onDelta: (delta) => {
      const screen = this.screens.get(delta.teamId);
      if (screen?.store.applyDelta(delta) === 'applied') {
        // A change of the board may move a contest's standings: ask again while they are on screen.
        if (this.current?.slide === 'competitions') this.refreshCompetitions(this.current.teamId);
        if (screen.teamId === this.current?.teamId) this.scheduleRender();
      }
    },
    onCelebration: (c) => {
      if (this.screens.has(c.teamId)) this.celebrations.enqueue({ kind: 'deal', celebration: c });
    },
    onMoment: (m) => {
      const screen = this.screens.get(m.teamId);
      if (!screen?.moments.add(m)) return;
      if (m.kind === 'badge') this.celebrations.enqueue({ kind: 'badge', moment: m });
      if (m.kind === 'competition') this.refreshCompetitions(m.teamId);
      if (screen.teamId === this.current?.teamId && this.current.slide === 'badges') this.scheduleRender();
    },
    onMomentFeed: (teamId, feed) => {
      const screen = this.screens.get(teamId);
      if (!screen) return;
      screen.moments.replace(feed);
      if (teamId === this.current?.teamId && this.current.slide === 'badges') this.scheduleRender();
    },
    onStatus: (s) => this.setStatus(s),
    onConfig: (config) => this.applyConfig(config),
  };

  /** The teams shown, in rotation order. */
  get teamIds(): string[] {
    return [...this.screens.keys()];
  }

  /** Shows these teams, each with these slides (a `?team=` link, or a board's definition). */
  showTeams(teamIds: readonly string[], slides: readonly SlideName[] = this.defaults.slides, dwellSeconds = this.defaults.dwellSeconds): void {
    const teams = [...new Set(teamIds)];
    for (const [teamId, screen] of this.screens) {
      if (teams.includes(teamId)) continue;
      screen.dispose();
      this.screens.delete(teamId);
      clearTimeout(this.competitionTimers.get(teamId));
      this.competitionTimers.delete(teamId);
    }
    for (const teamId of teams) {
      if (!this.screens.has(teamId)) {
        this.screens.set(teamId, new TeamScreen(teamId, this.page.slides, this.locale, (t) => this.link?.resubscribe(t)));
      }
    }
    this.link?.setTeams?.(teams);
    const items = playlist(teams, slides);
    const key = `${dwellSeconds}|${items.map((i) => `${i.teamId}/${i.slide}`).join(',')}`;
    if (key !== this.playlistKey) {
      this.playlistKey = key;
      this.rotation.setSlides(items, dwellSeconds * 1_000);
    }
    if (items.length === 0) this.show(null);
    this.updateMessage();
  }

  /** Applies a board's definition: its teams, slides, dwell, title and theme (while the TV runs). */
  applyConfig(config: WallboardConfig): void {
    this.config = config;
    applyTheme(config.theme);
    this.showTeams(config.teams, config.slides, config.dwellSeconds);
    this.updateHeader();
  }

  /** Takes every team off the screen (a revoked token: the page goes back to pairing). */
  clear(): void {
    this.config = null;
    this.attach(null);
    this.showTeams([]);
    this.celebrations.clear();
    applyTheme('dark');
    this.setStatus('connecting');
    this.page.message.hidden = true;
    setText(this.page.teamName, '');
    setText(this.page.slideTitle, '');
    setText(this.page.pageInfo, '');
    this.page.boardTitle.hidden = true;
  }

  private setStatus(status: LinkStatus): void {
    this.status = status;
    this.page.statusBox.dataset['status'] = status;
    setText(this.page.statusText, STATUS_TEXT[status]);
    this.page.app.classList.toggle('stale', status !== 'live');
    this.updateMessage();
  }

  /**
   * Asks the server for a team's contests (scored at each call), at most once per {@link COMPETITIONS_MIN_GAP_MS}: a
   * call within the gap is held and made once when the gap ends.
   */
  private refreshCompetitions(teamId: string): void {
    const screen = this.screens.get(teamId);
    const link = this.link;
    if (!screen || !link?.competitions || this.competitionTimers.has(teamId)) return;
    const wait = screen.competitionsAskedAt + COMPETITIONS_MIN_GAP_MS - Date.now();
    if (wait > 0) {
      this.competitionTimers.set(
        teamId,
        setTimeout(() => {
          this.competitionTimers.delete(teamId);
          this.refreshCompetitions(teamId);
        }, wait),
      );
      return;
    }
    screen.competitionsAskedAt = Date.now();
    link
      .competitions(teamId)
      .then((answer) => {
        if (this.screens.get(teamId) !== screen) return;
        screen.competitions = readCompetitions(answer);
        if (this.current?.teamId === teamId && this.current.slide === 'competitions') this.scheduleRender();
      })
      .catch((e: unknown) => console.warn(`GetCompetitions ${teamId} failed`, e));
  }

  private show(item: PlaylistItem | null): void {
    this.current = item;
    if (item?.slide === 'competitions') this.refreshCompetitions(item.teamId);
    for (const screen of this.screens.values()) screen.show(item && item.teamId === screen.teamId ? item.slide : null);
    this.updateMessage();
    this.render();
  }

  // Deltas come at most every 250 ms per team; painting once per frame is plenty.
  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.renderQueued = false;
    this.updateHeader();
    const screen = this.current ? this.screens.get(this.current.teamId) : undefined;
    if (!screen || !this.current || !screen.store.hasBoard) return;
    try {
      screen.render(this.current.slide);
    } catch (e) {
      console.error('render failed', e);
    }
    const pages = this.current.slide === 'leaderboard' ? screen.leaderboard.pages : 1;
    setText(this.page.pageInfo, pages > 1 ? `Page ${screen.leaderboard.currentPage + 1} of ${pages}` : '');
  }

  private updateHeader(): void {
    const screen = this.current ? this.screens.get(this.current.teamId) : undefined;
    const teamName = screen?.store.hasBoard ? screen.store.teamName : '';
    setText(this.page.teamName, teamName);
    setText(this.page.slideTitle, this.current ? SLIDE_TITLES[this.current.slide] : '');
    const title = this.config?.title ?? '';
    this.page.boardTitle.hidden = title === '' || title === teamName;
    setText(this.page.boardTitle, title);
    const docTitle = [title, teamName].filter((t, i, all) => t !== '' && all.indexOf(t) === i).join(' · ');
    document.title = docTitle ? `${docTitle} · SalesCoach.Live` : 'SalesCoach.Live wallboard';
  }

  private updateMessage(): void {
    const screen = this.current ? this.screens.get(this.current.teamId) : undefined;
    let text: { title: string; detail: string } | null = null;
    if (this.status === 'invalid') text = INVALID_LINK;
    else if (this.screens.size > 0 && !screen?.store.hasBoard) text = CONNECTING;
    this.page.message.hidden = text === null;
    if (text) {
      setText(this.page.messageTitle, text.title);
      setText(this.page.messageDetail, text.detail);
    }
  }
}

/** Switches the page's colours (`dark` by default, `light` for bright rooms). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
}
