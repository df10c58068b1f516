import './styles.css';
import { BoardStore } from './board-store';
import { CelebrationQueue } from './celebration-queue';
import { LiveLink, type LinkStatus, type LiveLinkHandlers } from './live-link';
import { scheduleNightlyReload } from './nightly-reload';
import { parseOptions, type SlideName } from './options';
import { SlideRotation } from './rotation';
import type { Celebration } from './types';
import { CelebrationView } from './view/celebration';
import { setText } from './view/dom';
import { LeaderboardView } from './view/leaderboard';
import { PaceView } from './view/pace';
import { keepScreenAwake } from './wake-lock';

/** Time each leaderboard page stays when there are more reps than fit on one screen. */
const PAGE_DWELL_MS = 10_000;

const INVALID_LINK = {
  title: 'This board’s link is not valid — ask your manager for a new one',
  detail: 'The screen keeps trying, and shows the board as soon as the link works.',
};
const CONNECTING = {
  title: 'Connecting to SalesCoach.Live…',
  detail: 'The board appears as soon as the server answers.',
};

const SLIDE_TITLES: Record<SlideName, string> = { leaderboard: 'Leaderboard', pace: 'Team pace' };

const STATUS_TEXT: Record<LinkStatus, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  invalid: 'Link not valid',
};

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from index.html`);
  return e;
}

// A TV must never end up on an error page: log what escapes, and carry on.
window.addEventListener('error', (e) => console.error('wallboard error', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => console.error('wallboard rejection', e.reason));

const options = parseOptions(location.search);
const app = byId('app');
const message = byId('message');
const messageTitle = byId('message-title');
const messageDetail = byId('message-detail');
const statusBox = byId('link-status');
const statusText = byId('link-status-text');
const clock = byId('clock');
const teamName = byId('team-name');
const slideTitle = byId('slide-title');
const pageInfo = byId('page-info');
const slideEls: Record<SlideName, HTMLElement> = { leaderboard: byId('slide-leaderboard'), pace: byId('slide-pace') };

keepScreenAwake();
startClock();

function showMessage(text: { title: string; detail: string } | null): void {
  message.hidden = text === null;
  if (text) {
    setText(messageTitle, text.title);
    setText(messageDetail, text.detail);
  }
}

function startClock(): void {
  const fmt = new Intl.DateTimeFormat(options.locale, { hour: '2-digit', minute: '2-digit' });
  const tick = (): void => setText(clock, fmt.format(new Date()));
  tick();
  setInterval(tick, 5_000);
}

function start(teamId: string, connect: (handlers: LiveLinkHandlers) => { resubscribe(): void }): void {
  let link: { resubscribe(): void } | null = null;
  const store = new BoardStore(teamId, () => link?.resubscribe());
  const leaderboard = new LeaderboardView(byId('leaderboard'), options.locale);
  const pace = new PaceView(byId('pace'), options.locale);
  const metricName = (key: string): string => store.metricDefs.find((d) => d.key === key)?.name ?? key;
  const celebrations = new CelebrationQueue<Celebration>(new CelebrationView(app, metricName, options.locale));
  let slide: SlideName = options.slides[0]!;
  let status: LinkStatus = 'connecting';

  let renderQueued = false;
  const render = (): void => {
    renderQueued = false;
    if (!store.hasBoard) return;
    setText(teamName, store.teamName);
    document.title = `${store.teamName} · SalesCoach.Live`;
    try {
      if (slide === 'leaderboard') leaderboard.render(store);
      else pace.render(store);
    } catch (e) {
      console.error('render failed', e);
    }
    const pages = slide === 'leaderboard' ? leaderboard.pages : 1;
    setText(pageInfo, pages > 1 ? `Page ${leaderboard.currentPage + 1} of ${pages}` : '');
  };
  // Deltas come at most every 250 ms; painting once per frame is plenty.
  const scheduleRender = (): void => {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(render);
  };

  const updateMessage = (): void => {
    if (status === 'invalid') showMessage(INVALID_LINK);
    else if (!store.hasBoard) showMessage(CONNECTING);
    else showMessage(null);
  };

  const rotation = new SlideRotation<SlideName>(options.slides, options.dwellSeconds * 1_000, (next) => {
    slide = next;
    for (const [name, e] of Object.entries(slideEls)) e.classList.toggle('active', name === next);
    setText(slideTitle, `${SLIDE_TITLES[next]} · today`);
    render();
  });

  setInterval(() => {
    if (slide === 'leaderboard' && leaderboard.pages > 1) {
      leaderboard.nextPage(store);
      render();
    }
  }, PAGE_DWELL_MS);

  link = connect({
    onSnapshot: (snapshot) => {
      if (store.applySnapshot(snapshot)) {
        updateMessage();
        scheduleRender();
      }
    },
    onDelta: (delta) => {
      if (store.applyDelta(delta) === 'applied') scheduleRender();
    },
    onCelebration: (c) => {
      if (c.teamId === teamId) celebrations.enqueue(c);
    },
    onStatus: (s) => {
      status = s;
      statusBox.dataset['status'] = s;
      setText(statusText, STATUS_TEXT[s]);
      app.classList.toggle('stale', s !== 'live');
      updateMessage();
    },
  });
  rotation.start();
  updateMessage();
}

if (options.mock) {
  statusBox.dataset['status'] = 'connecting';
  void import('./mock').then(({ startMock }) => start('demo', (handlers) => startMock(handlers, location.search)));
} else if (options.teamId !== null && options.token !== null) {
  const { teamId, token } = options;
  scheduleNightlyReload();
  start(teamId, (handlers) => {
    const hubUrl = new URL('../hubs/live', document.baseURI).href;
    const link = new LiveLink(hubUrl, teamId, token, handlers);
    link.start();
    return link;
  });
} else {
  statusBox.dataset['status'] = 'invalid';
  setText(statusText, STATUS_TEXT.invalid);
  showMessage(INVALID_LINK);
}
