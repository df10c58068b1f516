import { momentIcon, momentLine, type MomentFeed } from '../moments';
import { avatarHue, initials } from '../format';
import { el } from './dom';

/** Lines of the feed drawn; the slide shows the latest of the day. */
export const MAX_MOMENT_LINES = 9;

/** Reps on the badge honour roll. */
export const MAX_BADGE_LEADERS = 5;

/**
 * The badges and moments slide: today's moments, newest first (an icon, who, what, when), beside the reps with the
 * most badges today. Text only; rebuilt when the feed changes.
 */
export class MomentsView {
  private readonly list: HTMLElement;
  private readonly roll: HTMLElement;
  private readonly rollList: HTMLElement;
  private readonly empty: HTMLElement;
  private key = '';

  constructor(root: HTMLElement) {
    const feedBox = el('section', 'mo-feed');
    feedBox.append(el('div', 'mo-heading', 'Moments'));
    this.list = el('ol', 'mo-list');
    this.empty = el('div', 'mo-empty', 'No moments yet today: the first badge is up for grabs');
    feedBox.append(this.list, this.empty);
    this.roll = el('section', 'mo-roll');
    this.roll.append(el('div', 'mo-heading', 'Badges today'));
    this.rollList = el('ol', 'mo-roll-list');
    this.roll.append(this.rollList);
    root.append(feedBox, this.roll);
  }

  render(feed: MomentFeed): void {
    const moments = feed.moments.slice(0, MAX_MOMENT_LINES);
    const leaders = feed.badgeCounts().slice(0, MAX_BADGE_LEADERS);
    const key = JSON.stringify([moments, leaders]);
    if (key === this.key) return;
    this.key = key;
    this.empty.hidden = moments.length > 0;
    this.list.replaceChildren(
      ...moments.map((m) => {
        const line = momentLine(m);
        const row = el('li', `mo-row kind-${m.kind.replace(/[^A-Za-z]/g, '')}`);
        row.append(el('span', 'mo-icon', line.icon), el('span', 'mo-name', line.name), el('span', 'mo-action', line.action), el('span', 'mo-time', line.time));
        return row;
      }),
    );
    this.roll.hidden = leaders.length === 0;
    this.rollList.replaceChildren(
      ...leaders.map((r) => {
        const row = el('li', 'mo-roll-row');
        const avatar = el('span', 'avatar mo-avatar', initials(r.name));
        avatar.style.setProperty('--hue', String(avatarHue(r.repId)));
        row.append(avatar, el('span', 'mo-roll-name', r.name), el('span', 'mo-roll-count', `${momentIcon('badge')} ${r.count}`));
        return row;
      }),
    );
  }
}
