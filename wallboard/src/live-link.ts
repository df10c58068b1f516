import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
  type RetryContext,
} from '@microsoft/signalr';
import { INVALID_LINK_RETRY_MS, retryDelayMs } from './retry';
import type { BoardDelta, BoardSnapshot, Celebration } from './types';

/** What the corner indicator (and the full-screen messages) show. */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'invalid';

export interface LiveLinkHandlers {
  onSnapshot(snapshot: BoardSnapshot): void;
  onDelta(delta: BoardDelta): void;
  onCelebration(celebration: Celebration): void;
  onStatus(status: LinkStatus): void;
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
 * it subscribes again, which brings a fresh snapshot.
 */
export class LiveLink {
  private readonly connection: HubConnection;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private subscribeTimer: ReturnType<typeof setTimeout> | null = null;
  private restartAttempt = 0;
  private stopped = false;
  private refused = false;
  private lastStatus: LinkStatus = 'connecting';

  constructor(
    hubUrl: string,
    private readonly teamId: string,
    token: string,
    private readonly handlers: LiveLinkHandlers,
  ) {
    const policy: IRetryPolicy = {
      nextRetryDelayInMilliseconds: (context: RetryContext) => {
        if (isRefusal(context.retryReason)) {
          this.refused = true;
          this.setStatus('invalid');
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
    this.connection.onreconnecting(() => {
      if (!this.refused) this.setStatus('reconnecting');
    });
    this.connection.onreconnected(() => void this.subscribe());
    this.connection.onclose(() => {
      if (this.stopped) return;
      this.setStatus(this.refused ? 'invalid' : 'reconnecting');
      this.scheduleRestart(retryDelayMs(this.restartAttempt++));
    });
  }

  start(): void {
    this.stopped = false;
    this.setStatus('connecting');
    void this.connect();
  }

  /** Asks the server for a fresh snapshot (after a version gap). */
  resubscribe(): void {
    if (this.connection.state === HubConnectionState.Connected) void this.subscribe();
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
      await this.subscribe();
    } catch (error) {
      if (this.stopped) return;
      this.refused = isRefusal(error);
      this.setStatus(this.refused ? 'invalid' : this.lastStatus === 'connecting' ? 'connecting' : 'reconnecting');
      // At least a second between two starts, so a server that refuses at once is not hammered.
      const delay = this.refused ? INVALID_LINK_RETRY_MS : Math.max(1_000, retryDelayMs(this.restartAttempt++));
      this.scheduleRestart(delay);
    }
  }

  private async subscribe(): Promise<void> {
    if (this.subscribeTimer !== null) clearTimeout(this.subscribeTimer);
    this.subscribeTimer = null;
    try {
      await this.connection.invoke('SubscribeTeam', this.teamId);
      this.refused = false;
      this.setStatus('live');
    } catch (error) {
      if (this.stopped) return;
      if (this.connection.state === HubConnectionState.Connected) {
        // Still connected, so the server said no (a HubException: unknown team, or a token
        // that may not see it). Ask again now and then: the manager may fix the board.
        this.refused = true;
        this.setStatus('invalid');
        this.subscribeTimer = setTimeout(() => void this.subscribe(), INVALID_LINK_RETRY_MS);
      } else {
        // The connection dropped during the call: reconnecting subscribes again.
        console.warn('SubscribeTeam interrupted', error);
      }
    }
  }

  private scheduleRestart(delayMs: number): void {
    if (this.stopped || this.restartTimer !== null) return;
    this.restartTimer = setTimeout(() => void this.connect(), delayMs);
  }

  private clearTimers(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    if (this.subscribeTimer !== null) clearTimeout(this.subscribeTimer);
    this.restartTimer = this.subscribeTimer = null;
  }

  private setStatus(status: LinkStatus): void {
    this.lastStatus = status;
    this.handlers.onStatus(status);
  }
}
