// On a phone (390 px wide) no page may scroll sideways as a whole: wide tables and formulas scroll inside their
// own boxes. Checked after every widget has hydrated, since widgets render most of the wide tables.
import { expect, test } from '@playwright/test';
import { builtPages, hydrateAllIslands } from './helpers';

const PHONE_WIDTH = 390;
const pages = builtPages().filter((p) => /^\/chapters\/[^/]+\/$|^\/models\/[^/]+\/$|^\/$/.test(p));

test.use({ viewport: { width: PHONE_WIDTH, height: 800 } });

test('the build has chapter pages to check on a phone', () => {
  expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(10);
});

for (const path of pages) {
  test(`${path} fits a ${PHONE_WIDTH} px screen without sideways page scrolling`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(path);
    await hydrateAllIslands(page);
    // Widgets that load a model render their tables once it is in: wait for the loading notes to go.
    await expect(page.getByText(/Loading the model/)).toHaveCount(0, { timeout: 45_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE_WIDTH);
  });
}
