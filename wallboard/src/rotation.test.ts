import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlideRotation } from './rotation';

describe('SlideRotation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each slide for its dwell, round and round', () => {
    const shown: string[] = [];
    const rotation = new SlideRotation(['leaderboard', 'pace'], 20_000, (s) => shown.push(s));
    rotation.start();
    vi.advanceTimersByTime(60_000);
    expect(shown).toEqual(['leaderboard', 'pace', 'leaderboard', 'pace']);
    rotation.stop();
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(4);
  });

  it('does not rotate a single slide', () => {
    const shown: string[] = [];
    new SlideRotation(['pace'], 1_000, (s) => shown.push(s)).start();
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual(['pace']);
  });

  it('takes a new playlist while running', () => {
    const shown: string[] = [];
    const rotation = new SlideRotation(['leaderboard', 'pace'], 10_000, (s) => shown.push(s));
    rotation.start();
    rotation.setSlides(['pace'], 5_000);
    vi.advanceTimersByTime(30_000);
    expect(shown).toEqual(['leaderboard', 'pace']);
    expect(rotation.current).toBe('pace');
  });
});
