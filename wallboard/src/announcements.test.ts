import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announcementDuration, AnnouncementStage, BADGE_BANNER_MS, type Announcement } from './announcements';
import { CelebrationQueue, type CelebrationStage } from './celebration-queue';
import { moment } from './test/gamification';
import type { Celebration } from './types';

describe('announcements', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays deals and badge banners through one queue, one at a time, a banner for its own shorter time', () => {
    const log: string[] = [];
    let onScreen = 0;
    let most = 0;
    const stage = <T>(name: string, label: (item: T) => string): CelebrationStage<T> => ({
      show: (item) => {
        most = Math.max(most, ++onScreen);
        log.push(`${name} ${label(item)}`);
      },
      hide: () => {
        onScreen--;
        log.push(`hide ${name}`);
      },
    });
    const queue = new CelebrationQueue<Announcement>(
      new AnnouncementStage(stage<Celebration>('deal', (c) => c.name), stage<ReturnType<typeof moment>>('badge', (m) => m.name)),
      { durationMs: 5_000, gapMs: 500, durationOf: announcementDuration },
    );
    queue.enqueue({ kind: 'badge', moment: moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Comeback') });
    queue.enqueue({ kind: 'deal', celebration: { teamId: 'emea', repId: 'ben', name: 'Ben Okafor', metric: 'deal', value: 1000 } });
    expect(log).toEqual(['badge Anna Berg']);
    vi.advanceTimersByTime(BADGE_BANNER_MS);
    expect(log).toEqual(['badge Anna Berg', 'hide badge']);
    vi.advanceTimersByTime(500);
    expect(log.at(-1)).toBe('deal Ben Okafor');
    vi.advanceTimersByTime(4_999);
    expect(log.at(-1)).toBe('deal Ben Okafor');
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('hide deal');
    expect(most).toBe(1);
  });

  it('gives deals the queue’s own duration', () => {
    expect(announcementDuration({ kind: 'deal', celebration: { teamId: 'emea', repId: 'ben', name: 'Ben', metric: 'deal' } })).toBeUndefined();
  });
});
