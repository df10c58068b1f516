// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MomentFeed } from '../moments';
import { moment } from '../test/gamification';
import { BadgeBannerView } from './badge-banner';
import { MAX_MOMENT_LINES, MomentsView } from './moments';

describe('MomentsView', () => {
  it('lists today’s moments newest first beside the badge honour roll, names as text', () => {
    const root = document.createElement('div');
    const feed = new MomentFeed();
    const evil = '<b onclick=x>Zed</b>';
    feed.add(moment('goal', 'anna', 'Anna Berg', 'Anna Berg hit the Calls goal (60)', '10:00'));
    feed.add(moment('badge', 'zed', evil, `${evil} earned Comeback`, '10:05', 'comeback'));
    const view = new MomentsView(root);
    view.render(feed);
    expect(root.querySelector('b')).toBeNull();
    const rows = [...root.querySelectorAll('.mo-row')];
    expect(rows.map((r) => r.querySelector('.mo-name')!.textContent)).toEqual([evil, 'Anna Berg']);
    expect(rows[0]!.querySelector('.mo-action')!.textContent).toBe('earned Comeback');
    expect(rows[0]!.classList.contains('kind-badge')).toBe(true);
    expect(rows[1]!.querySelector('.mo-time')!.textContent).toBe('10:00');
    expect([...root.querySelectorAll('.mo-roll-name')].map((e) => e.textContent)).toEqual([evil]);
    expect(root.querySelector<HTMLElement>('.mo-empty')!.hidden).toBe(true);
  });

  it('draws only the latest lines that fit, and a word of encouragement before the first', () => {
    const root = document.createElement('div');
    const feed = new MomentFeed();
    const view = new MomentsView(root);
    view.render(feed);
    expect(root.querySelector<HTMLElement>('.mo-empty')!.hidden).toBe(false);
    expect(root.querySelector<HTMLElement>('.mo-roll')!.hidden).toBe(true);
    for (let i = 0; i < 20; i++) feed.add(moment('goal', `r${i}`, `Rep ${i}`, `Rep ${i} hit the goal`, `10:${String(i).padStart(2, '0')}`));
    view.render(feed);
    expect(root.querySelectorAll('.mo-row')).toHaveLength(MAX_MOMENT_LINES);
  });
});

describe('BadgeBannerView', () => {
  it('announces a badge with the name apart, and hides again', () => {
    const host = document.createElement('div');
    const banner = new BadgeBannerView(host);
    banner.show(moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Goal met before noon'));
    const root = host.querySelector<HTMLElement>('.badge-banner')!;
    expect(root.hidden).toBe(false);
    expect(root.querySelector('.bb-name')!.textContent).toBe('Anna Berg');
    expect(root.querySelector('.bb-action')!.textContent).toBe('earned Goal met before noon');
    banner.hide();
    expect(root.classList.contains('leaving')).toBe(true);
  });
});
