import './styles.css';
import { LiveLink } from './live-link';
import { scheduleNightlyReload } from './nightly-reload';
import { parseOptions } from './options';
import { PairingLink } from './pairing-link';
import { clearBoardToken, loadBoardToken, saveBoardToken } from './token-store';
import { setText } from './view/dom';
import { PairingView } from './view/pairing';
import { STATUS_TEXT, Wallboard } from './wallboard';
import { keepScreenAwake } from './wake-lock';

/**
 * Which board this screen shows, in order of precedence:
 * - `?team=…&token=…`: that team (contract v1, section 7), with `slides` and `dwell` from the link;
 * - `?token=…` (a board token) or `?board=…&token=…` (a read key): a board defined on the server;
 * - no token in the link, but one left by an earlier pairing: that board;
 * - nothing: a pairing code, until a manager pairs the screen.
 */

/** Refusals of a stored token in a row after which it is taken for revoked (a single one may be a hiccup). */
const REFUSALS_BEFORE_FORGETTING = 2;

function byId(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from index.html`);
  return e;
}

// A TV must never end up on an error page: log what escapes, and carry on.
window.addEventListener('error', (e) => console.error('wallboard error', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => console.error('wallboard rejection', e.reason));

const options = parseOptions(location.search);
const page = {
  app: byId('app'),
  slides: byId('slides'),
  message: byId('message'),
  messageTitle: byId('message-title'),
  messageDetail: byId('message-detail'),
  statusBox: byId('link-status'),
  statusText: byId('link-status-text'),
  boardTitle: byId('board-title'),
  teamName: byId('team-name'),
  slideTitle: byId('slide-title'),
  pageInfo: byId('page-info'),
};
const clock = byId('clock');
const hubUrl = new URL('../hubs/live', document.baseURI).href;
const wallboard = new Wallboard(page, options.locale, { slides: options.slides, dwellSeconds: options.dwellSeconds });
const pairingView = new PairingView(byId('pairing'));

keepScreenAwake();
startClock();

function startClock(): void {
  const fmt = new Intl.DateTimeFormat(options.locale, { hour: '2-digit', minute: '2-digit' });
  const tick = (): void => setText(clock, fmt.format(new Date()));
  tick();
  setInterval(tick, 5_000);
}

/** Shows a board over a live link with this token. */
function showBoard(token: string, board: string | null, onRevoked?: () => void): void {
  pairingView.hide();
  let refusals = 0;
  const link: LiveLink = new LiveLink(hubUrl, [], token, {
    ...wallboard.handlers,
    onStatus: (s) => {
      if (s === 'live') refusals = 0;
      wallboard.handlers.onStatus(s);
    },
    // A stored token that is revoked sends the screen back to pairing; a token in the link just stops being valid.
    onRevoked: onRevoked
      ? () => {
          console.warn('this screen’s board token was revoked');
          onRevoked();
        }
      : undefined,
    onRefused: () => {
      if (onRevoked && ++refusals >= REFUSALS_BEFORE_FORGETTING) {
        void link.stop();
        onRevoked();
      }
    },
  }, { board });
  wallboard.attach(link);
  link.start();
}

/** Shows a pairing code until a manager pairs the screen, then its board. */
function pair(): void {
  wallboard.clear();
  page.statusBox.dataset['status'] = 'connecting';
  setText(page.statusText, STATUS_TEXT.connecting);
  pairingView.show(null);
  const pairing = new PairingLink(hubUrl, {
    onCode: (code) => pairingView.show(code),
    onStatus: (s) => {
      page.statusBox.dataset['status'] = s;
      setText(page.statusText, s === 'live' ? 'Waiting to be paired' : STATUS_TEXT[s]);
    },
    onPaired: (paired) => {
      saveBoardToken(paired);
      showBoard(paired.token, null, forgetAndPair);
    },
  });
  pairing.start();
}

function forgetAndPair(): void {
  clearBoardToken();
  pair();
}

if (options.mock) {
  page.statusBox.dataset['status'] = 'connecting';
  void import('./mock').then(({ startMock }) => {
    wallboard.showTeams(['demo']);
    wallboard.attach(startMock(wallboard.handlers, location.search));
  });
} else if (options.token !== null && options.teamId !== null) {
  // A link to one team, as contract v1 section 7 has it.
  scheduleNightlyReload();
  const link = new LiveLink(hubUrl, options.teamId, options.token, wallboard.handlers);
  wallboard.attach(link);
  wallboard.showTeams([options.teamId]);
  link.start();
} else if (options.token !== null) {
  // A link with a board token (its own board), or a read key and ?board=. A refused link shows "not valid".
  scheduleNightlyReload();
  showBoard(options.token, options.boardId);
} else {
  scheduleNightlyReload();
  const stored = loadBoardToken();
  if (stored) showBoard(stored.token, null, forgetAndPair);
  else pair();
}

