// The service worker's behaviour, as one self-contained function. The build serialises it into `sw.js` with the
// precache list, and unit tests run the very same function against fake caches and a fake network.

/**
 * Installs the course's offline behaviour on a service worker global `sw` (normally `self`).
 * `config`: `{ prefix, version, urls, offlineUrl }` — cache names start with `prefix`; `urls` are precached on install.
 * Pages are network-first (an online reader gets the newest text) with the cached copy, then the offline page, as
 * fallbacks; everything else (hashed `_astro` files, models whose manifest holds a sha256, fonts, search index) is
 * cache-first, because a changed file means a new build and so a new cache.
 * Must not use anything outside its own body: it is turned into source text with `toString()`.
 */
export function serviceWorkerMain(sw, config) {
  const cacheName = `${config.prefix}${config.version}`;
  const absolute = (path) => new URL(path, sw.location.href).href;

  // `/chapters/x` and `/chapters/x/?s=1#a` are the same page as the cached `/chapters/x/`.
  const pageKey = (url) => {
    const last = url.pathname.split('/').pop() ?? '';
    const path = last === '' || last.includes('.') ? url.pathname : `${url.pathname}/`;
    return absolute(path);
  };

  const isPage = (request) => request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');

  async function precache() {
    const cache = await sw.caches.open(cacheName);
    // 'reload' bypasses the HTTP cache, so a new version never stores a stale copy of a file.
    await cache.addAll(config.urls.map((path) => new Request(absolute(path), { cache: 'reload' })));
    await sw.skipWaiting();
  }

  async function dropOldCaches() {
    const names = await sw.caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(config.prefix) && name !== cacheName).map((name) => sw.caches.delete(name)));
  }

  async function networkFirst(request, url) {
    const cache = await sw.caches.open(cacheName);
    try {
      const response = await sw.fetch(request);
      // Only whole, same-origin pages refresh the copy; redirects and errors pass through untouched.
      if (response.ok && response.type === 'basic') await cache.put(pageKey(url), response.clone());
      return response;
    } catch {
      return (await cache.match(pageKey(url), { ignoreVary: true })) ?? (await cache.match(absolute(config.offlineUrl), { ignoreVary: true })) ?? Response.error();
    }
  }

  async function cacheFirst(request) {
    const cache = await sw.caches.open(cacheName);
    // Pagefind adds a `?ts=` cache-buster to its entry file; the cached copy is the same file. Servers such as
    // `astro preview` answer with `Vary: Origin`, and a module script's request carries an Origin the precache
    // request did not: without ignoreVary every script would miss the cache and fail offline.
    const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
    return hit ?? sw.fetch(request);
  }

  sw.addEventListener('install', (event) => event.waitUntil(precache()));
  sw.addEventListener('activate', (event) => event.waitUntil(dropOldCaches()));
  sw.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || request.headers.has('range')) return;
    const url = new URL(request.url);
    if (url.origin !== new URL(sw.location.href).origin) return;
    event.respondWith(isPage(request) ? networkFirst(request, url) : cacheFirst(request));
  });
}

/** The text of `sw.js`: the configuration as JSON followed by the runtime above, started on `self`. */
export function renderServiceWorker(config) {
  return [
    '// Generated at build time by site/integrations/serviceWorker.mjs; edit that folder, not this file.',
    `const CONFIG = ${JSON.stringify(config)};`,
    `(${serviceWorkerMain.toString()})(self, CONFIG);`,
    '',
  ].join('\n');
}
