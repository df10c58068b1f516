import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PairingCode, PairingHandlers } from './pairing-link';

class FakeConnection {
  state = 'Disconnected';
  readonly handlers = new Map<string, (arg: unknown) => void>();
  reconnecting: (() => void) | null = null;
  reconnected: (() => void) | null = null;
  closed: (() => void) | null = null;
  codes = 0;
  start = vi.fn(async () => {
    this.state = 'Connected';
  });
  invoke = vi.fn(async (): Promise<unknown> => ({ code: `CODE${++this.codes}`, expiresInSeconds: 600 }));
  stop = vi.fn(async () => {
    this.state = 'Disconnected';
  });
  on(name: string, fn: (arg: unknown) => void) {
    this.handlers.set(name, fn);
  }
  onreconnecting(fn: () => void) {
    this.reconnecting = fn;
  }
  onreconnected(fn: () => void) {
    this.reconnected = fn;
  }
  onclose(fn: () => void) {
    this.closed = fn;
  }
}

const fake = vi.hoisted(() => ({ connection: null as unknown as FakeConnection, url: '', options: undefined as unknown }));

vi.mock('@microsoft/signalr', () => {
  class HubConnectionBuilder {
    withUrl(url: string, options?: unknown) {
      fake.url = url;
      fake.options = options;
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return fake.connection;
    }
  }
  return {
    HubConnectionBuilder,
    HubConnectionState: { Disconnected: 'Disconnected', Connected: 'Connected', Reconnecting: 'Reconnecting' },
    LogLevel: { Warning: 3 },
  };
});

const { PairingLink, RENEW_BEFORE_EXPIRY_MS } = await import('./pairing-link');

async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function handlers() {
  const codes: (string | null)[] = [];
  const h: PairingHandlers = {
    onCode: (c: PairingCode | null) => codes.push(c?.code ?? null),
    onPaired: vi.fn(),
    onStatus: vi.fn(),
  };
  return { h, codes };
}

describe('PairingLink', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.connection = new FakeConnection();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('connects without credentials, marked for pairing, and shows the code it gets', async () => {
    const { h, codes } = handlers();
    new PairingLink('http://tv/hubs/live', h).start();
    await flush();
    expect(fake.url).toBe('http://tv/hubs/live?pairing=1');
    expect(fake.options).toBeUndefined();
    expect(fake.connection.invoke).toHaveBeenCalledWith('StartPairing');
    expect(codes).toEqual(['CODE1']);
    expect(h.onStatus).toHaveBeenLastCalledWith('live');
  });

  it('asks for a new code before the one on screen expires', async () => {
    const { h, codes } = handlers();
    new PairingLink('http://tv/hubs/live', h).start();
    await flush();
    vi.advanceTimersByTime(600_000 - RENEW_BEFORE_EXPIRY_MS - 1);
    await flush();
    expect(codes).toEqual(['CODE1']);
    vi.advanceTimersByTime(1);
    await flush();
    expect(codes).toEqual(['CODE1', 'CODE2']);
  });

  it('hides the code while reconnecting and gets a new one after', async () => {
    const { h, codes } = handlers();
    new PairingLink('http://tv/hubs/live', h).start();
    await flush();
    fake.connection.reconnecting!();
    fake.connection.reconnected!();
    await flush();
    expect(codes).toEqual(['CODE1', null, 'CODE2']);
  });

  it('keeps trying while the server is away', async () => {
    const { h, codes } = handlers();
    fake.connection.start.mockRejectedValue(new Error('Failed to fetch'));
    new PairingLink('http://tv/hubs/live', h).start();
    await flush();
    for (let s = 0; s < 120; s++) {
      vi.advanceTimersByTime(1_000);
      await flush();
    }
    expect(fake.connection.start.mock.calls.length).toBeGreaterThan(5);
    fake.connection.start.mockImplementation(async () => {
      fake.connection.state = 'Connected';
    });
    vi.advanceTimersByTime(31_000);
    await flush();
    expect(codes.at(-1)).toMatch(/^CODE/);
  });

  it('hands on the token when paired, and stops', async () => {
    const { h } = handlers();
    new PairingLink('http://tv/hubs/live', h).start();
    await flush();
    fake.connection.handlers.get('paired')!({ boardId: 'floor', tokenId: 't1', token: 'wbt_x' });
    await flush();
    expect(h.onPaired).toHaveBeenCalledWith({ boardId: 'floor', tokenId: 't1', token: 'wbt_x' });
    expect(fake.connection.stop).toHaveBeenCalled();
    vi.advanceTimersByTime(600_000);
    await flush();
    expect(fake.connection.invoke).toHaveBeenCalledTimes(1);
  });
});
