// Shared e2e helpers: the list of built pages, and a guard that fails a test on console errors or foreign requests.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

/** Every HTML page in the build (`dist/`, or E2E_DIST when a build was made elsewhere), as a URL path (e.g. `/chapters/softmax/`). */
export function builtPages(dir = process.env.E2E_DIST ?? 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push('/' + relative(dir, full).replace(/index\.html$/, '').replace(/\\/g, '/'));
    }
  };
  walk(dir);
  return pages.sort();
}

/** Collects console errors, page errors and requests to any origin but the site's own, for a test to assert on. */
export function watchPage(page: Page, baseURL: string) {
  const problems: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) problems.push(`foreign request: ${url}`);
  });
  return problems;
}

/**
 * Scrolls every not-yet-hydrated `client:visible` island into view, one after another, and waits until Astro has
 * hydrated it (it drops the `ssr` attribute). A quick scroll over the page is not enough on a loaded machine: a
 * frame can be skipped while an island is on screen, and its IntersectionObserver then never fires.
 */
export async function hydrateAllIslands(page: Page, timeoutMs = 30_000): Promise<void> {
  const islands = page.locator('astro-island[ssr][client="visible"]');
  const deadline = Date.now() + timeoutMs;
  for (let n = await islands.count(); n > 0 && Date.now() < deadline; n = await islands.count()) {
    const first = islands.first();
    const uid = await first.getAttribute('uid');
    // The island itself is display: contents; scroll its first rendered child into view.
    await first.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView({ block: 'center' }));
    await page.locator(`astro-island[uid="${uid}"]:not([ssr])`).waitFor({ state: 'attached', timeout: Math.max(1, deadline - Date.now()) });
  }
  if ((await islands.count()) > 0) throw new Error(`${await islands.count()} islands did not hydrate within ${timeoutMs} ms`);
}
