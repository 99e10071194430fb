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
 * Scrolls every not-yet-hydrated `client:visible` island into view, in rounds, until Astro has hydrated them all (it
 * drops the `ssr` attribute). A quick scroll over the page is not enough on a loaded machine: a frame can be skipped
 * while an island is on screen, and its IntersectionObserver then never fires. Each round gives every waiting island
 * a moment on screen; hydration itself may finish later (a chunk still downloading), so rounds repeat until done.
 */
export async function hydrateAllIslands(page: Page, timeoutMs = 60_000): Promise<void> {
  const islands = page.locator('astro-island[ssr][client="visible"]');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await islands.count()) === 0) return;
    // One round inside the page (islands drop out of the selector as they hydrate, so indices would shift).
    await page.evaluate(async () => {
      for (const island of Array.from(document.querySelectorAll('astro-island[ssr][client="visible"]'))) {
        if (!island.hasAttribute('ssr')) continue;
        // The island itself is display: contents; scroll its first rendered child into view.
        (island.firstElementChild ?? island).scrollIntoView({ block: 'center' });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
    await page.waitForTimeout(500);
  }
  const left = await islands.count();
  if (left > 0) throw new Error(`${left} client:visible islands did not hydrate within ${timeoutMs} ms`);
}
