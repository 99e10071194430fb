// Chapter 6's pure-math widgets, driven by keyboard: word gravity, who pulls whom, the attention calculator and
// why √d_k; their three exercises; bad input; and axe on the chapter in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const CHAPTER = '/chapters/attention/';
/** Hydration can take a while on a busy machine: the chapter also loads the course model for its later widgets. */
const HYDRATED = { timeout: 20_000 };

/** Opens the chapter and waits until a widget (or exercise) has hydrated; widgets hydrate when scrolled into view. */
async function open(page: Page, id: string): Promise<void> {
  await page.goto(CHAPTER);
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${id} [data-hydrated="true"]`).first()).toBeVisible(HYDRATED);
}

test('word gravity: keyboard-only, orange is replaced by phone and one Step puts apple at (0.5, 1.5)', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'word-gravity');
  const widget = page.locator('#word-gravity');
  const apple = widget.locator('tr[data-token="apple"]');
  await expect(apple.locator('td[data-after]')).toHaveText('(1.5, 0.5)');
  const word = widget.getByRole('combobox', { name: 'Token 1: word' });
  await word.focus();
  await word.selectOption('phone');
  await expect(apple.locator('td[data-now]')).toHaveText('(1, 1)');
  const step = widget.getByRole('button', { name: /Step: apply one attention layer/ });
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-steps]')).toHaveText('1 layer applied.');
  await expect(apple.locator('td[data-now]')).toHaveText('(0.5, 1.5)');
  await expect(widget.getByRole('slider', { name: 'Token apple' })).toHaveAttribute('aria-valuetext', /fruit 0.50, tech 1.50/);
  await expect(page).toHaveURL(/word-gravity=/);
  expect(problems).toEqual([]);
});

test('word gravity: arrow keys move a token, uniform weights are 1/n, an empty coordinate gets a sentence', async ({ page }) => {
  await open(page, 'word-gravity');
  const widget = page.locator('#word-gravity');
  const orange = widget.getByRole('slider', { name: 'Token orange' });
  await orange.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(orange).toHaveAttribute('aria-valuetext', /fruit 2.50, tech 0.10/);
  await widget.getByLabel(/uniform/).check();
  await expect(widget.locator('tr[data-token="apple"] td').first()).toHaveText('0.5');
  await expect(widget.locator('tr[data-token="orange"] td').first()).toHaveText('0.5');
  const x = widget.getByRole('spinbutton', { name: 'apple fruit' });
  await x.fill('');
  await x.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('Type a number');
});

test('two-token-pull: typing (0.5, 1.5) solves it, the orange answer does not', async ({ page }) => {
  await page.goto(`${CHAPTER}#ex-two-token-pull`);
  const exercise = page.locator('#ex-two-token-pull');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible(HYDRATED);
  const box = exercise.getByLabel('apple is now at');
  await box.fill('(1.5, 0.5)');
  await box.press('Enter');
  await expect(exercise).not.toContainText('Done!');
  await box.fill('(0.5, 1.5)');
  await box.press('Enter');
  await expect(exercise).toContainText('Done!');
});

test('who pulls whom: role menus make the pull one-way; X Xᵀ stays symmetric', async ({ page }) => {
  await open(page, 'who-pulls-whom');
  const widget = page.locator('#who-pulls-whom');
  await expect(widget.locator('[data-verdict]')).toContainText('S equals Sᵀ');
  await widget.getByLabel(/Query \(the word being updated\) reads/).selectOption('second');
  await widget.getByLabel(/Key \(the word looked at\) offers/).selectOption('first');
  await expect(widget.locator('[data-s10]')).toHaveText('1');
  await expect(widget.locator('[data-s01]')).toHaveText('0');
  await expect(widget.locator('[data-verdict]')).toContainText('S ≠ Sᵀ, ‖S − Sᵀ‖ = 1.414');
  await expect(widget.locator('[data-result]')).toContainText('(‖X Xᵀ − (X Xᵀ)ᵀ‖ = 0)');
  const entry = widget.getByRole('spinbutton', { name: 'W_Q, feature likes pop, query dimension 1' });
  await entry.fill('');
  await entry.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('is empty or not a number');
});

test('break-the-symmetry: typing the projections reports Done', async ({ page }) => {
  await page.goto(`${CHAPTER}#ex-break-the-symmetry`);
  const exercise = page.locator('#ex-break-the-symmetry');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible(HYDRATED);
  const type = async (name: string, value: string) => {
    const box = exercise.getByRole('spinbutton', { name });
    await box.fill(value);
    await box.press('Tab');
  };
  // Giving the key more of "makes pop" keeps Taylor pulling Luis back (S = [[1, 3], [2, 6]]): not yet.
  await type('W_K, feature makes pop, key dimension 1', '2');
  await expect(exercise.locator('[data-s01]')).toHaveText('3');
  await expect(exercise).not.toContainText('Done!');
  await type('W_K, feature makes pop, key dimension 1', '1');
  // A query that ignores "likes pop" gives Luis (likes pop only) a query of 0: S = [[0, 0], [1, 2]].
  await type('W_Q, feature likes pop, query dimension 1', '0');
  await expect(exercise.locator('[data-s10]')).toHaveText('1');
  await expect(exercise).toContainText('Done!');
});

test('attention calculator: example (c) numbers, a focused cell explains itself, the mask hides later keys', async ({ page }) => {
  await open(page, 'attention-calculator');
  const widget = page.locator('#attention-calculator');
  const A = widget.locator('#attention-calculator-A');
  await expect(A.locator('[data-cell="0-1"]')).toHaveText('0.768');
  await expect(A.locator('[data-cell="2-1"]')).toHaveText('0.576');
  await expect(widget.locator('#attention-calculator-out [data-cell="0-1"]')).toHaveText('1.723');
  // One tab stop per table; arrow keys move between cells and each focused cell shows its products.
  await A.locator('[data-cell="0-0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(A.locator('[data-cell="0-1"]')).toBeFocused();
  await expect(widget.locator('[data-how]')).toContainText('A[bear, honey] = e^2.828 / (e^0 + e^2.828 + e^1.414)');
  await widget.locator('#attention-calculator-S [data-cell="1-0"]').focus();
  await expect(widget.locator('[data-how]')).toContainText('S[honey, bear] = q_honey · k_bear ÷ √2');
  await widget.getByLabel(/Causal mask/).check();
  await expect(A.locator('[data-cell="0-1"]')).toHaveText('0');
  await expect(A.locator('[data-cell="0-0"]')).toHaveText('1');
  await expect(widget.locator('#attention-calculator-M [data-cell="0-2"]')).toHaveText('−∞');
  const entry = widget.getByRole('spinbutton', { name: 'X, token bear, feature animal' });
  await entry.fill('');
  await entry.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('is empty or not a number');
  await entry.fill('100000');
  await entry.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('entries go from');
});

test('food-looks-for-animals: one entry of W_Q gives honey 0.768 on bear and reports Done', async ({ page }) => {
  await page.goto(`${CHAPTER}#ex-food-looks-for-animals`);
  const exercise = page.locator('#ex-food-looks-for-animals');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible(HYDRATED);
  const box = exercise.getByRole('spinbutton', { name: 'W_Q, feature food, query dimension 1' });
  await box.fill('1');
  await box.press('Tab');
  await expect(exercise.locator('[id$="-A"] [data-cell="1-0"]')).toHaveText('0.768');
  await expect(exercise).toContainText('Done!');
});

test('why √d_k: the slider spreads the scores like √d_k; scaling keeps the softmax from saturating', async ({ page }) => {
  await open(page, 'why-root-dk');
  const widget = page.locator('#why-root-dk');
  const slider = widget.getByRole('slider', { name: 'Head width d_k' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'd_k = 64');
  const std = widget.locator('[data-std]');
  await expect.poll(async () => Number(await std.textContent())).toBeGreaterThan(7.5);
  await expect.poll(async () => Number(await widget.locator('[data-max]').textContent())).toBeGreaterThan(0.8);
  await widget.getByLabel(/Divide the scores by √d_k/).check();
  await expect.poll(async () => Math.abs(Number(await std.textContent()) - 1)).toBeLessThan(0.1);
  await expect.poll(async () => Number(await widget.locator('[data-max]').textContent())).toBeLessThan(0.45);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'd_k = 1');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violations in the chapter's toy widgets (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(CHAPTER);
    // Hydrate every toy widget and exercise, and focus a calculator cell so its explanation is on screen.
    for (const id of ['word-gravity', 'who-pulls-whom', 'attention-calculator', 'why-root-dk', 'ex-two-token-pull', 'ex-break-the-symmetry', 'ex-food-looks-for-animals']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await expect(page.locator(`#${id} [data-hydrated="true"]`).first()).toBeVisible(HYDRATED);
    }
    await page.locator('#attention-calculator-A [data-cell="0-0"]').focus();
    const results = await new AxeBuilder({ page })
      .include(['#word-gravity', '#who-pulls-whom', '#attention-calculator', '#why-root-dk', '#ex-two-token-pull', '#ex-break-the-symmetry', '#ex-food-looks-for-animals'])
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
