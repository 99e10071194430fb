import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens chapter 3 scrolled to the map and waits until the model's neighbours arrived. */
async function openMap(page: Page): Promise<void> {
  await page.goto('/chapters/embeddings/');
  await page.locator('#embedding-map').scrollIntoViewIfNeeded();
  await expect(page.locator('#embedding-map [data-hydrated="true"]')).toBeVisible();
  await expect(page.locator('#embedding-map table').first().locator('tbody tr')).toHaveCount(5, { timeout: 30_000 });
}

const map = (page: Page) => page.locator('#embedding-map');

test('a typed word shows its cosine neighbours; bad words get a clear message', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openMap(page);
  const word = map(page).getByRole('combobox', { name: 'Word' });
  await word.fill('banana');
  await expect(map(page).locator('caption')).toContainText('“banana”');
  await expect(map(page).locator('table').first().locator('tbody tr')).toHaveCount(5);
  // The word's row of E: 64 numbers, numbered from 0 or (on request) from 1.
  const lookup = map(page).locator('details.lookup');
  await lookup.locator('summary').click();
  await expect(lookup.getByRole('list')).toBeVisible();
  await expect(lookup.getByRole('listitem')).toHaveCount(64);
  const summary = (await lookup.locator('summary').textContent())!;
  const rowNumber = Number(/^Row (\d+)/.exec(summary)![1]);
  await lookup.getByRole('checkbox', { name: 'count rows and columns from 1' }).check();
  await expect(lookup.locator('summary')).toContainText(`Row ${rowNumber + 1} of the table E`);
  await map(page).getByRole('spinbutton', { name: 'Neighbours' }).fill('8');
  await expect(map(page).locator('table').first().locator('tbody tr')).toHaveCount(8);

  await word.fill('bananna');
  await expect(map(page).locator('.word-msg')).toContainText('not in the model\'s vocabulary');
  await expect(map(page).locator('.word-msg')).toContainText('"banana"');
  await word.fill('😀');
  await expect(map(page).locator('.word-msg')).toContainText('not a word of letters');
  await word.fill('');
  await expect(map(page).locator('.word-msg')).toContainText('Type a word first');
  // The field keeps 200 characters of a 100k paste; the widget says why it cannot be a word.
  await word.fill('a'.repeat(100_000));
  await expect(map(page).locator('.word-msg')).toContainText('longer than any word in the vocabulary');
  expect(problems).toEqual([]);
});

test('the map zooms and pans from the keyboard and the buttons, and the table follows the view', async ({ page }) => {
  await openMap(page);
  const status = map(page).locator('.zoom-status');
  await expect(status).toContainText('Zoom ×1.0');
  const total = Number(/of (\d+) words/.exec((await status.textContent())!)![1]);
  await map(page).getByRole('application').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(status).toContainText('Zoom ×2.3');
  const inView = Number(/; (\d+) of/.exec((await status.textContent())!)![1]);
  expect(inView).toBeLessThan(total);
  await map(page).getByText(/Table of the \d+ words in the current view/).click();
  await expect(map(page).getByRole('region', { name: 'Words in the current view' }).locator('tbody tr')).toHaveCount(inView);
  await page.keyboard.press('ArrowRight');
  await map(page).getByRole('button', { name: 'Reset view' }).click();
  await expect(status).toContainText(`Zoom ×1.0; ${total} of ${total}`);
  await map(page).getByRole('button', { name: 'Zoom in' }).click();
  await expect(status).toContainText('Zoom ×1.5');
});

test('the curriculum analogies: answer and honest rank of the expected word', async ({ page }) => {
  await openMap(page);
  const verdict = map(page).locator('.verdict');
  await map(page).getByRole('button', { name: 'prince − boy + girl' }).click();
  await expect(verdict).toContainText('prince − boy + girl lands nearest to');
  await map(page).getByRole('button', { name: 'paris − france + italy' }).click();
  await expect(verdict).toContainText(/expected “rome” (is number \d|is not in the top 5)/);
  await map(page).getByRole('textbox', { name: 'b' }).fill('zzzq');
  await expect(verdict).toContainText('"zzzq" is not in the model\'s vocabulary');
});

test('pure-cluster is open on monday and solved by keyboard with a capital; answer exercises check typed answers', async ({ page }) => {
  await page.goto('/chapters/embeddings/');
  const exercise = page.locator('#ex-pure-cluster');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]')).toHaveCount(2);
  await expect(exercise.locator('caption')).toContainText('“monday”', { timeout: 30_000 });
  await expect(exercise.locator('[data-exercise-status="open"]')).toBeVisible();
  const word = exercise.getByRole('combobox', { name: 'Word' });
  let solved = false;
  for (const capital of ['paris', 'dublin', 'lisbon', 'athens', 'madrid']) {
    await word.fill(capital);
    await expect(exercise.locator('caption')).toContainText(`“${capital}”`);
    if (await exercise.locator('[data-exercise-status="done"]').isVisible()) { solved = true; break; }
  }
  expect(solved).toBe(true);
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Done!');

  const apple = page.locator('#ex-place-the-apple');
  await apple.scrollIntoViewIfNeeded();
  const box = apple.getByRole('textbox', { name: 'apple at (x, y) =' });
  await box.fill('3, 4');
  await box.press('Enter');
  await expect(apple.locator('[data-exercise-status="open"]')).toBeVisible();
  await box.fill('5, 5');
  await box.press('Enter');
  await expect(apple.locator('[data-exercise-status="done"]')).toContainText('Done!');

  const analogy = page.locator('#ex-analogy-by-hand');
  const expr = analogy.getByRole('textbox', { name: 'Expression =' });
  await expr.fill('king − man + woman');
  await expr.press('Enter');
  await expect(analogy.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the chapter passes axe with the map loaded (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openMap(page);
    await map(page).getByText(/Table of the \d+ words in the current view/).click();
    await map(page).locator('details.lookup summary').click();
    await expect(map(page).locator('details.lookup li')).toHaveCount(64);
    const result = await new AxeBuilder({ page }).include('#embedding-map').withTags(wcag).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
