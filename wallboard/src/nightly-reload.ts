/** Hour (local) at which a long-running page reloads itself, picking up a new wallboard build. */
export const RELOAD_HOUR = 3;
const MIN_UPTIME_MS = 12 * 60 * 60 * 1000;

/**
 * Reloads the page once a night, but only after checking that the server answers the page
 * itself: a reload while the server is down would leave the TV on a browser error page.
 */
export function scheduleNightlyReload(now: () => Date = () => new Date()): void {
  const started = Date.now();
  setInterval(
    () => {
      if (now().getHours() !== RELOAD_HOUR || Date.now() - started < MIN_UPTIME_MS) return;
      fetch(location.href, { cache: 'no-store' })
        .then((r) => {
          if (r.ok) location.reload();
        })
        .catch(() => undefined);
    },
    10 * 60 * 1000,
  );
}
