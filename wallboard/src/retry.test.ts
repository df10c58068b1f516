import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry';

describe('retry delays', () => {
  it('start at once and back off: 0, 1, 2, 5, 10, 15, 20, 30 s', () => {
    const noJitter = () => 0;
    expect(Array.from({ length: 8 }, (_, i) => retryDelayMs(i, noJitter))).toEqual([
      0, 1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000,
    ]);
  });

  it('never give up and never exceed the cap, even with jitter', () => {
    for (const attempt of [8, 100, 10_000, Number.MAX_SAFE_INTEGER]) {
      const delay = retryDelayMs(attempt, () => 0.999);
      expect(delay).not.toBeNull();
      expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
      expect(delay).toBeGreaterThan(0);
    }
  });

  it('add at most 20 % jitter', () => {
    expect(retryDelayMs(3, () => 0.5)).toBe(5_500);
    expect(retryDelayMs(3, () => 0.999)).toBeLessThanOrEqual(6_000);
  });
});
