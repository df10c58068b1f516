import type { CelebrationStage } from '../celebration-queue';
import { avatarHue, initials } from '../format';
import { momentIcon, momentLine } from '../moments';
import type { Moment } from '../types';
import { el, setText } from './dom';

/**
 * A badge earned, announced as a banner across the foot of the screen for a few seconds (the board stays readable
 * above it). One element for the page's whole life; the celebration queue decides what plays.
 */
export class BadgeBannerView implements CelebrationStage<Moment> {
  private readonly root: HTMLElement;
  private readonly avatar: HTMLElement;
  private readonly name: HTMLElement;
  private readonly action: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: HTMLElement) {
    this.root = el('div', 'badge-banner');
    this.root.hidden = true;
    this.root.setAttribute('aria-live', 'polite');
    this.avatar = el('span', 'bb-avatar avatar');
    const words = el('span', 'bb-words');
    this.name = el('span', 'bb-name');
    this.action = el('span', 'bb-action');
    words.append(this.name, this.action);
    this.root.append(el('span', 'bb-icon', momentIcon('badge')), this.avatar, words);
    host.append(this.root);
  }

  show(m: Moment): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const line = momentLine(m);
    setText(this.avatar, initials(m.name));
    this.avatar.style.setProperty('--hue', String(avatarHue(m.repId)));
    setText(this.name, line.name);
    setText(this.action, line.action);
    this.root.hidden = false;
    this.root.classList.remove('leaving');
    this.root.classList.add('showing');
  }

  hide(): void {
    this.root.classList.remove('showing');
    this.root.classList.add('leaving');
    this.timer = setTimeout(() => {
      this.timer = null;
      this.root.hidden = true;
      this.root.classList.remove('leaving');
    }, 400);
  }
}
