import confetti from 'canvas-confetti';
import type { CelebrationStage } from '../celebration-queue';
import { avatarHue, formatAmount, initials } from '../format';
import type { Celebration } from '../types';
import { el, setText } from './dom';

/**
 * The full-screen moment of one celebration: who, what, how much, and confetti.
 * One overlay and one confetti canvas for the page's whole life; the queue decides what plays.
 */
export class CelebrationView implements CelebrationStage<Celebration> {
  private readonly overlay: HTMLElement;
  private readonly avatar: HTMLElement;
  private readonly name: HTMLElement;
  private readonly metric: HTMLElement;
  private readonly amount: HTMLElement;
  private readonly fire: confetti.CreateTypes;
  private bursts: ReturnType<typeof setTimeout>[] = [];

  constructor(
    host: HTMLElement,
    private readonly metricName: (key: string) => string,
    private readonly locale: string | undefined,
  ) {
    this.overlay = el('div', 'celebration');
    this.overlay.hidden = true;
    this.overlay.setAttribute('aria-live', 'assertive');
    const canvas = el('canvas', 'confetti');
    const card = el('div', 'cele-card');
    this.avatar = el('div', 'cele-avatar avatar');
    this.name = el('div', 'cele-name');
    this.metric = el('div', 'cele-metric');
    this.amount = el('div', 'cele-amount');
    card.append(el('div', 'cele-kicker', 'Congratulations'), this.avatar, this.name, this.metric, this.amount);
    this.overlay.append(canvas, card);
    host.append(this.overlay);
    // No worker: some kiosk browsers lack OffscreenCanvas, and one canvas is cheap enough.
    this.fire = confetti.create(canvas, { resize: true, useWorker: false });
  }

  show(c: Celebration): void {
    setText(this.avatar, initials(c.name));
    this.avatar.style.setProperty('--hue', String(avatarHue(c.repId)));
    setText(this.name, c.name);
    this.name.classList.toggle('long', c.name.length > 20);
    setText(this.metric, this.metricName(c.metric));
    const amount = c.value != null && c.value > 0 ? formatAmount(c.value, this.locale) : '';
    setText(this.amount, amount);
    this.amount.hidden = amount === '';
    this.overlay.hidden = false;
    this.overlay.classList.remove('leaving');
    this.overlay.classList.add('showing');
    this.confetti();
  }

  hide(): void {
    for (const t of this.bursts) clearTimeout(t);
    this.bursts = [];
    this.overlay.classList.remove('showing');
    this.overlay.classList.add('leaving');
    // Let the fade run, then take the overlay (and the canvas' animation) off the page.
    this.bursts.push(
      setTimeout(() => {
        this.overlay.hidden = true;
        this.overlay.classList.remove('leaving');
        this.fire.reset();
        this.bursts = [];
      }, 500),
    );
  }

  private confetti(): void {
    const colors = ['#fbbf24', '#22c55e', '#38bdf8', '#f472b6', '#ffffff'];
    // Confetti is sized in CSS pixels: scale it with the screen so a 4K TV gets the same picture.
    const scalar = Math.max(1, Math.min(window.innerHeight, window.innerWidth * 0.5625) / 900);
    const burst = (x: number, angle: number): void => {
      void this.fire({ particleCount: 90, spread: 70, startVelocity: 55 * Math.sqrt(scalar), angle, origin: { x, y: 0.75 }, colors, ticks: 260, scalar });
    };
    burst(0.15, 60);
    burst(0.85, 120);
    for (const [delay, x] of [
      [700, 0.5],
      [1500, 0.25],
      [2300, 0.75],
    ] as const) {
      this.bursts.push(
        setTimeout(() => {
          void this.fire({ particleCount: 140, spread: 120, startVelocity: 45 * Math.sqrt(scalar), origin: { x, y: 0.45 }, colors, ticks: 260, scalar });
        }, delay),
      );
    }
  }
}
