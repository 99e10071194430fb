// Registers the build's service worker (site/integrations/serviceWorker.mjs) so the course works offline after a
// first visit. Production builds only: `astro dev` has no `sw.js`, and a worker left over from a build is removed
// there so it cannot serve stale pages to an author.

/** Registers `/sw.js` in a production build, or unregisters any worker in development; no-op without service workers. */
export function setUpServiceWorker(production: boolean = import.meta.env.PROD): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  if (!production) {
    void container.getRegistrations().then((all) => all.forEach((registration) => void registration.unregister()));
    return;
  }
  // After the page's own load, so precaching never competes with the first paint.
  const register = () => void container.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

setUpServiceWorker();
