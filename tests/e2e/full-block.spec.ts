// Chapter 9 in the browser: every widget driven from the keyboard, bad input explained, the four exercises solved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const PAGE = '/chapters/full-block/';

/** Opens the chapter scrolled to a widget (or exercise) and waits until everything in it has hydrated. */
async function open(page: Page, id: string, hydrated = 1): Promise<Locator> {
  await page.goto(PAGE);
  const scope = page.locator(`#${id}`);
  await scope.scrollIntoViewIfNeeded();
  await expect(scope.locator('[data-hydrated="true"]')).toHaveCount(hydrated);
  return scope;
}

test('BlockInspector: shapes at every arrow, steps by keyboard, the last row predicts "paris"', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const w = await open(page, 'block-inspector');
  await expect(w.getByText('“paris”', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  // The diagram states the curriculum's shapes for the 5-token prompt.
  await expect(w.getByRole('button', { name: /^emb 5 × 64$/ })).toBeVisible();
  await expect(w.getByRole('button', { name: /^scores 4 heads × 5 × 5$/ })).toBeVisible();
  await expect(w.getByRole('button', { name: /^ffnHidden 5 × 256$/ })).toBeVisible();
  // The table has one row per token.
  const table = w.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr').last()).toContainText('5. is');

  // Walk to resid2 of block 4 with the keyboard only.
  await w.getByRole('combobox', { name: 'Block' }).selectOption({ label: 'block 4' });
  const next = w.getByRole('button', { name: 'Next step →' });
  await next.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Enter');
  await expect(w.getByRole('combobox', { name: 'Step' })).toHaveValue('resid2');
  await expect(w.getByRole('heading', { name: 'resid2: 5 × 64' })).toBeVisible();
  await expect(table).toHaveAccessibleName(/block 4, 5 × 64/);

  // Page through the columns: 64 columns, 6 at a time.
  await w.getByRole('button', { name: 'Columns →' }).press('Enter');
  await expect(w.getByText('columns 7–12 of 64', { exact: true })).toBeVisible();

  // Per-head steps offer a head picker; probabilities are 0 above the diagonal (the causal mask).
  await w.getByRole('combobox', { name: 'Step' }).selectOption('probs');
  await w.getByRole('combobox', { name: 'Head' }).selectOption({ label: 'head 2' });
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText('0.00');
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('1.00');
  await w.getByRole('button', { name: 'Formula' }).or(w.getByText('Formula')).first().click();
  await expect(w.getByText('A = softmax(S), row by row')).toBeVisible();

  // Logits: 400 columns; one button jumps to the column of the predicted token, and its last-row cell is the largest shown.
  await w.getByRole('combobox', { name: 'Step' }).selectOption('logits');
  await w.getByRole('button', { name: 'Show the column of “paris”' }).press('Enter');
  await expect(table.locator('thead th', { hasText: /^paris$/ })).toHaveCount(1);
  await expect(table.locator('tbody tr').last()).toHaveClass(/last/);
  expect(problems).toEqual([]);
});

test('BlockInspector: unknown words and empty text get a sentence', async ({ page }) => {
  const w = await open(page, 'block-inspector');
  const text = w.getByRole('textbox', { name: 'Text' });
  await text.fill('the capital of frnace is');
  await expect(w.getByRole('status')).toContainText('never seen the word "frnace"');
  await text.fill('');
  await expect(w.getByRole('status')).toContainText('Type some text first');
  await text.fill('😀'.repeat(10));
  await expect(w.getByRole('status')).not.toBeEmpty();
});

test('LogitLens: one row per block, "paris" on top at the end, arrow keys move between cells', async ({ page }) => {
  const w = await open(page, 'logit-lens');
  const rows = w.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.last().locator('td').first()).toContainText('paris', { timeout: 30_000 });
  const first = w.locator('[data-cell="0-0"]');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(w.locator('[data-cell="1-1"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(w.locator('[data-cell="1-5"]')).toBeFocused();
  await w.getByRole('checkbox', { name: /after each block's attention/ }).check();
  await expect(rows).toHaveCount(9);
});

test('ParameterCounter: the GPT-2 small preset counts 124,439,808; a blank box is named', async ({ page }) => {
  const w = await open(page, 'parameter-counter');
  await expect(w.getByText(/Total: 229,760|Total: [\d,]+/).first()).toBeVisible();
  await w.getByRole('combobox', { name: 'Preset' }).selectOption('gpt2-small');
  await expect(w.locator('.total')).toContainText('124,439,808');
  await expect(w.getByRole('row', { name: /One block/ })).toContainText('7,087,872');
  await w.getByRole('spinbutton', { name: /Width d_model/ }).fill('');
  await expect(w.getByRole('status')).toContainText('Fill in d_model');
});

test('GenerationLoop: cache off and on give the same tokens, with fewer multiply–adds', async ({ page }) => {
  const w = await open(page, 'generation-loop');
  const run = w.getByRole('button', { name: /Generate 10 tokens/ });
  await run.press('Enter');
  await expect(w.getByRole('row', { name: /^off/ })).not.toContainText('not run yet', { timeout: 30_000 });
  await w.getByRole('checkbox', { name: 'Use the KV cache' }).press('Space');
  await run.press('Enter');
  await expect(w.locator('.verdict')).toContainText('Identical tokens', { timeout: 30_000 });
  const off = await w.getByRole('row', { name: /^off/ }).locator('td').first().textContent();
  const on = await w.getByRole('row', { name: /^on/ }).locator('td').first().textContent();
  expect(on).toBe(off);
  await expect(w.getByRole('table', { name: /Every step with the cache on/ }).locator('tbody tr')).toHaveCount(off!.trim().split(' ').length);
});

test('exercises: all four solved in the page, each announced as done', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PAGE);
  const done = (ex: Locator) => expect(ex.locator('[data-exercise-status="done"]')).toContainText('Done!', { timeout: 30_000 });

  const counter = page.locator('#ex-count-gpt2');
  await counter.scrollIntoViewIfNeeded();
  await expect(counter.locator('[data-hydrated="true"]')).toHaveCount(2);
  for (const [name, value] of [['Vocabulary V', '50257'], ['Context T_max', '1024'], ['Width d_model', '768'], ['Blocks', '12'], ['Heads', '12'], ['FFN width d_ff', '3072']]) {
    await counter.getByRole('spinbutton', { name }).fill(value);
  }
  await done(counter);

  const width = page.locator('#ex-width-never-changes');
  await width.scrollIntoViewIfNeeded();
  await expect(width.locator('[data-hydrated="true"]')).toHaveCount(2);
  await width.getByRole('textbox', { name: 'shape =' }).fill('5 × 64');
  await width.getByRole('textbox', { name: 'shape =' }).press('Enter');
  await done(width);

  const lens = page.locator('#ex-when-does-paris-appear');
  await lens.scrollIntoViewIfNeeded();
  await expect(lens.locator('[data-hydrated="true"]')).toHaveCount(2);
  await expect(lens.locator('tbody tr').last().locator('td').first()).toContainText('paris', { timeout: 30_000 });
  const labels = await lens.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!, r.querySelector('td .token')?.textContent ?? '']));
  const firstParis = labels.find(([, top]) => top === 'paris')![0];
  await lens.getByRole('textbox', { name: 'block', exact: true }).fill(firstParis.replace(/\D/g, ''));
  await lens.getByRole('textbox', { name: 'block', exact: true }).press('Enter');
  await done(lens);

  const loop = page.locator('#ex-cache-equivalence');
  await loop.scrollIntoViewIfNeeded();
  await expect(loop.locator('[data-hydrated="true"]')).toHaveCount(2);
  await loop.getByRole('button', { name: /Generate 10 tokens \(cache off\)/ }).click();
  await expect(loop.getByRole('row', { name: /^off/ })).not.toContainText('not run yet', { timeout: 30_000 });
  await loop.getByRole('checkbox', { name: 'Use the KV cache' }).check();
  await loop.getByRole('button', { name: /Generate 10 tokens \(cache on\)/ }).click();
  await done(loop);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA problems with the widgets loaded (${scheme})`, async ({ page }) => {
    // A long page with four live widgets: axe needs more than the default 30 s on a busy 2-core machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(PAGE);
    for (const id of ['block-inspector', 'logit-lens', 'parameter-counter', 'generation-loop']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await expect(page.locator(`#${id} [data-hydrated="true"]`)).toHaveCount(1);
    }
    await expect(page.locator('#logit-lens tbody tr').last()).toContainText('paris', { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
