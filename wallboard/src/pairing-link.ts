import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
  type RetryContext,
} from '@microsoft/signalr';
import type { LinkStatus } from './live-link';
import { retryDelayMs } from './retry';

/** The answer of `StartPairing`: the code to show and for how long it is valid. */
export interface PairingCode {
  code: string;
  expiresInSeconds: number;
}

/** The hub message `paired`: this screen's board token. */
export interface Paired {
  boardId: string;
  tokenId: string;
  token: string;
}

export interface PairingHandlers {
  /** A (new) code to show; null while there is none (not connected). */
  onCode(code: PairingCode | null): void;
  onPaired(paired: Paired): void;
  onStatus(status: LinkStatus): void;
}

/** A code is renewed this long before it expires, so that the code on screen always works. */
export const RENEW_BEFORE_EXPIRY_MS = 30_000;

/**
 * A TV without a token waiting to be paired: an anonymous hub connection (`?pairing=1`) that may only call
 * `StartPairing`. It shows the code it gets, asks for a new one before it expires and after every reconnect
 * (the server forgets a code whose connection dropped), and hands on the token that `paired` brings.
 * Like the live link it never gives up.
 */
export class PairingLink {
  private readonly connection: HubConnection;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private restartAttempt = 0;
  private stopped = false;

  constructor(
    hubUrl: string,
    private readonly handlers: PairingHandlers,
  ) {
    const url = new URL(hubUrl);
    url.searchParams.set('pairing', '1');
    const policy: IRetryPolicy = {
      nextRetryDelayInMilliseconds: (context: RetryContext) => retryDelayMs(context.previousRetryCount),
    };
    this.connection = new HubConnectionBuilder()
      .withUrl(url.href)
      .withAutomaticReconnect(policy)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('paired', (p: Paired) => {
      if (!p || typeof p.token !== 'string' || p.token === '') return;
      void this.stop();
      this.handlers.onPaired(p);
    });
    this.connection.onreconnecting(() => {
      this.clearRenew();
      this.handlers.onCode(null);
      this.handlers.onStatus('reconnecting');
    });
    this.connection.onreconnected(() => void this.requestCode());
    this.connection.onclose(() => {
      this.clearRenew();
      if (this.stopped) return;
      this.handlers.onCode(null);
      this.handlers.onStatus('reconnecting');
      this.scheduleRestart(retryDelayMs(this.restartAttempt++));
    });
  }

  start(): void {
    this.stopped = false;
    this.handlers.onStatus('connecting');
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.clearRenew();
    await this.connection.stop();
  }

  private async connect(): Promise<void> {
    this.restartTimer = null;
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    try {
      await this.connection.start();
      this.restartAttempt = 0;
      await this.requestCode();
    } catch {
      if (this.stopped) return;
      this.handlers.onStatus('reconnecting');
      this.scheduleRestart(Math.max(1_000, retryDelayMs(this.restartAttempt++)));
    }
  }

  private async requestCode(): Promise<void> {
    this.clearRenew();
    try {
      const answer = (await this.connection.invoke('StartPairing')) as PairingCode;
      if (this.stopped) return;
      this.handlers.onCode(answer);
      this.handlers.onStatus('live');
      const lifetimeMs = Math.max(60_000, (answer.expiresInSeconds || 600) * 1_000);
      this.renewTimer = setTimeout(() => void this.requestCode(), lifetimeMs - RENEW_BEFORE_EXPIRY_MS);
    } catch (error) {
      if (this.stopped) return;
      // Too many screens waiting, or the connection dropped: try again in a while.
      console.warn('StartPairing failed', error);
      this.renewTimer = setTimeout(() => void this.requestCode(), 15_000);
    }
  }

  private scheduleRestart(delayMs: number): void {
    if (this.stopped || this.restartTimer !== null) return;
    this.restartTimer = setTimeout(() => void this.connect(), delayMs);
  }

  private clearRenew(): void {
    if (this.renewTimer !== null) clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }
}
