/**
 * Rotates through slides, each for `dwellMs`. With one slide it just shows it.
 * Later a server-defined playlist can call `setSlides` while the TV runs.
 */
export class SlideRotation<T> {
  private index = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private slides: readonly T[],
    private dwellMs: number,
    private readonly show: (slide: T, index: number) => void,
  ) {}

  get current(): T | undefined {
    return this.slides[this.index];
  }

  start(): void {
    this.stop();
    if (this.slides.length === 0) return;
    this.index = Math.min(this.index, this.slides.length - 1);
    this.show(this.slides[this.index]!, this.index);
    if (this.slides.length > 1) {
      this.timer = setInterval(() => this.advance(), this.dwellMs);
    }
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Replaces the playlist (and the dwell) and starts again from its first slide. */
  setSlides(slides: readonly T[], dwellMs: number = this.dwellMs): void {
    this.slides = slides;
    this.dwellMs = dwellMs;
    this.index = 0;
    this.start();
  }

  private advance(): void {
    if (this.slides.length === 0) return;
    this.index = (this.index + 1) % this.slides.length;
    this.show(this.slides[this.index]!, this.index);
  }
}
