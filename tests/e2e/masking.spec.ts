import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Opens the chapter and waits until a widget has hydrated (widgets hydrate when scrolled into view). */
async function open(page: Page, id: string, path = '/chapters/masking/'): Promise<void> {
  await page.goto(path);
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  // Hydration waits for the widget's script; on a busy machine that can take longer than the default 5 s.
  await expect(page.locator(`#${id} [data-hydrated="true"]`)).toBeVisible({ timeout: 20_000 });
}

test('the painter masks cells by keyboard: exact zeros, rows summing to 1, row 1 one-hot', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'mask-painter');
  const painter = page.locator('#mask-painter');
  await expect(painter.locator('[data-one-hot]')).toHaveAttribute('data-one-hot', 'false');
  // Row 1's three later keys, each toggled with Space.
  for (const cell of ['0-1', '0-2', '0-3']) {
    await painter.locator(`[data-cell="${cell}"]`).focus();
    await page.keyboard.press('Space');
    await expect(painter.locator(`[data-cell="${cell}"]`)).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(painter.locator('[data-weight="0-0"]')).toContainText('1');
  for (const cell of ['0-1', '0-2', '0-3']) await expect(painter.locator(`[data-weight="${cell}"]`)).toHaveText('0');
  await expect(painter.locator('[data-row-sum="0"]')).toHaveText('1.000');
  await expect(painter.locator('[data-one-hot]')).toHaveAttribute('data-one-hot', 'true');
  await expect(page).toHaveURL(/mask-painter=/);
  expect(problems).toEqual([]);
});

test('a zero fill still leaks weight; zeroing after the softmax breaks the row sums', async ({ page }) => {
  await open(page, 'mask-painter');
  const painter = page.locator('#mask-painter');
  await painter.getByRole('button', { name: 'Mask the causal triangle' }).click();
  await painter.getByLabel('0 written into the score').check();
  await expect(painter.locator('[data-leak]')).toContainText('e⁰ = 1');
  await expect(painter.locator('[data-one-hot]')).toHaveAttribute('data-one-hot', 'false');
  await painter.getByLabel(/zero the weights after the softmax/).check();
  await expect(painter.locator('[data-row-sum="0"]')).not.toHaveText('1.000');
});

test('the bear, honey, it example gives the curriculum rows and outputs under the mask', async ({ page }) => {
  await open(page, 'mask-painter');
  const painter = page.locator('#mask-painter');
  await painter.getByLabel('Scores').selectOption('example-c');
  await painter.getByRole('button', { name: 'Mask the causal triangle' }).click();
  await expect(painter.locator('[data-weight="1-0"]')).toHaveText('0.500');
  await expect(painter.locator('[data-weight="2-1"]')).toHaveText('0.576');
  await expect(painter.locator('[data-output="0-0"]')).toHaveText('2.000');
  await expect(painter.locator('[data-output="2-1"]')).toHaveText('1.436');
});

test('paint-the-mask reports Done when the six causal cells are painted', async ({ page }) => {
  await page.goto('/chapters/masking/#ex-paint-the-mask');
  const exercise = page.locator('#ex-paint-the-mask');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible({ timeout: 20_000 });
  for (const cell of ['0-1', '0-2', '0-3', '1-2', '1-3']) {
    await exercise.locator(`[data-cell="${cell}"]`).focus();
    await page.keyboard.press('Enter');
  }
  await expect(exercise).not.toContainText('Done');
  await exercise.locator('[data-cell="2-3"]').focus();
  await page.keyboard.press('Space');
  await expect(exercise).toContainText('Done');
});

test('zero-is-not-masking reports Done after choosing −∞', async ({ page }) => {
  await page.goto('/chapters/masking/#ex-zero-is-not-masking');
  const exercise = page.locator('#ex-zero-is-not-masking');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(exercise).not.toContainText('Done');
  await exercise.getByLabel(/−∞ before the softmax/).check();
  await expect(exercise).toContainText('Done');
});

test('Train mode: one pass scores every position; Append: exactly 0 with the mask, above 0 without', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL!);
  await open(page, 'train-vs-generate');
  const w = page.locator('#train-vs-generate');
  // "the bear ate the honey because it was hungry ." is 10 tokens: 9 predictions from one pass.
  await expect(w.locator('[data-loss-row]')).toHaveCount(9, { timeout: 45_000 });
  await expect(w.locator('[data-train-summary]')).toContainText('1 forward pass');
  // tw-learned was trained with the mask: switching it off at inference makes its predictions worse, not better.
  await expect.poll(async () => Number(await w.locator('[data-other-loss]').getAttribute('data-other-loss'))).toBeGreaterThan(Number(await w.locator('[data-mean-loss]').getAttribute('data-mean-loss')));
  await w.getByLabel(/Append: does a new token/).check();
  await w.getByLabel('Text', { exact: true }).fill('the bear ate the honey');
  await w.getByLabel('Text', { exact: true }).press('Enter');
  await w.getByLabel('Append', { exact: true }).fill('because');
  await w.getByLabel('Append', { exact: true }).press('Enter');
  await expect(w.locator('[data-max-diff]')).toHaveAttribute('data-max-diff', '0');
  await expect(w.locator('[data-cache-diff]')).toContainText('0 (exactly)');
  await w.getByLabel(/mask switched off at inference/).check();
  await expect.poll(async () => Number(await w.locator('[data-max-diff]').getAttribute('data-max-diff'))).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('Generate mode: each step is one more forward pass; an unknown word gets a sentence', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, 'train-vs-generate');
  const w = page.locator('#train-vs-generate');
  await w.getByLabel(/Generate: one pass per new token/).check();
  const next = w.getByRole('button', { name: /Next step/ });
  await expect(next).toBeEnabled({ timeout: 45_000 });
  await next.click();
  await expect(w.locator('[data-passes]')).toHaveText('1');
  await expect(next).toBeEnabled();
  await next.click();
  await expect(w.locator('[data-passes]')).toHaveText('2');
  // A 10-token prompt: 10 + 11 rows without a cache, 10 + 1 with one.
  await expect(w.locator('[data-rows-full]')).toHaveText('21');
  await expect(w.locator('[data-rows-cached]')).toHaveText('11');
  await w.getByLabel('Text', { exact: true }).fill('the bear ate a zebra');
  await w.getByLabel('Text', { exact: true }).press('Enter');
  await expect(w.locator('[role="status"]')).toContainText('never seen the word "zebra"');
});

test('append-and-compare reports Done after appending "because"', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/chapters/masking/#ex-append-and-compare');
  const exercise = page.locator('#ex-append-and-compare');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(exercise).not.toContainText('Done');
  await exercise.getByLabel('Append', { exact: true }).fill('because');
  await exercise.getByRole('button', { name: 'Append and compare' }).click();
  await expect(exercise).toContainText('Done', { timeout: 45_000 });
});

test('the architecture picker switches families by keyboard and describes each diagram', async ({ page }) => {
  await open(page, 'architecture-picker');
  const w = page.locator('#architecture-picker');
  await expect(w.locator('figure')).toHaveCount(1);
  await expect(w.locator('[data-block="triangle"]')).toBeVisible();
  await w.getByLabel(/Decoder-only/).focus();
  await page.keyboard.press('ArrowRight');
  await expect(w.getByLabel(/Encoder–decoder/)).toBeChecked();
  await expect(w.locator('figure')).toHaveCount(3);
  await expect(w.locator('[data-block="rectangle"] svg')).toHaveAttribute('aria-label', /cross-attention: rectangle, 12 of 12 cells open/);
  await expect(w.locator('[data-description]')).toContainText('rectangle');
  await w.getByLabel(/Encoder-only/).check();
  await expect(w.locator('[data-block="full grid"] svg')).toHaveAttribute('aria-label', /16 of 16/);
  await expect(w.locator('[data-objective]')).toContainText('both sides');
});

test('bad text in Train mode gets a sentence: empty, one token, an emoji', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, 'train-vs-generate');
  const w = page.locator('#train-vs-generate');
  const text = w.getByLabel('Text', { exact: true });
  await expect(w.locator('[data-loss-row]').first()).toBeVisible({ timeout: 45_000 });
  const status = w.locator('[role="status"]');
  for (const [input, message] of [['', 'prompt is empty'], ['bear', 'at least two tokens'], ['the 🐻 ate', 'never seen the word']] as const) {
    await text.fill(input);
    await text.press('Enter');
    await expect(status).toContainText(message);
  }
});

/** The engine's unrounded mean loss behind a table cell, or NaN while that model has not run on the text. */
async function meanLossIn(cell: Locator): Promise<number> {
  const value = await cell.getAttribute('data-value');
  return value ? Number(value) : Number.NaN;
}

test('switching to tw-nomask: its mean training loss is far below tw-learned\'s on the same text, and it generates', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, baseURL!);
  await open(page, 'train-vs-generate');
  const w = page.locator('#train-vs-generate');
  const learnedCell = w.locator('[data-loss-with-mask="tw-learned"]');
  await expect.poll(() => meanLossIn(learnedCell), { timeout: 45_000 }).toBeGreaterThan(0);
  const learned = await meanLossIn(learnedCell);
  // The cheater's row stays empty until the learner switches to it.
  await expect(w.locator('[data-loss-without-mask="tw-nomask"]')).toContainText('not run yet');
  await w.getByLabel('Model', { exact: true }).selectOption('tw-nomask');
  await expect(w.getByLabel(/no mask \(as trained/)).toBeChecked();
  const nomaskCell = w.locator('[data-loss-without-mask="tw-nomask"]');
  await expect.poll(() => meanLossIn(nomaskCell), { timeout: 45_000 }).toBeGreaterThan(0);
  const nomask = await meanLossIn(nomaskCell);
  // Both measured in the page, on the same text, each model scored as it was trained.
  test.info().annotations.push({ type: 'mean loss', description: `tw-learned ${learned}, tw-nomask ${nomask}, ratio ${nomask / learned}` });
  expect(nomask / learned).toBeLessThan(0.3);
  // The cheater is almost sure of every next token, but not certain: no probability may round to "100.0 %".
  await expect(w.locator('[data-loss-row]')).toHaveCount(9);
  const probabilities = await w.locator('[data-loss-row] td:nth-of-type(3)').allTextContents();
  expect(probabilities.some((p) => p.startsWith('>'))).toBe(true);
  expect(probabilities.filter((p) => /^100(\.0)? %$/.test(p))).toEqual([]);
  // The summary above the bars shows the same engine number as the table, and tw-learned's row is still there.
  await expect(w.locator('[data-mean-loss]')).toHaveAttribute('data-mean-loss', String(nomask));
  await expect(learnedCell).toHaveAttribute('data-value', String(learned));
  // The filled table and the switched controls pass axe too (the page-wide axe run sees the widget before any switch).
  const axe = await new AxeBuilder({ page }).include('#train-vs-generate').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // Generate mode: the cheater writes (badly), one pass per token.
  await w.getByLabel(/Generate: one pass per new token/).check();
  const next = w.getByRole('button', { name: /Next step/ });
  for (let i = 1; i <= 4; i++) {
    await expect(next).toBeEnabled({ timeout: 45_000 });
    await next.click();
    await expect(w.locator('[data-passes]')).toHaveText(String(i));
  }
  await expect(w.locator('[data-generated]')).toHaveCount(4);
  const generated = await w.locator('[data-generated]').allTextContents();
  expect(generated.every((token) => token.trim().length > 0)).toBe(true);
  // Back to tw-learned: its mask comes back on, and the table still holds both models.
  await w.getByLabel('Model', { exact: true }).selectOption('tw-learned');
  await expect(w.getByLabel(/causal mask on \(as trained\)/)).toBeChecked();
  expect(problems).toEqual([]);
});

test('catch-the-cheater: two menus start on "Choose…"; Check with one open names it and judges nothing; the swapped pair is "Not yet", the right pair Done and still Done after a reload', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/masking/#ex-catch-the-cheater');
  const exercise = page.locator('#ex-catch-the-cheater');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(exercise.getByLabel('Model', { exact: true })).toHaveValue('tw-nomask');
  await expect(exercise.getByLabel(/Train: one pass/)).toBeChecked();
  await expect(exercise.getByLabel(/no mask \(as trained/)).toBeChecked();
  await expect(exercise.getByRole('textbox', { name: /Lower training loss/ })).toHaveCount(0);

  const lowerLoss = exercise.getByRole('combobox', { name: 'Lower training loss on the text' });
  const betterText = exercise.getByRole('combobox', { name: 'Writes valid TinyWorld' });
  const status = exercise.locator('.exercise-panel').getByRole('status');
  const check = exercise.getByRole('button', { name: 'Check' });
  for (const menu of [lowerLoss, betterText]) {
    await expect(menu).toHaveValue('');
    await expect(menu.locator('option:checked')).toHaveText('Choose…');
    await expect(menu.locator('option')).toHaveText(['Choose…', 'tw-learned', 'tw-nomask']);
  }

  // By keyboard: focus the first menu, step down to tw-learned (the swapped answer), leave the second one open.
  await lowerLoss.focus();
  await page.keyboard.press('ArrowDown');
  await expect(lowerLoss).toHaveValue('tw-learned');
  await page.keyboard.press('Tab');
  await expect(betterText).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Choose an answer in every menu first (still open: Writes valid TinyWorld).');
  await expect(status).not.toContainText('Not yet');
  await expect(status).not.toContainText('Done');
  await expect(betterText).toBeFocused();
  await expect(betterText).toHaveAttribute('aria-invalid', 'true');
  const axe = await new AxeBuilder({ page }).include('#ex-catch-the-cheater .exercise-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // The swapped pair is judged and refused.
  await betterText.selectOption('tw-nomask');
  await check.click();
  await expect(status).toHaveText('Not yet: have another look.');

  // The right pair: lower loss tw-nomask, valid text tw-learned.
  await lowerLoss.selectOption('tw-nomask');
  await betterText.selectOption('tw-learned');
  await check.click();
  await expect(status).toContainText('Done!');
  await expect(status).toContainText('Saved to your progress.');

  // Saved like a typed answer: "done" survives the reload, the choices themselves are not restored.
  await page.reload();
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('.exercise-panel[data-hydrated="true"]')).toBeVisible({ timeout: 20_000 });
  await expect(status).toContainText('Done!');
  await expect(lowerLoss).toHaveValue('');
  expect(problems).toEqual([]);
});
