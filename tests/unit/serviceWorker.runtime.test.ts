// The generated sw.js, run in a sandbox against fake caches and a fake network: precaching, the fetch strategies,
// the offline fallbacks, and an update from one build to the next that deletes the stale cache.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { writeServiceWorker } from '../../site/integrations/serviceWorker.mjs';

const ORIGIN = 'https://course.test';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A build folder and its generated sw.js text. */
function build(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sw-run-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeServiceWorker(root);
  return readFileSync(join(root, 'sw.js'), 'utf8');
}

const keyOf = (request: string | { url: string }, ignoreSearch = false) => {
  const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
  return ignoreSearch ? url.origin + url.pathname : url.href;
};

/** A CacheStorage stand-in: named maps from URL to response text. */
class FakeCaches {
  stores = new Map<string, Map<string, string>>();
  constructor(readonly network: FakeNetwork) {}
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, string>();
    this.stores.set(name, store);
    const network = this.network;
    return {
      async addAll(requests: Request[]) {
        const bodies = await Promise.all(requests.map(async (r) => [keyOf(r), await (await network.fetch(r)).text()] as const));
        for (const [key, body] of bodies) store.set(key, body);
      },
      async put(request: string, response: Response) { store.set(keyOf(request), await response.text()); },
      async match(request: string | { url: string; headers?: Headers }, options?: { ignoreSearch?: boolean; ignoreVary?: boolean }) {
        // Like `astro preview`, the fake server's answers say `Vary: Origin`, and the precache fetched them without
        // an Origin: a real cache refuses a request that carries one (a module script) unless told to ignore Vary.
        if (!options?.ignoreVary && typeof request !== 'string' && request.headers?.get('origin')) return undefined;
        const wanted = keyOf(request, options?.ignoreSearch);
        for (const [key, body] of store) if (keyOf(key, options?.ignoreSearch) === wanted) return new Response(body);
        return undefined;
      },
    };
  }
  async keys() { return [...this.stores.keys()]; }
  async delete(name: string) { return this.stores.delete(name); }
}

/** The server: answers from a table of path → text while online, throws like fetch does while offline. */
class FakeNetwork {
  online = true;
  requests: string[] = [];
  constructor(public files: Record<string, string>) {}
  async fetch(request: string | { url: string }) {
    const path = new URL(typeof request === 'string' ? request : request.url, ORIGIN).pathname;
    this.requests.push(path);
    if (!this.online) throw new TypeError('Failed to fetch');
    const body = this.files[path];
    const response = body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
    // A browser marks same-origin responses 'basic'; Node's Response says 'default'.
    Object.defineProperty(response, 'type', { value: 'basic' });
    return response;
  }
}

/** Starts a generated sw.js in a sandbox whose `self` records listeners; returns helpers to fire events. */
function startWorker(source: string, caches: FakeCaches, network: FakeNetwork) {
  const listeners = new Map<string, (event: unknown) => void>();
  let skipped = false;
  const self = {
    location: { href: `${ORIGIN}/sw.js` }, caches,
    fetch: (request: Request) => network.fetch(request),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: async () => { skipped = true; },
  };
  runInNewContext(source, { self, URL, Request, Response, Promise });
  const lifecycle = async (type: string) => {
    let work: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => { work = p; } });
    await work;
  };
  /** Fires a fetch; resolves to the response text, or null when the worker let the browser handle it. */
  const fetchThrough = async (path: string, init: { mode?: string; method?: string; accept?: string; origin?: string } = {}) => {
    let answer: Promise<Response> | null = null;
    const request = { url: `${init.origin ?? ORIGIN}${path}`, method: init.method ?? 'GET', mode: init.mode ?? 'cors',
      // Module scripts and fetches are CORS-mode requests and carry an Origin header.
      headers: new Headers({ ...(init.accept ? { accept: init.accept } : {}), ...((init.mode ?? 'cors') === 'cors' ? { origin: ORIGIN } : {}) }) };
    listeners.get('fetch')!({ request, respondWith: (p: Promise<Response>) => { answer = p; } });
    return answer === null ? null : (await answer as Response).text();
  };
  return { install: () => lifecycle('install'), activate: () => lifecycle('activate'), fetchThrough, skipped: () => skipped };
}

const SITE = {
  'index.html': 'home v1', 'offline/index.html': 'you are offline', 'chapters/one-token/index.html': 'one token v1',
  '_astro/app.Ab12.js': 'code v1', 'models/tw-learned/manifest.json': '{"sha256":"x"}', 'models/tw-learned/weights.bin': 'weights v1',
  'pagefind/pagefind-entry.json': '{"entry":1}',
};
const served = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [`/${path.replace(/index\.html$/, '')}`, text]));

async function installed(files = SITE) {
  const network = new FakeNetwork(served(files));
  const caches = new FakeCaches(network);
  const worker = startWorker(build(files), caches, network);
  await worker.install();
  await worker.activate();
  return { network, caches, worker };
}

describe('generated service worker', () => {
  it('precaches every built file into one course- cache on install and takes over without waiting', async () => {
    const { caches, worker } = await installed();
    const names = [...caches.stores.keys()];
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^course-[0-9a-f]{16}$/);
    expect(caches.stores.get(names[0])!.size).toBe(Object.keys(SITE).length);
    expect(worker.skipped()).toBe(true);
  });

  it('serves pages from the network while online and from the cache once offline', async () => {
    const { network, worker } = await installed();
    network.files['/chapters/one-token/'] = 'one token v2';
    expect(await worker.fetchThrough('/chapters/one-token/', { mode: 'navigate' })).toBe('one token v2');
    network.online = false;
    expect(await worker.fetchThrough('/chapters/one-token/', { mode: 'navigate' })).toBe('one token v2');
    expect(await worker.fetchThrough('/chapters/one-token?x=1', { accept: 'text/html' })).toBe('one token v2');
    expect(await worker.fetchThrough('/chapters/never-built/', { mode: 'navigate' })).toBe('you are offline');
  });

  it('answers models and hashed scripts from the cache without touching the network', async () => {
    const { network, worker } = await installed();
    network.requests = [];
    network.files['/models/tw-learned/weights.bin'] = 'changed on the server';
    expect(await worker.fetchThrough('/models/tw-learned/weights.bin')).toBe('weights v1');
    expect(await worker.fetchThrough('/_astro/app.Ab12.js')).toBe('code v1');
    expect(await worker.fetchThrough('/pagefind/pagefind-entry.json?ts=123')).toBe('{"entry":1}');
    expect(network.requests).toEqual([]);
  });

  it('leaves other origins and non-GET requests to the browser', async () => {
    const { worker } = await installed();
    expect(await worker.fetchThrough('/x.js', { origin: 'https://elsewhere.test' })).toBeNull();
    expect(await worker.fetchThrough('/chapters/one-token/', { method: 'POST' })).toBeNull();
  });

  it('after a rebuild with one changed file, uses a new cache with the new bytes and deletes the stale one', async () => {
    const { network, caches } = await installed();
    const oldName = [...caches.stores.keys()][0];
    caches.stores.set('someone-else', new Map());
    const changed = { ...SITE, 'models/tw-learned/weights.bin': 'weights v2' };
    network.files = served(changed);
    const next = startWorker(build(changed), caches, network);
    await next.install();
    expect(caches.stores.has(oldName)).toBe(true);
    await next.activate();
    const names = [...caches.stores.keys()];
    expect(names).not.toContain(oldName);
    expect(names).toContain('someone-else');
    expect(names.filter((name) => name.startsWith('course-'))).toHaveLength(1);
    network.online = false;
    expect(await next.fetchThrough('/models/tw-learned/weights.bin')).toBe('weights v2');
  });
});
