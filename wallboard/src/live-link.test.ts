import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IRetryPolicy } from '@microsoft/signalr';
import type { LinkStatus, LiveLinkHandlers } from './live-link';

/** A stand-in for the SignalR client: each test scripts what start() and invoke() do. */
class FakeConnection {
  state = 'Disconnected';
  readonly handlers = new Map<string, (arg: unknown) => void>();
  reconnecting: (() => void) | null = null;
  reconnected: (() => void) | null = null;
  closed: (() => void) | null = null;
  start = vi.fn(async () => {
    this.state = 'Connected';
  });
  invoke = vi.fn(async (_method: string, _arg?: unknown): Promise<unknown> => undefined);
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

const fake = vi.hoisted(() => ({
  connection: null as unknown as FakeConnection,
  policy: null as IRetryPolicy | null,
  url: '',
  token: '' as string | undefined,
}));

vi.mock('@microsoft/signalr', () => {
  class HubConnectionBuilder {
    withUrl(url: string, options?: { accessTokenFactory: () => string }) {
      fake.url = url;
      fake.token = options?.accessTokenFactory();
      return this;
    }
    withAutomaticReconnect(policy: IRetryPolicy) {
      fake.policy = policy;
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

const { LiveLink } = await import('./live-link');
const { isRefusal } = await import('./live-link');

function handlers() {
  const statuses: LinkStatus[] = [];
  const h: LiveLinkHandlers = {
    onSnapshot: vi.fn(),
    onDelta: vi.fn(),
    onCelebration: vi.fn(),
    onStatus: (s) => statuses.push(s),
    onConfig: vi.fn(),
    onRevoked: vi.fn(),
    onRefused: vi.fn(),
  };
  return { h, statuses };
}

/** The calls the link made, as `Method:argument`. */
function calls(): string[] {
  return fake.connection.invoke.mock.calls.map(([method, arg]) => `${method}:${String(arg)}`);
}

const FLOOR = { id: 'floor', title: 'Sales floor', teams: ['emea', 'amer'], slides: ['leaderboard'], dwellSeconds: 15, theme: 'dark', revision: 1 };

/** Lets pending promise callbacks run (fake timers do not drive microtasks by themselves). */
async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('LiveLink', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.connection = new FakeConnection();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('connects with the token, subscribes to its team and goes live', async () => {
    const { h, statuses } = handlers();
    new LiveLink('http://tv/hubs/live', 'emea', 'secret', h).start();
    await flush();
    expect(fake.url).toBe('http://tv/hubs/live');
    expect(fake.token).toBe('secret');
    expect(fake.connection.invoke).toHaveBeenCalledWith('SubscribeTeam', 'emea');
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('passes snapshots, deltas and celebrations on', async () => {
    const { h } = handlers();
    new LiveLink('u', 'emea', 't', h).start();
    await flush();
    fake.connection.handlers.get('snapshot')!({ teamId: 'emea' });
    fake.connection.handlers.get('delta')!({ teamId: 'emea', version: 2 });
    fake.connection.handlers.get('celebration')!({ teamId: 'emea', repId: 'anna' });
    expect(h.onSnapshot).toHaveBeenCalledWith({ teamId: 'emea' });
    expect(h.onDelta).toHaveBeenCalledWith({ teamId: 'emea', version: 2 });
    expect(h.onCelebration).toHaveBeenCalledWith({ teamId: 'emea', repId: 'anna' });
  });

  it('takes the messages of features it does not show yet without complaint', () => {
    const { h } = handlers();
    new LiveLink('u', 'emea', 't', h);
    expect(fake.connection.handlers.has('moment')).toBe(true);
    expect(() => fake.connection.handlers.get('moment')!({ teamId: 'emea' })).not.toThrow();
  });

  it('keeps trying when the first start fails, with growing but capped delays', async () => {
    const { h, statuses } = handlers();
    fake.connection.start.mockRejectedValue(new Error('Failed to fetch'));
    new LiveLink('u', 'emea', 't', h).start();
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(1);

    // An hour of a server that is down: it never stops, never faster than once a second.
    for (let s = 0; s < 3_600; s++) {
      vi.advanceTimersByTime(1_000);
      await flush();
    }
    const calls = fake.connection.start.mock.calls.length;
    expect(calls).toBeGreaterThan(100);
    expect(calls).toBeLessThan(200);
    expect(statuses.at(-1)).toBe('connecting');

    fake.connection.start.mockImplementation(async () => {
      fake.connection.state = 'Connected';
    });
    vi.advanceTimersByTime(36_000);
    await flush();
    expect(statuses.at(-1)).toBe('live');
  });

  it('says the link is not valid when the server refuses the token, and retries slowly', async () => {
    const { h, statuses } = handlers();
    fake.connection.start.mockRejectedValue(
      new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'"),
    );
    new LiveLink('u', 'emea', 'bad', h).start();
    await flush();
    expect(statuses.at(-1)).toBe('invalid');
    vi.advanceTimersByTime(59_000);
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(2);
  });

  it('says the link is not valid when SubscribeTeam fails with a HubException, and asks again later', async () => {
    const { h, statuses } = handlers();
    fake.connection.invoke.mockRejectedValueOnce(new Error("An unexpected error occurred invoking 'SubscribeTeam'"));
    new LiveLink('u', 'nowhere', 't', h).start();
    await flush();
    expect(statuses.at(-1)).toBe('invalid');
    vi.advanceTimersByTime(60_000);
    await flush();
    expect(fake.connection.invoke).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('live');
  });

  it('subscribes again after every reconnect (which brings a fresh snapshot)', async () => {
    const { h, statuses } = handlers();
    new LiveLink('u', 'emea', 't', h).start();
    await flush();
    fake.connection.state = 'Reconnecting';
    fake.connection.reconnecting!();
    expect(statuses.at(-1)).toBe('reconnecting');
    fake.connection.state = 'Connected';
    fake.connection.reconnected!();
    await flush();
    expect(fake.connection.invoke).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('live');
  });

  it('starts over when the connection closes for good', async () => {
    const { h, statuses } = handlers();
    new LiveLink('u', 'emea', 't', h).start();
    await flush();
    fake.connection.state = 'Disconnected';
    fake.connection.closed!();
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(2);
    expect(fake.connection.invoke).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('live');
  });

  it('has a reconnect policy that never gives up', () => {
    const { h, statuses } = handlers();
    new LiveLink('u', 'emea', 't', h);
    for (const previousRetryCount of [0, 1, 5, 50, 100_000]) {
      const delay = fake.policy!.nextRetryDelayInMilliseconds({
        previousRetryCount,
        elapsedMilliseconds: previousRetryCount * 30_000,
        retryReason: new Error('WebSocket closed'),
      });
      expect(delay).not.toBeNull();
      expect(delay!).toBeLessThanOrEqual(30_000);
    }
    const refused = fake.policy!.nextRetryDelayInMilliseconds({
      previousRetryCount: 3,
      elapsedMilliseconds: 1,
      retryReason: new Error("Status code '403'"),
    });
    expect(refused).toBe(60_000);
    expect(statuses.at(-1)).toBe('invalid');
  });

  it('asks for a fresh snapshot on demand only while connected', async () => {
    const { h } = handlers();
    const link = new LiveLink('u', 'emea', 't', h);
    link.resubscribe();
    expect(fake.connection.invoke).not.toHaveBeenCalled();
    link.start();
    await flush();
    link.resubscribe();
    await flush();
    expect(fake.connection.invoke).toHaveBeenCalledTimes(2);
  });
});

describe('LiveLink on a board', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.connection = new FakeConnection();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens its board, hands on the definition and subscribes to each of its teams', async () => {
    const { h, statuses } = handlers();
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    new LiveLink('u', [], 'wbt_token', h, { board: null }).start();
    await flush();
    expect(calls()).toEqual(['OpenWallboard:null', 'SubscribeTeam:emea', 'SubscribeTeam:amer']);
    expect(h.onConfig).toHaveBeenCalledWith(expect.objectContaining({ id: 'floor', teams: ['emea', 'amer'], dwellSeconds: 15 }));
    expect(statuses.at(-1)).toBe('live');
  });

  it('names the board it opens with a read key', async () => {
    const { h } = handlers();
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    new LiveLink('u', [], 'key', h, { board: 'floor' }).start();
    await flush();
    expect(calls()[0]).toBe('OpenWallboard:floor');
  });

  it('follows a changed definition: subscribes to new teams and leaves the ones taken off', async () => {
    const { h } = handlers();
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    const link = new LiveLink('u', [], 't', h, { board: null });
    link.start();
    await flush();
    fake.connection.invoke.mockClear();

    fake.connection.handlers.get('wallboardConfig')!({ ...FLOOR, teams: ['amer', 'apac'], revision: 2 });
    expect(h.onConfig).toHaveBeenLastCalledWith(expect.objectContaining({ teams: ['amer', 'apac'], revision: 2 }));
    link.setTeams(['amer', 'apac']);
    await flush();
    expect(calls()).toEqual(['Unsubscribe:emea', 'SubscribeTeam:apac']);
    expect(link.teamIds).toEqual(['amer', 'apac']);
  });

  it('ignores a definition it cannot read', async () => {
    const { h } = handlers();
    new LiveLink('u', [], 't', h, { board: null });
    fake.connection.handlers.get('wallboardConfig')!({ id: 'floor', teams: [] });
    expect(h.onConfig).not.toHaveBeenCalled();
  });

  it('stops and says so when its token is revoked', async () => {
    const { h } = handlers();
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    new LiveLink('u', [], 't', h, { board: null }).start();
    await flush();
    fake.connection.handlers.get('revoked')!({ boardId: 'floor', tokenId: 't1' });
    await flush();
    expect(h.onRevoked).toHaveBeenCalledTimes(1);
    expect(fake.connection.stop).toHaveBeenCalled();
    fake.connection.closed!();
    vi.advanceTimersByTime(120_000);
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(1);
  });

  it('without a handler for it, takes a revoked token for a link no longer valid and retries slowly', async () => {
    const { h, statuses } = handlers();
    delete (h as Partial<LiveLinkHandlers>).onRevoked;
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    new LiveLink('u', [], 't', h, { board: null }).start();
    await flush();
    fake.connection.handlers.get('revoked')!({ boardId: 'floor', tokenId: 't1' });
    expect(statuses.at(-1)).toBe('invalid');
    expect(fake.connection.stop).not.toHaveBeenCalled();
    fake.connection.state = 'Disconnected';
    fake.connection.start.mockRejectedValue(new Error("Unauthorized: Status code '401'"));
    fake.connection.closed!();
    vi.advanceTimersByTime(2_000);
    await flush();
    expect(fake.connection.start).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('invalid');
  });

  it('tells when the server refuses the token', async () => {
    const { h, statuses } = handlers();
    fake.connection.start.mockRejectedValue(new Error("Unauthorized: Status code '401'"));
    new LiveLink('u', [], 'revoked', h, { board: null }).start();
    await flush();
    expect(h.onRefused).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('invalid');
  });

  it('says the link is not valid when the board cannot be opened, and tries again later', async () => {
    const { h, statuses } = handlers();
    fake.connection.invoke.mockRejectedValueOnce(new Error("HubException: Unknown board 'gone'"));
    fake.connection.invoke.mockImplementation(async (method: string) => (method === 'OpenWallboard' ? FLOOR : undefined));
    new LiveLink('u', [], 'key', h, { board: 'gone' }).start();
    await flush();
    expect(statuses.at(-1)).toBe('invalid');
    vi.advanceTimersByTime(60_000);
    await flush();
    expect(statuses.at(-1)).toBe('live');
    expect(calls()).toEqual(['OpenWallboard:gone', 'OpenWallboard:gone', 'SubscribeTeam:emea', 'SubscribeTeam:amer']);
  });

  it('stays live when one of its teams is refused, and asks for that one again later', async () => {
    const { h, statuses } = handlers();
    fake.connection.invoke.mockImplementation(async (method: string, arg?: unknown) => {
      if (method === 'SubscribeTeam' && arg === 'gone') throw new Error("Unknown team 'gone'");
      return undefined;
    });
    new LiveLink('u', ['emea', 'gone'], 't', h).start();
    await flush();
    expect(statuses.at(-1)).toBe('live');
    vi.advanceTimersByTime(60_000);
    await flush();
    expect(calls().filter((c) => c === 'SubscribeTeam:gone')).toHaveLength(2);
    expect(calls().filter((c) => c === 'SubscribeTeam:emea')).toHaveLength(1);
  });

  it('asks one team for a fresh snapshot after a gap in that team', async () => {
    const { h } = handlers();
    const link = new LiveLink('u', ['emea', 'amer'], 't', h);
    link.start();
    await flush();
    fake.connection.invoke.mockClear();
    link.resubscribe('amer');
    link.resubscribe('elsewhere');
    await flush();
    expect(calls()).toEqual(['SubscribeTeam:amer']);
  });
});

describe('isRefusal', () => {
  it('tells a refused link from a server that is away', () => {
    expect(isRefusal(new Error("Unauthorized: Status code '401'"))).toBe(true);
    expect(isRefusal(Object.assign(new Error('x'), { statusCode: 403 }))).toBe(true);
    expect(isRefusal(new Error("Status code '503'"))).toBe(false);
    expect(isRefusal(new Error('Failed to fetch'))).toBe(false);
    expect(isRefusal(undefined)).toBe(false);
  });
});
