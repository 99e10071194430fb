// Offline use (issue #10): after one visit the service worker has saved the course, and chapters, a model widget
// and an exercise open with the network off. Also: a slow model download shows bytes arriving and the page stays usable.
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Waits until the home page's service worker has installed, then reloads so it controls the page. */
async function visitOnceAndLetTheWorkerTakeOver(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit, chapters, a model widget and an exercise work with the network off', async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await visitOnceAndLetTheWorkerTakeOver(page);
    const problems = watchPage(page, baseURL!);
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      // Leaving a page aborts what it was still loading (net::ERR_ABORTED), and Chromium fetches favicons itself,
      // past the service worker: neither is a file missing from the cache.
      const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
      if (!aborted && !request.url().includes('/favicon.')) failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    for (const [path, heading] of [['/chapters/softmax/', /softmax/i], ['/chapters/tokens/', /token/i]] as const) {
      const response = await page.goto(path);
      expect(response?.fromServiceWorker()).toBe(true);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    }

    // The model widget: its script chunks, the engine worker and the weights all come from the cache.
    await page.goto('/chapters/one-token/');
    await page.locator('#next-token').scrollIntoViewIfNeeded();
    await expect(page.locator('#next-token [data-hydrated="true"]')).toBeVisible({ timeout: 30_000 });
    const options = page.locator('#next-token [role="option"]');
    await expect(options).toHaveCount(10, { timeout: 30_000 });
    await expect(options.first()).toContainText(/\d/);

    expect((await page.goto('/exercises/tame-the-poet/'))?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tame the poet');
    await expect(page.getByRole('slider').first()).toBeVisible();

    // Search reads its index from the saved copy too.
    const box = page.getByRole('searchbox', { name: 'Search the course' });
    await box.fill('exponential function');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveAttribute('href', /^\/chapters\/softmax\//);

    // A page that was never built (so never saved) gets the offline page instead of the browser's error.
    await page.goto('/chapters/not-a-chapter/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    expect(problems).toEqual([]);
    // Nothing the pages asked for (fonts, scripts, the worker, weights, search files) was missing from the cache.
    expect(failed).toEqual([]);
  });

  test('the worker saved exactly one cache, holding the pages, the scripts and the models', async ({ page }) => {
    await visitOnceAndLetTheWorkerTakeOver(page);
    const saved = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('course-'));
      const keys = (await (await caches.open(names[0])).keys()).map((request) => new URL(request.url).pathname);
      return { names, keys };
    });
    expect(saved.names).toHaveLength(1);
    for (const path of ['/', '/chapters/one-token/', '/exercises/tame-the-poet/embed/', '/models/tw-learned/weights.bin', '/offline/']) {
      expect(saved.keys).toContain(path);
    }
    expect(saved.keys.some((path) => path.startsWith('/_astro/') && path.endsWith('.js'))).toBe(true);
    expect(saved.keys.some((path) => path.startsWith('/pagefind/'))).toBe(true);
    expect(saved.keys.some((path) => path.endsWith('.map'))).toBe(false);
  });
});

test('a slow model download shows the bytes arriving while the rest of the page keeps working', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/chapters/one-token/');
  await page.waitForLoadState('load');
  // About 150 kB/s from here on: the ~1 MB weights take several seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 150_000, uploadThroughput: -1 });
  await page.locator('#next-token').scrollIntoViewIfNeeded();
  const status = page.locator('#next-token .model-status');
  await expect(status.getByText(/^[0-9.]+ of [0-9.]+ MB$/)).toBeVisible({ timeout: 30_000 });
  await expect(status.getByRole('progressbar', { name: /Loading the model/ })).toHaveAttribute('aria-valuetext', /of [0-9.]+ MB/);

  // Meanwhile the page answers: the theme can be changed and the text scrolls.
  await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(status).toBeVisible();

  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.locator('#next-token [role="option"]')).toHaveCount(10, { timeout: 30_000 });
  await expect(status).toHaveCount(0);
});
