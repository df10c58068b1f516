/** What plays a celebration on screen. */
export interface CelebrationStage<T> {
  show(item: T): void;
  hide(): void;
}

export interface CelebrationQueueOptions<T = unknown> {
  /** How long one celebration stays on screen. */
  durationMs?: number;
  /** A breath between two celebrations, so that two of them read as two. */
  gapMs?: number;
  /** Waiting celebrations kept at most; beyond it the oldest waiting one is dropped. */
  maxPending?: number;
  /** How long this item stays on screen, where items differ (a badge banner is shorter than a deal). */
  durationOf?: (item: T) => number | undefined;
}

/**
 * Plays celebrations one after another, first come first served, never two at once.
 * A burst (a whole team closing at the end of the quarter) cannot grow the queue without bound:
 * past `maxPending` the oldest waiting celebration is dropped.
 */
export class CelebrationQueue<T> {
  private readonly waiting: T[] = [];
  private playing: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly durationMs: number;
  private readonly gapMs: number;
  private readonly maxPending: number;
  private readonly durationOf: ((item: T) => number | undefined) | undefined;
  private droppedCount = 0;

  constructor(
    private readonly stage: CelebrationStage<T>,
    options: CelebrationQueueOptions<T> = {},
  ) {
    this.durationMs = options.durationMs ?? 5_000;
    this.gapMs = options.gapMs ?? 600;
    this.maxPending = Math.max(1, options.maxPending ?? 20);
    this.durationOf = options.durationOf;
  }

  /** The celebration on screen, if any. */
  get current(): T | null {
    return this.playing;
  }

  /** Celebrations waiting for their turn. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Celebrations dropped since start because too many were waiting. */
  get dropped(): number {
    return this.droppedCount;
  }

  enqueue(item: T): void {
    this.waiting.push(item);
    while (this.waiting.length > this.maxPending) {
      this.waiting.shift();
      this.droppedCount++;
    }
    if (this.playing === null && this.timer === null) this.playNext();
  }

  /** Stops at once: hides what plays and forgets what waits. */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.length = 0;
    if (this.playing !== null) {
      this.playing = null;
      this.stage.hide();
    }
  }

  private playNext(): void {
    this.timer = null;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.playing = next;
    try {
      this.stage.show(next);
    } catch (e) {
      console.error('celebration failed to show', e);
    }
    this.timer = setTimeout(() => this.finish(), this.durationOf?.(next) ?? this.durationMs);
  }

  private finish(): void {
    this.playing = null;
    try {
      this.stage.hide();
    } catch (e) {
      console.error('celebration failed to hide', e);
    }
    this.timer = this.waiting.length > 0 ? setTimeout(() => this.playNext(), this.gapMs) : null;
  }
}
