import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

test('the header search finds a phrase from the chapter, by keyboard, from the built site only', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await expect(box).toBeFocused();
  await box.pressSequentially('exponential function');
  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('link').first();
  await expect(first).toHaveAttribute('href', /^\/chapters\/softmax\//);
  await expect(first).toContainText('Softmax');
  await expect(page.locator('[data-search-status]')).toContainText('Matching sections');
  await box.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/chapters\/softmax\//);
  expect(problems).toEqual([]);
});

test('search says so when nothing matches, Escape closes the results, and widget text is not indexed', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await box.fill('zzzzwwww');
  await expect(page.locator('[data-search-status]')).toContainText('Nothing in the chapters matches');
  await box.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  // "umbrella" appears only inside the widget (a token name), which is marked data-pagefind-ignore.
  await box.fill('umbrella');
  await expect(page.locator('[data-search-status]')).not.toHaveText('Searching…');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('a[href^="/chapters/softmax/"]')).toHaveCount(0);
});
