import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
  type RetryContext,
} from '@microsoft/signalr';
import { readConfig, type WallboardConfig } from './board-config';
import { INVALID_LINK_RETRY_MS, retryDelayMs } from './retry';
import { readMoment } from './moments';
import type { BoardDelta, BoardSnapshot, Celebration, Moment } from './types';

/** What the corner indicator (and the full-screen messages) show. */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'invalid';

export interface LiveLinkHandlers {
  onSnapshot(snapshot: BoardSnapshot): void;
  onDelta(delta: BoardDelta): void;
  onCelebration(celebration: Celebration): void;
  /** A gamification moment pushed as it happens (`moment`). */
  onMoment?(moment: Moment): void;
  /** A team's moments of the day so far (the answer of `GetMoments`, read after each subscription). */
  onMomentFeed?(teamId: string, feed: unknown): void;
  onStatus(status: LinkStatus): void;
  /** A board's definition: the answer of `OpenWallboard`, and every later change (`wallboardConfig`). */
  onConfig?(config: WallboardConfig): void;
  /** The server revoked this screen's board token (`revoked`). With this handler the link stops by itself. */
  onRevoked?(): void;
  /** The server refused the token when connecting (401/403); the link keeps retrying slowly. */
  onRefused?(): void;
}

export interface LiveLinkOptions {
  /**
   * Open a board defined on the server: its id (with a read key), or null (a board token opens its own board).
   * Left out: show the teams given, as `?team=` does.
   */
  board?: string | null;
}

/**
 * True when the server refused the link itself (a bad or revoked token: 401/403 on negotiate),
 * as opposed to being away. Such a refusal is retried slowly, not hammered.
 */
export function isRefusal(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error ?? '');
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 401 || status === 403 || /status code '(401|403)'/i.test(message);
}

/**
 * The TV's connection to the hub (contract v1, section 6). It never gives up: automatic
 * reconnects with capped backoff while a connection is being recovered, and a restart loop
 * for a first start that fails or a connection that closed for good. After every (re)connect
 * it opens its board again (in board mode) and subscribes to each of its teams, which brings
 * fresh snapshots.
 */
export class LiveLink {
  private readonly connection: HubConnection;
  private readonly board: string | null | undefined;
  private teams: string[];
  private readonly subscribed = new Set<string>();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private restartAttempt = 0;
  private stopped = false;
  private refused = false;
  /** True while a round of OpenWallboard + SubscribeTeam runs; team changes then wait for its end. */
  private syncing = false;
  private syncAgain = false;
  private lastStatus: LinkStatus = 'connecting';

  constructor(
    hubUrl: string,
    teamIds: string | readonly string[],
    token: string,
    private readonly handlers: LiveLinkHandlers,
    options: LiveLinkOptions = {},
  ) {
    this.teams = typeof teamIds === 'string' ? [teamIds] : [...teamIds];
    this.board = options.board;
    const policy: IRetryPolicy = {
      nextRetryDelayInMilliseconds: (context: RetryContext) => {
        if (isRefusal(context.retryReason)) {
          this.refuse();
          return INVALID_LINK_RETRY_MS;
        }
        return retryDelayMs(context.previousRetryCount);
      },
    };
    this.connection = new HubConnectionBuilder()
      .withUrl(hubUrl, { accessTokenFactory: () => token })
      .withAutomaticReconnect(policy)
      .configureLogging(LogLevel.Warning)
      .build();

    this.connection.on('snapshot', (s: BoardSnapshot) => this.handlers.onSnapshot(s));
    this.connection.on('delta', (d: BoardDelta) => this.handlers.onDelta(d));
    this.connection.on('celebration', (c: Celebration) => this.handlers.onCelebration(c));
    this.connection.on('moment', (message: unknown) => {
      const moment = readMoment(message);
      if (moment) this.handlers.onMoment?.(moment);
    });
    this.connection.on('wallboardConfig', (message: unknown) => {
      const config = readConfig(message);
      if (config) this.handlers.onConfig?.(config);
    });
    this.connection.on('revoked', () => {
      // The server closes the connection next. With a handler (a stored token) the page pairs again; without one
      // (a token in the link) the link is not valid any more, and is retried slowly like any refused link.
      this.refused = true;
      this.setStatus('invalid');
      if (this.handlers.onRevoked) {
        void this.stop();
        this.handlers.onRevoked();
      }
    });
    this.connection.onreconnecting(() => {
      this.subscribed.clear();
      if (!this.refused) this.setStatus('reconnecting');
    });
    this.connection.onreconnected(() => void this.sync());
    this.connection.onclose(() => {
      this.subscribed.clear();
      if (this.stopped) return;
      this.setStatus(this.refused ? 'invalid' : 'reconnecting');
      this.scheduleRestart(retryDelayMs(this.restartAttempt++));
    });
  }

  /** The teams this link follows. */
  get teamIds(): readonly string[] {
    return this.teams;
  }

  start(): void {
    this.stopped = false;
    this.setStatus('connecting');
    void this.connect();
  }

  /**
   * Follows another set of teams (a board's definition changed): subscribes to the new ones and leaves the
   * ones no longer shown.
   */
  setTeams(teamIds: readonly string[]): void {
    const next = [...new Set(teamIds)];
    const removed = this.teams.filter((t) => !next.includes(t));
    this.teams = next;
    if (this.connection.state !== HubConnectionState.Connected) return;
    for (const teamId of removed) {
      if (this.subscribed.delete(teamId)) {
        this.connection.invoke('Unsubscribe', teamId).catch((e: unknown) => console.warn('Unsubscribe failed', e));
      }
    }
    if (this.syncing) {
      this.syncAgain = true;
    } else {
      void this.subscribeAll(false);
    }
  }

  /** Asks the server for a fresh snapshot of one team (after a version gap), or of all. */
  resubscribe(teamId?: string): void {
    if (this.connection.state !== HubConnectionState.Connected) return;
    if (teamId === undefined) {
      void this.subscribeAll(true);
    } else if (this.teams.includes(teamId)) {
      void this.subscribeOne(teamId).then(() => this.updateStatus());
    }
  }

  /**
   * The team's contests to show (the answer of `GetCompetitions`), read on demand: standings are scored on the server
   * at each call. Rejects while not connected, or when the server does not know the method (an older one).
   */
  async competitions(teamId: string): Promise<unknown> {
    if (this.connection.state !== HubConnectionState.Connected) throw new Error('not connected');
    return this.connection.invoke('GetCompetitions', teamId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    await this.connection.stop();
  }

  private async connect(): Promise<void> {
    this.restartTimer = null;
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    try {
      await this.connection.start();
      this.restartAttempt = 0;
      await this.sync();
    } catch (error) {
      if (this.stopped) return;
      if (isRefusal(error)) {
        this.refuse();
      } else {
        this.refused = false;
        this.setStatus(this.lastStatus === 'connecting' ? 'connecting' : 'reconnecting');
      }
      // At least a second between two starts, so a server that refuses at once is not hammered.
      const delay = this.refused ? INVALID_LINK_RETRY_MS : Math.max(1_000, retryDelayMs(this.restartAttempt++));
      this.scheduleRestart(delay);
    }
  }

  /** After a (re)connect: open the board (in board mode), then subscribe to every team. */
  private async sync(): Promise<void> {
    this.subscribed.clear();
    if (this.board !== undefined) {
      try {
        const config = readConfig(await this.connection.invoke('OpenWallboard', this.board));
        if (config) {
          this.syncing = true;
          try {
            this.handlers.onConfig?.(config);
          } finally {
            this.syncing = false;
          }
          this.teams = [...config.teams];
        }
      } catch (error) {
        if (this.stopped) return;
        if (this.connection.state === HubConnectionState.Connected) {
          // Still connected, so the server said no (no such board, or a key that may not open it).
          this.refused = true;
          this.setStatus('invalid');
          this.scheduleRetry();
        } else {
          console.warn('OpenWallboard interrupted', error);
        }
        return;
      }
    }
    await this.subscribeAll(true);
  }

  private async subscribeAll(all: boolean): Promise<void> {
    this.syncing = true;
    try {
      do {
        this.syncAgain = false;
        for (const teamId of [...this.teams]) {
          if (all || !this.subscribed.has(teamId)) await this.subscribeOne(teamId);
        }
        all = false;
      } while (this.syncAgain);
    } finally {
      this.syncing = false;
    }
    this.updateStatus();
  }

  private async subscribeOne(teamId: string): Promise<void> {
    try {
      await this.connection.invoke('SubscribeTeam', teamId);
      if (this.teams.includes(teamId)) this.subscribed.add(teamId);
      // Moments pushed from now on come as `moment`; the day's earlier ones are read once. A server without the
      // method (older) leaves the feed to what is pushed.
      if (this.handlers.onMomentFeed) {
        this.connection
          .invoke('GetMoments', teamId)
          .then((feed: unknown) => this.handlers.onMomentFeed?.(teamId, feed))
          .catch((e: unknown) => console.warn(`GetMoments ${teamId} failed`, e));
      }
    } catch (error) {
      if (this.stopped) return;
      this.subscribed.delete(teamId);
      if (this.connection.state === HubConnectionState.Connected) {
        // Still connected, so the server said no (a HubException: unknown team, or a token that may not
        // see it). Ask again now and then: the manager may fix the board.
        console.warn(`SubscribeTeam ${teamId} refused`, error);
        this.scheduleRetry();
      } else {
        // The connection dropped during the call: reconnecting subscribes again.
        console.warn('SubscribeTeam interrupted', error);
      }
    }
  }

  /** Live while at least one team is subscribed; not valid when every team was refused. */
  private updateStatus(): void {
    if (this.stopped || this.connection.state !== HubConnectionState.Connected) return;
    if (this.subscribed.size > 0 || this.teams.length === 0) {
      this.refused = false;
      this.setStatus('live');
    } else {
      this.refused = true;
      this.setStatus('invalid');
    }
  }

  private refuse(): void {
    this.refused = true;
    this.setStatus('invalid');
    this.handlers.onRefused?.();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped || this.connection.state !== HubConnectionState.Connected) return;
      if (this.board !== undefined && this.lastStatus === 'invalid' && this.subscribed.size === 0) void this.sync();
      else void this.subscribeAll(false);
    }, INVALID_LINK_RETRY_MS);
  }

  private scheduleRestart(delayMs: number): void {
    if (this.stopped || this.restartTimer !== null) return;
    this.restartTimer = setTimeout(() => void this.connect(), delayMs);
  }

  private clearTimers(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.restartTimer = this.retryTimer = null;
  }

  private setStatus(status: LinkStatus): void {
    this.lastStatus = status;
    this.handlers.onStatus(status);
  }
}
