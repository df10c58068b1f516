import { describe, expect, it } from 'vitest';
import { localDate, localTime, MAX_MOMENTS, MomentFeed, momentLine, readMoment } from './moments';
import { moment } from './test/gamification';

describe('moments', () => {
  it('draws the name apart from the news, so a long name is cut and never the news', () => {
    expect(momentLine(moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Goal met before noon', '11:02'))).toEqual({
      icon: '★\uFE0E',
      name: 'Anna Berg',
      action: 'earned Goal met before noon',
      time: '11:02',
    });
    expect(momentLine(moment('deal', 'ben', 'Ben Okafor', 'Ben Okafor: Deals won')).action).toBe('Deals won');
    expect(momentLine(moment('leader', 'ben', 'Ben Okafor', 'A new leader')).action).toBe('A new leader');
    expect(momentLine(moment('surprise', 'ben', 'Ben Okafor', 'x')).icon).toBe('★\uFE0E');
  });

  it('reads the team’s own local time and date from the instant as written', () => {
    expect(localTime('2026-11-26T14:05:00+05:30')).toBe('14:05');
    expect(localDate('2026-11-26T23:59:00-08:00')).toBe('2026-11-26');
    expect(localTime('nonsense')).toBe('');
  });

  it('refuses messages that are not moments', () => {
    expect(readMoment(null)).toBeNull();
    expect(readMoment({ kind: 'badge' })).toBeNull();
    expect(readMoment({ teamId: 'emea', kind: 'badge', occurredAt: '2026-11-26T10:00:00+01:00', name: 7 })).toMatchObject({ name: '', text: '' });
  });

  it('keeps a moment once when it is pushed and also in the feed read at subscription, newest first', () => {
    const feed = new MomentFeed();
    const pushed = moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Comeback', '10:30', 'comeback');
    expect(feed.add(pushed)).toBe(true);
    expect(feed.add({ ...pushed })).toBe(false);
    feed.replace({ teamId: 'emea', day: '2026-11-26', moments: [moment('goal', 'ben', 'Ben Okafor', 'Ben Okafor hit the Calls goal (60)', '10:00'), pushed] });
    expect(feed.moments.map((m) => m.kind)).toEqual(['badge', 'goal']);
  });

  it('starts a new day’s feed and drops yesterday’s late arrivals', () => {
    const feed = new MomentFeed();
    feed.add(moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Comeback'));
    feed.add({ ...moment('deal', 'ben', 'Ben Okafor', 'Ben Okafor: Deals won'), occurredAt: '2026-11-27T09:05:00+01:00' });
    expect(feed.moments).toHaveLength(1);
    expect(feed.add(moment('goal', 'anna', 'Anna Berg', 'late', '16:00'))).toBe(false);
  });

  it('stays bounded on a busy day', () => {
    const feed = new MomentFeed();
    for (let i = 0; i < MAX_MOMENTS + 25; i++) feed.add(moment('goal', `r${i}`, `Rep ${i}`, `Rep ${i} hit the goal`));
    expect(feed.moments).toHaveLength(MAX_MOMENTS);
    expect(feed.moments[0]!.repId).toBe(`r${MAX_MOMENTS + 24}`);
    // The dropped ones may come back (their keys went with them), the kept ones may not.
    expect(feed.add(moment('goal', `r${MAX_MOMENTS + 24}`, `Rep ${MAX_MOMENTS + 24}`, `Rep ${MAX_MOMENTS + 24} hit the goal`))).toBe(false);
  });

  it('counts today’s badges per rep, most first', () => {
    const feed = new MomentFeed();
    feed.add(moment('badge', 'ben', 'Ben Okafor', 'Ben Okafor earned Comeback', '10:00', 'comeback'));
    feed.add(moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Comeback', '10:01', 'comeback'));
    feed.add(moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Personal best day', '10:02', 'personal-best'));
    feed.add(moment('goal', 'ben', 'Ben Okafor', 'Ben Okafor hit the Calls goal', '10:03'));
    expect(feed.badgeCounts()).toEqual([
      { repId: 'anna', name: 'Anna Berg', count: 2 },
      { repId: 'ben', name: 'Ben Okafor', count: 1 },
    ]);
  });
});
