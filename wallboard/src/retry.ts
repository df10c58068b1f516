/**
 * Reconnect delays: quick at first, then capped, and never "give up" (a TV nobody watches must
 * come back by itself after any outage). A little jitter keeps a floor of TVs from reconnecting
 * in lockstep after a server restart.
 */
export const RETRY_DELAYS_MS = [0, 1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000] as const;
export const MAX_RETRY_DELAY_MS = 30_000;

/** Delay before retry number `previousRetryCount` (0-based); `random` in [0, 1) adds up to 20 % jitter. */
export function retryDelayMs(previousRetryCount: number, random: () => number = Math.random): number {
  const index = Math.max(0, Math.floor(previousRetryCount));
  const base = RETRY_DELAYS_MS[Math.min(index, RETRY_DELAYS_MS.length - 1)]!;
  if (base === 0) return 0;
  return Math.min(MAX_RETRY_DELAY_MS, Math.round(base * (1 + 0.2 * random())));
}

/** How long to wait before trying again a board link the server refused (unknown team, bad token). */
export const INVALID_LINK_RETRY_MS = 60_000;
