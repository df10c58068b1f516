interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/**
 * Keeps the screen awake where the browser has the Screen Wake Lock API (a secure context:
 * HTTPS or localhost). The browser drops the lock whenever the page is hidden, so it is asked
 * for again when the page becomes visible. Without the API this does nothing: kiosk set-ups
 * should also switch screen blanking off.
 */
export function keepScreenAwake(doc: Document = document, nav: Navigator = navigator): void {
  const wakeLock = (nav as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
  if (!wakeLock) return;
  let sentinel: WakeLockSentinelLike | null = null;
  const acquire = async (): Promise<void> => {
    if (doc.visibilityState !== 'visible' || (sentinel !== null && !sentinel.released)) return;
    try {
      sentinel = await wakeLock.request('screen');
      sentinel.addEventListener('release', () => {
        sentinel = null;
      });
    } catch {
      // Refused (battery saver, policy): nothing to do but try again at the next visibility change.
    }
  };
  doc.addEventListener('visibilitychange', () => void acquire());
  void acquire();
}
