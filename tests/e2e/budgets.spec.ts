// Size budgets over the built site (issue #10). Sizes are deterministic, so they are asserted here; speed is
// not (see scripts/bench/latency.ts). Every body is gzipped here with node:zlib: the test servers (python's
// http.server, astro preview) do not compress, and their headers say nothing about what a real host would send.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, hydrateAllIslands } from './helpers';

// Budgets count in decimal units, the stricter reading (1 MB = 1,000,000 bytes, 1 kB = 1,000 bytes), as do the tables.
/** First load of a chapter, everything included (HTML, CSS, JS, fonts, models), gzipped: 2 MB. */
const PAGE_BUDGET_BYTES = 2_000_000;
/** The engine worker's JavaScript (its entry chunk and everything it imports), gzipped: 50 kB. */
const ENGINE_BUDGET_BYTES = 50_000;

const distDir = process.env.E2E_DIST ?? 'dist';
const chapters = builtPages(distDir).filter((p) => /^\/chapters\/[^/]+\/$/.test(p));
const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** What a response counts as in the table. */
function kindOf(url: URL, resourceType: string): string {
  if (url.pathname.startsWith('/models/')) return 'model';
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'font') return 'font';
  if (resourceType === 'script' || url.pathname.endsWith('.js') || url.pathname.endsWith('.mjs')) return 'js';
  return 'other';
}

/** The built file a same-origin URL serves (a folder serves its index.html). */
function builtFile(url: URL): Buffer {
  const path = decodeURIComponent(url.pathname);
  return readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path));
}

/** What one first load fetched: gzipped bytes by kind, and which model folders. */
interface Weight {
  byKind: Map<string, number>;
  models: Set<string>;
}

/** Resolves once no request has been in flight for `quietMs` (or after `maxMs`, whatever is still loading). */
async function settled(page: Page, inFlight: () => number, lastActivity: () => number, quietMs = 5000, maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline && (inFlight() > 0 || Date.now() - lastActivity() < quietMs)) await page.waitForTimeout(200);
}

/** Loads a page, scrolls every client:visible island into view until it has hydrated, and sums gzipped bodies by kind. */
async function firstLoadWeight(page: Page, path: string): Promise<Weight> {
  const seen = new Set<string>();
  const pending: Promise<void>[] = [];
  const weight: Weight = { byKind: new Map(), models: new Set() };
  let inFlight = 0;
  let lastActivity = Date.now();
  // The context sees the page's requests and its dedicated workers' (the engine fetches the model files).
  const context = page.context();
  context.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || seen.has(url.href)) return;
    if (response.status() >= 300) return;
    seen.add(url.href);
    const kind = kindOf(url, response.request().resourceType());
    if (kind === 'model') weight.models.add(url.pathname.split('/')[2]);
    const add = (body: Buffer) => void weight.byKind.set(kind, (weight.byKind.get(kind) ?? 0) + gzipped(body));
    // Chromium sometimes cannot hand over a worker's response body (the worker took the buffer); the server
    // sent the built file as it is, so weigh that file instead.
    pending.push(response.body().then(add, () => add(builtFile(url))));
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await hydrateAllIslands(page);
  // Islands hydrate, then some ask the worker for a model, sometimes only after another model's forward pass:
  // wait until the network has been quiet for 5 s (2 s was too short on a loaded machine and missed a model).
  await settled(page, () => inFlight, () => lastActivity);
  await Promise.all(pending);
  return weight;
}

const rows: string[] = [];
const KINDS = ['html', 'css', 'js', 'font', 'model', 'other'];

test.describe('page weight: each chapter’s first load is at most 2 MB gzipped', () => {
  test.describe.configure({ timeout: 150_000 });
  test('the build has chapter pages to weigh', () => {
    expect(chapters.length).toBeGreaterThan(3);
  });
  for (const path of chapters) {
    test(`first load of ${path}`, async ({ page }) => {
      const { byKind, models } = await firstLoadWeight(page, path);
      const total = [...byKind.values()].reduce((a, b) => a + b, 0);
      const row = `${path.padEnd(28)} ${KINDS.map((k) => kb(byKind.get(k) ?? 0).padStart(8)).join(' ')} ${kb(total).padStart(9)}  ${[...models].sort().join(' + ')}`;
      rows.push(row);
      console.log(`[weight kB gz] ${row}`);
      expect(byKind.get('html') ?? 0, 'the page itself was not counted').toBeGreaterThan(0);
      expect(total, `${path} first load is ${kb(total)} kB gzipped (budget ${kb(PAGE_BUDGET_BYTES)} kB)`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    });
  }
  test.afterAll(() => {
    if (rows.length === 0) return;
    const header = `${'chapter'.padEnd(28)} ${KINDS.map((k) => k.padStart(8)).join(' ')} ${'total'.padStart(9)}  models`;
    console.log(['first load, kB gzipped (1 kB = 1000 bytes)', header, ...rows.sort()].join('\n'));
  });
});

/** Every JS file in the build's _astro folder. */
const builtScripts = () => readdirSync(join(distDir, '_astro')).filter((f) => f.endsWith('.js')).map((f) => join(distDir, '_astro', f));

/** The files a chunk imports statically or dynamically (relative specifiers such as `./x.js`), followed transitively. */
function chunkClosure(entry: string): string[] {
  const found = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const next = join(file, '..', match[1]);
      if (!found.has(next)) {
        found.add(next);
        queue.push(next);
      }
    }
  }
  return [...found];
}

test('the engine worker’s JavaScript is at most 50 kB gzipped', () => {
  // The client starts the worker with `new Worker(new URL('/_astro/worker-….js', …))`; find those entries.
  const entries = new Set<string>();
  for (const file of builtScripts()) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new Worker\(\s*new URL\(\s*[`"'](?:\/_astro\/|\.\/)?([^`"']+\.js)[`"']/g)) {
      entries.add(join(distDir, '_astro', m[1]));
    }
  }
  expect(entries.size, 'no `new Worker(new URL(…))` found in the built JS').toBeGreaterThan(0);
  for (const entry of entries) {
    const files = chunkClosure(entry);
    const total = files.reduce((sum, f) => sum + gzipped(readFileSync(f)), 0);
    console.log(`[engine worker] ${files.map((f) => f.slice(distDir.length)).join(' + ')}: ${kb(total)} kB gzipped (${kb(files.reduce((s, f) => s + statSync(f).size, 0))} kB raw)`);
    expect(total, `${entry} and its imports`).toBeLessThanOrEqual(ENGINE_BUDGET_BYTES);
  }
});

/** Source files that end up in islands or pages. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|svelte|astro|mdx|js|mjs)$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

/** d3 packages a package depends on, transitively (from node_modules/<name>/package.json). */
function d3Closure(names: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    const pkg = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) if (dep.startsWith('d3')) visit(dep);
  };
  for (const name of names) visit(name);
  return found;
}

/** Long string literals in a package's ES module build: they survive minification, so they mark its code. */
function stringLiterals(name: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { module?: string; main?: string };
  const file = join('node_modules', name, pkg.module ?? pkg.main ?? 'index.js');
  // Only plain words and CSS-like values: a regex over source also catches fragments between two literals.
  return new Set([...readFileSync(file, 'utf8').matchAll(/"([^"\\\n]{6,})"/g)].map((m) => m[1]).filter((t) => /^[\w.#%: -]+$/.test(t)));
}

test('islands import only the d3 submodules they use: never the whole d3 package', () => {
  const imported = new Set<string>();
  for (const file of ['widgets', 'site', 'lessons', 'engine'].flatMap(sourceFiles)) {
    const code = readFileSync(file, 'utf8');
    expect(code, `${file} imports the whole d3 package`).not.toMatch(/from\s+["']d3["']|import\(\s*["']d3["']\s*\)/);
    expect(code, `${file} imports a d3 module as a namespace (defeats tree-shaking)`).not.toMatch(/import\s+\*\s+as\s+\w+\s+from\s+["']d3-/);
    for (const m of code.matchAll(/from\s+["'](d3-[a-z]+)["']/g)) imported.add(m[1]);
  }
  expect(imported.size, 'no widget imports a d3 submodule: has the source moved?').toBeGreaterThan(0);
  // A d3 package that no source file imports (directly or through one it imports) must not be in the build.
  const allowed = d3Closure(imported);
  const installed = readdirSync('node_modules').filter((n) => n === 'd3' || n.startsWith('d3-'));
  const allowedLiterals = new Set([...allowed].flatMap((n) => [...stringLiterals(n)]));
  const ownSource = ['widgets', 'site'].flatMap(sourceFiles).map((f) => readFileSync(f, 'utf8')).join('\n');
  const built = builtScripts().map((f) => [f, readFileSync(f, 'utf8')] as const);
  for (const name of installed.filter((n) => !allowed.has(n))) {
    // Telltale strings: in this package, in none that is allowed, and nowhere in the project's own source.
    const markers = [...stringLiterals(name)].filter((s) => !allowedLiterals.has(s) && !ownSource.includes(s));
    console.log(`[d3] ${name} is imported by no widget; telltale strings: ${markers.join(', ')}`);
    if (markers.length === 0) continue; // nothing to recognise it by
    for (const [file, code] of built) {
      const hits = markers.filter((s) => code.includes(`"${s}"`)).length;
      expect(hits / markers.length, `${file} seems to contain ${name}, which no widget imports`).toBeLessThan(0.5);
    }
  }
  console.log(`[d3] imported: ${[...imported].sort().join(', ')}; with their dependencies: ${[...allowed].sort().join(', ')}`);
});

test('the service worker’s offline precache (downloaded after the first load, so not in its budget) is printed', () => {
  const swFile = join(distDir, 'sw.js');
  expect(existsSync(swFile), 'the build has no sw.js: the service-worker integration did not run').toBe(true);
  const config = /const CONFIG = (\{.*?\});\n/.exec(readFileSync(swFile, 'utf8'));
  expect(config, 'sw.js no longer starts with `const CONFIG = {…};`').not.toBeNull();
  const urls = (JSON.parse(config![1]) as { urls: string[] }).urls;
  const total = urls.reduce((sum, u) => sum + gzipped(builtFile(new URL(u, 'http://localhost'))), 0);
  console.log(`[service worker precache] ${urls.length} files, ${kb(total)} kB gzipped, fetched in the background after the first visit`);
  expect(urls.length).toBeGreaterThan(0);
});
