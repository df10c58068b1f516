import type { CelebrationStage } from './celebration-queue';
import type { Celebration, Moment } from './types';

/**
 * What the celebration queue plays: a deal (or a competition winner) full screen, or a badge earned as a short banner.
 * Both go through the one queue, so never more than one is on screen.
 */
export type Announcement = { kind: 'deal'; celebration: Celebration } | { kind: 'badge'; moment: Moment };

/** How long a badge banner stays: shorter than a deal's celebration, long enough to read a name and a badge. */
export const BADGE_BANNER_MS = 4_000;

/** The queue's duration of an announcement (undefined: the queue's own, for deals). */
export function announcementDuration(a: Announcement): number | undefined {
  return a.kind === 'badge' ? BADGE_BANNER_MS : undefined;
}

/** Plays each announcement on its own stage, and hides the one that played. */
export class AnnouncementStage implements CelebrationStage<Announcement> {
  private showing: Announcement['kind'] | null = null;

  constructor(
    private readonly deal: CelebrationStage<Celebration>,
    private readonly badge: CelebrationStage<Moment>,
  ) {}

  show(a: Announcement): void {
    this.showing = a.kind;
    if (a.kind === 'deal') this.deal.show(a.celebration);
    else this.badge.show(a.moment);
  }

  hide(): void {
    const was = this.showing;
    this.showing = null;
    if (was === 'deal') this.deal.hide();
    else if (was === 'badge') this.badge.hide();
  }
}
