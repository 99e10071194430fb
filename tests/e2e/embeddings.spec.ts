import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens chapter 3 scrolled to the map and waits until the model's neighbours arrived. */
async function openMap(page: Page): Promise<void> {
  await page.goto('/chapters/embeddings/');
  await page.locator('#embedding-map').scrollIntoViewIfNeeded();
  await expect(page.locator('#embedding-map [data-hydrated="true"]')).toBeVisible();
  await expect(page.locator('#embedding-map table.neighbours').locator('tbody tr')).toHaveCount(5, { timeout: 30_000 });
}

const map = (page: Page) => page.locator('#embedding-map');

test('a typed word shows its cosine neighbours; bad words get a clear message', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openMap(page);
  const word = map(page).getByRole('combobox', { name: 'Word' });
  await word.fill('banana');
  await expect(map(page).locator('caption')).toContainText('“banana”');
  await expect(map(page).locator('table.neighbours').locator('tbody tr')).toHaveCount(5);
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
  await expect(map(page).locator('table.neighbours').locator('tbody tr')).toHaveCount(8);

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

test('the 3-D view turns by keyboard and buttons, and lists every word on three axes', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openMap(page);
  await map(page).getByRole('checkbox', { name: /3-D view/ }).check();
  const status = map(page).locator('[data-angles]');
  await expect(status).toHaveText('View turned 30° to the right, seen from 20° above.');
  const view = map(page).getByRole('application', { name: /3-D embedding map/ });
  await expect(view.locator('circle')).not.toHaveCount(0, { timeout: 30_000 });
  const before = await view.locator('circle.selected').getAttribute('cx');
  await view.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(status).toHaveText('View turned 45° to the right, seen from 25° above.');
  expect(await view.locator('circle.selected').getAttribute('cx')).not.toBe(before);
  await map(page).getByRole('button', { name: 'Turn left' }).click();
  await expect(status).toHaveAttribute('data-angles', '30,25');
  await view.focus();
  await page.keyboard.press('0');
  await expect(status).toHaveAttribute('data-angles', '30,20');
  await map(page).getByText(/Table of all \d+ words on three axes/).click();
  const rows = map(page).getByRole('region', { name: 'Words on three principal components' }).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(100);
  await expect(rows.first().locator('td')).toHaveCount(4);
  // Back to 2-D: the zoomable map returns.
  await map(page).getByRole('checkbox', { name: /3-D view/ }).uncheck();
  await expect(map(page).locator('.zoom-status')).toBeVisible();
  expect(problems).toEqual([]);
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

test('pure-cluster opens unsolved on tuesday and is solved by typing a capital', async ({ page }) => {
  await page.goto('/chapters/embeddings/');
  const exercise = page.locator('#ex-pure-cluster');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('caption')).toContainText('“tuesday”', { timeout: 30_000 });
  await expect(exercise.locator('[data-exercise-status="open"]')).toBeVisible();
  await exercise.getByRole('combobox', { name: 'Word' }).fill('paris');
  await expect(exercise.locator('caption')).toContainText('“paris”');
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

test('place-the-apple is solved by keyboard on the plane: arrows, Shift for 0.1 steps', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/embeddings/');
  const ex = page.locator('#ex-place-the-apple');
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.locator('[data-plane][data-hydrated="true"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(ex.locator('[data-exercise-status="open"]')).toBeVisible();
  const apple = ex.getByRole('slider', { name: 'Move apple' });
  await apple.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(apple).toHaveAttribute('aria-valuetext', 'apple at x 5.5, y 4.5');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(apple).toHaveAttribute('aria-valuetext', 'apple at x 5.7, y 4.5');
  await expect(ex.locator('[data-nearest]')).toContainText("apple's nearest word: cherry");
  await expect(ex.locator('tr[data-word="cherry"] [data-distance]')).toHaveText('0.58');
  await expect(ex.locator('[data-exercise-status="done"]')).toContainText('Done!');
  // The table is editable: a typed y moves apple (a solved exercise stays solved); an empty box is explained, not applied.
  const y = ex.getByRole('spinbutton', { name: 'apple y' });
  await y.fill('9');
  await y.press('Enter');
  await expect(apple).toHaveAttribute('aria-valuetext', 'apple at x 5.7, y 9.0');
  await expect(ex.locator('[data-nearest]')).toContainText("apple's nearest word: basketball");
  await y.fill('');
  await y.press('Enter');
  await expect(ex.getByText("Type a number for apple's y.")).toBeVisible();
  expect(problems).toEqual([]);
});

test('analogy-by-hand: choose king − man + woman and land on queen', async ({ page }) => {
  await page.goto('/chapters/embeddings/');
  const ex = page.locator('#ex-analogy-by-hand');
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.locator('[data-plane][data-hydrated="true"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(ex.getByText('Choose all three words')).toBeVisible();
  await ex.getByRole('combobox', { name: 'a' }).selectOption('king');
  await ex.getByRole('combobox', { name: 'b' }).selectOption('king');
  await ex.getByRole('combobox', { name: 'c' }).selectOption('queen');
  // king − king + queen is queen's point, but the inputs are excluded from the nearest word.
  await expect(ex.locator('[data-result]')).toContainText('= (2.0, 2.0)');
  await expect(ex.locator('[data-exercise-status="open"]')).toBeVisible();
  await ex.getByRole('combobox', { name: 'b' }).selectOption('man');
  await ex.getByRole('combobox', { name: 'c' }).selectOption('woman');
  await expect(ex.locator('[data-result]')).toContainText('king − man + woman = (2.0, 2.0). Nearest word, inputs excluded: queen');
  await expect(ex.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

test('sort mode: fruit down, tech up, apple left in the middle', async ({ page }) => {
  await page.goto('/chapters/embeddings/');
  const plane = page.locator('#embedding-plane');
  await plane.scrollIntoViewIfNeeded();
  await expect(plane.locator('[data-plane][data-hydrated="true"]')).toBeVisible({ timeout: 20_000 });
  const move = async (word: string, key: string, times: number) => {
    await plane.getByRole('slider', { name: `Move ${word}` }).focus();
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  await move('cherry', 'ArrowDown', 4);
  await move('banana', 'ArrowDown', 4);
  await move('android', 'ArrowUp', 4);
  await move('laptop', 'ArrowUp', 4);
  await expect(plane.locator('tr[data-word="cherry"] [data-distance]')).toHaveText('bottom');
  await expect(plane.locator('tr[data-word="laptop"] [data-distance]')).toHaveText('top');
  await expect(plane.locator('[data-sort-summary]')).toContainText('Apple is in the middle');
  await move('apple', 'ArrowUp', 4);
  await expect(plane.locator('[data-sort-summary]')).toContainText('Apple went to the top zone');
  // A pointer drag moves a word too: banana dragged up to the top zone.
  const banana = plane.getByRole('slider', { name: 'Move banana' });
  const box = (await banana.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - box.height * 3, { steps: 5 });
  await page.mouse.up();
  await expect(plane.locator('tr[data-word="banana"] [data-distance]')).toHaveText('top');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the chapter passes axe with the map loaded (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openMap(page);
    await map(page).getByText(/Table of the \d+ words in the current view/).click();
    await map(page).locator('details.lookup summary').click();
    await expect(map(page).locator('details.lookup li')).toHaveCount(64);
    await page.locator('#ex-place-the-apple').scrollIntoViewIfNeeded();
    await expect(page.locator('#ex-place-the-apple [data-plane][data-hydrated="true"]')).toHaveCount(1, { timeout: 20_000 });
    const result = await new AxeBuilder({ page }).include('#embedding-map').include('#ex-place-the-apple').include('#ex-analogy-by-hand').withTags(wcag).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
