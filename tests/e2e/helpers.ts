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
