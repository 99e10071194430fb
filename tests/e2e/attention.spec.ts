// Chapter 6's engine widget in a real browser: the head viewer runs the course model in the worker, is driven
// by the keyboard (heatmap cells, query pick, step-through), names rows as queries and columns as keys, refuses
// bad text with a sentence, and the pronoun-head exercise is solved by picking the head the model card names.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watchPage } from './helpers';

const learnedDemo = JSON.parse(readFileSync('public/models/tw-learned/manifest.json', 'utf8'))
  .evals.checks.find((c: { id: string }) => c.id === 'C-6b').measured.demoHead as { layer: number; head: number };

/** Opens chapter 6 at a widget and waits until it has hydrated and drawn its heatmap. */
async function openViewer(page: Page, id = 'head-viewer') {
  await page.goto('/chapters/attention/');
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(widget.getByRole('group', { name: /Attention weights/ })).toBeVisible({ timeout: 30_000 });
  return widget;
}

test('the heatmap is driven by the keyboard and labels rows as queries, columns as keys', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const widget = await openViewer(page);
  const heatmap = widget.getByRole('group', { name: /Attention weights/ });
  await expect(heatmap).toHaveAccessibleName(/rows are queries \(tokens being updated\), columns are keys \(tokens looked at\)/);
  await heatmap.focus();
  // The cursor starts on the last row (the query); move up one row and right one column, then pick that row.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(widget.locator('.readout')).toHaveText(/^Query “so” \(row 10\) → key “bear” \(column 1\): weight \d\.\d{3}\.$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(widget.locator('.readout')).toContainText('masked, weight 0');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.lead')).toContainText('Query row 10, the token “so” being updated');

  // The table twin says the same thing the heatmap does, with rows = queries.
  await widget.getByText(/The heatmap as a table/).click();
  const table = widget.getByRole('table', { name: /Rows: queries/ });
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(12);
  // Row "so" of the table and the step-through's weight column are the same numbers.
  const tableRow = (await table.locator('tbody tr').nth(10).locator('td').allTextContents()).slice(0, 11);
  const weights = await widget.getByRole('table', { name: /against every key/ }).locator('tbody tr td.weight').allTextContents();
  expect(weights.slice(0, 11).map((w) => w.trim())).toEqual(tableRow);
  expect(problems).toEqual([]);
});

test('the step-through adds one stage at a time, from the keyboard', async ({ page }) => {
  const widget = await openViewer(page);
  const steps = widget.getByRole('table', { name: /against every key/ });
  const back = widget.getByRole('button', { name: 'Previous step' });
  await back.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(widget.getByText('Step 1 of 6: the query and the keys')).toBeVisible();
  await expect(steps.locator('thead th')).toHaveCount(3);
  const next = widget.getByRole('button', { name: 'Next step' });
  const stages = ['scores q·k', 'divide by √d_k', 'the causal mask', 'softmax: the weights', 'weighted sum of the values'];
  for (const [i, stage] of stages.entries()) {
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(widget.getByText(`Step ${i + 2} of 6: ${stage}`)).toBeVisible();
    await expect(steps.locator('thead th')).toHaveCount(4 + i);
  }
  // The scaled scores are the raw ones divided by √16 = 4.
  const first = steps.locator('tbody tr').first().locator('td.n');
  const raw = Number((await first.nth(0).textContent())!.replace('−', '-'));
  const scaled = Number((await first.nth(1).textContent())!.replace('−', '-'));
  expect(scaled).toBeCloseTo(raw / 4, 2);
});

test('switching model, layer and head re-reads the trace; the mean of heads is offered', async ({ page }) => {
  const widget = await openViewer(page);
  await widget.getByRole('combobox', { name: 'Model' }).selectOption('tw-rope');
  await widget.getByRole('combobox', { name: 'Layer' }).selectOption('3');
  await widget.getByRole('button', { name: /^head 2/ }).click();
  await expect(widget.getByRole('button', { name: /^head 2/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.locator('.lead')).toContainText('in layer 3, head 2');
  await widget.getByRole('radio', { name: 'mean of the layer’s heads' }).check();
  await expect(widget.getByRole('group', { name: /layer 3, mean of its 4 heads/ })).toBeVisible();
});

test('bad text gets a sentence, not a blank widget', async ({ page }) => {
  const widget = await openViewer(page);
  const box = widget.getByRole('textbox', { name: /Text/ });
  const status = widget.locator('[role="status"]').last();
  await box.fill('the bear ate the zebra');
  await expect(status).toContainText('never seen the word "zebra"');
  await box.fill('');
  await expect(status).toContainText('Type some text first');
  await box.fill('the bear 🐻 ate');
  await expect(status).toContainText('never seen the word');
  await box.fill('the bear ate the honey . '.repeat(4000));
  await expect(status).toContainText('this model reads at most 64');
  await widget.getByRole('button', { name: 'bear … delicious' }).click();
  await expect(status).toHaveText('');
  await expect(widget.locator('.lead')).toContainText('12 keys');
});

test('find-the-pronoun-head: the head named on the model card solves it, and it flips on "delicious"', async ({ page }) => {
  await page.goto('/chapters/attention/');
  const exercise = page.locator('#ex-find-the-pronoun-head');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.getByRole('group', { name: /Attention weights/ })).toBeVisible({ timeout: 30_000 });
  await expect(exercise.locator('[data-exercise-status="done"]')).toHaveCount(0);
  await exercise.getByRole('combobox', { name: 'Layer' }).selectOption(String(learnedDemo.layer));
  await exercise.getByRole('combobox', { name: 'Head' }).selectOption(String(learnedDemo.head));
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Done!');
  // On "delicious" the same head prefers honey: the last row's top key is no longer bear.
  await exercise.getByRole('button', { name: 'bear … delicious' }).click();
  const weights = exercise.getByRole('table', { name: /against every key/ }).locator('tbody tr td.weight');
  await expect(exercise.getByRole('table', { name: /against every key/ }).locator('tbody tr').nth(8)).toContainText('delicious');
  const bear = Number(await weights.nth(1).textContent());
  const honey = Number(await weights.nth(4).textContent());
  expect(honey).toBeGreaterThan(bear);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violations in the hydrated head viewer, tables open (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const widget = await openViewer(page);
    await widget.getByText(/The heatmap as a table/).click();
    await widget.getByText(/The vectors as numbers/).click();
    const results = await new AxeBuilder({ page }).include('#head-viewer').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
