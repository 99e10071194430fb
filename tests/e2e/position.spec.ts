// Chapter 8: every position widget's main interaction by keyboard, and the three exercises solved in the browser.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Islands hydrate when scrolled into view; on a busy two-core machine that can take a few seconds. */
const HYDRATION_MS = 20_000;

/** Scrolls a widget into view and waits until it has hydrated. */
async function widget(page: Page, id: string): Promise<Locator> {
  const root = page.locator(`#${id}`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('[data-hydrated="true"]')).toBeVisible({ timeout: HYDRATION_MS });
  return root;
}

/** Waits until an exercise's widget and panel are both interactive. */
async function exercise(page: Page, id: string): Promise<Locator> {
  const root = page.locator(`#ex-${id}`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator('[data-hydrated="true"]')).toHaveCount(2, { timeout: HYDRATION_MS });
  return root;
}

/** Presses a key n times on the focused element. */
async function press(page: Page, key: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
}

test('one wheel: 36° collides at position 10; one step less keeps all 20 positions apart', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/position/');
  const wheel = await widget(page, 'one-wheel');
  const finder = wheel.locator('[data-repeat]');
  await expect(finder).toHaveAttribute('data-distinct', '10');
  await expect(finder).toContainText('position 10 lands on position 0, and position 11 on position 1');
  const step = wheel.getByRole('slider', { name: 'Step angle' });
  await step.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('aria-valuetext', '35° per position');
  await expect(finder).toHaveAttribute('data-repeat', '72');
  await expect(finder).toContainText('No collision among positions 0–19');
  // The +1 button moves the hand: position 2 at 35° per position points at 70°.
  await wheel.getByRole('button', { name: '+1 position' }).press('Enter');
  await expect(finder).toContainText('Position 2 points at 70°');
  expect(problems).toEqual([]);
});

test('many wheels: d = 8 at position 1 shows the curriculum vector; d = 512 shows the 60,611 period', async ({ page }) => {
  await page.goto('/chapters/position/');
  const wheels = await widget(page, 'many-wheels');
  const row0 = wheels.locator('tr[data-wheel="0"] td');
  await expect(row0.nth(4)).toHaveText('0.8415');
  await expect(row0.nth(5)).toHaveText('0.5403');
  const periods = wheels.locator('td[data-period]');
  await expect(periods).toHaveText(['6.28', '62.83', '628', '6,283']);

  const d = wheels.getByRole('slider', { name: 'd_model' });
  await d.focus();
  await press(page, 'ArrowRight', 6); // 8 → 16 → 32 → 64 → 128 → 256 → 512
  await expect(d).toHaveAttribute('aria-valuetext', 'd_model = 512 (256 wheels)');
  await expect(periods.last()).toHaveText('60,611');
  await expect(wheels.locator('[data-return-offset]')).toContainText('never all of them at the same time');

  const position = wheels.getByRole('slider', { name: 'Position' });
  await position.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveAttribute('aria-valuetext', 'position 0');
  await expect(row0.nth(4)).toHaveText('0.0000');
  await expect(row0.nth(5)).toHaveText('1.0000');
});

test('the dials offer Play only when motion is welcome', async ({ browser, baseURL }) => {
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion, baseURL });
    const page = await context.newPage();
    await page.goto('/chapters/position/');
    const wheel = await widget(page, 'one-wheel');
    await expect(wheel.getByRole('button', { name: 'Play' })).toHaveCount(reducedMotion === 'reduce' ? 0 : 1);
    await context.close();
  }
});

test('RoPE: moving both positions together keeps the score; changing the offset does not', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/position/');
  const rope = await widget(page, 'rope-rotator');
  const score = rope.locator('p.score strong');
  await expect(score).toHaveText('0.500');
  await rope.getByRole('checkbox', { name: /Move both together/ }).check();
  const t = rope.getByRole('slider', { name: 'Query position t' });
  const s = rope.getByRole('slider', { name: 'Key position s' });
  await t.focus();
  await press(page, 'ArrowRight', 17);
  await expect(t).toHaveAttribute('aria-valuetext', 't = 22');
  await expect(s).toHaveAttribute('aria-valuetext', 's = 20');
  await expect(score).toHaveText('0.500');
  await expect(rope.locator('table.history tbody tr').first()).toContainText('22');

  await rope.getByRole('checkbox', { name: /Move both together/ }).uncheck();
  await s.focus();
  await page.keyboard.press('ArrowLeft'); // offset 3: 90°
  await expect(score).toHaveText('0.000');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // offset 1: 30°
  await expect(score).toHaveText('0.866');
  expect(problems).toEqual([]);
});

test('RoPE: θ_base, d_k and pair give ω, and a pair multiplier shortens that pair’s period', async ({ page }) => {
  await page.goto('/chapters/position/');
  const rope = await widget(page, 'rope-rotator');
  await rope.getByRole('radio', { name: /from θ/ }).check();
  const dk = rope.getByRole('slider', { name: 'd_k' });
  await dk.focus();
  await page.keyboard.press('ArrowLeft'); // 16 → 8
  await expect(dk).toHaveAttribute('aria-valuetext', 'd_k = 8 (4 pairs)');
  const pair = rope.getByRole('slider', { name: 'Pair i' });
  await pair.focus();
  await page.keyboard.press('ArrowRight');
  await expect(rope.locator('.derived')).toContainText('0.100000 rad');

  const periods = rope.locator('table[id$="-pairs"] td[data-period]');
  await expect(periods.first()).toHaveText('6.3');
  await expect(periods.last()).toHaveText('19,869');
  const scale = rope.getByRole('slider', { name: 'pair 3' });
  await scale.focus();
  await page.keyboard.press('End');
  await expect(scale).toHaveAttribute('aria-valuetext', '× 10');
  await expect(periods.nth(3)).toHaveText('19.9');
});

test('the three exercises can be solved in the page', async ({ page }) => {
  await page.goto('/chapters/position/');

  const collision = await exercise(page, 'find-the-collision');
  await expect(collision.locator('[data-exercise-status="open"]')).toBeVisible();
  await collision.getByRole('slider', { name: 'Step angle' }).focus();
  await page.keyboard.press('ArrowRight'); // 37°: no common factor with 360
  await expect(collision.locator('[data-exercise-status="done"]')).toBeVisible();

  const period = await exercise(page, 'period-of-the-slowest-wheel');
  await expect(period.locator('td[data-period]').last()).toHaveText('60,611');
  const answer = period.getByRole('textbox', { name: 'Period of the slowest wheel, in positions' });
  await answer.fill('62832');
  await answer.press('Enter');
  await expect(period.locator('[data-exercise-status="done"]')).toHaveCount(0);
  await answer.fill('60,611');
  await answer.press('Enter');
  await expect(period.locator('[data-exercise-status="done"]')).toBeVisible();

  const offset = await exercise(page, 'same-offset-same-score');
  await expect(offset.locator('[data-exercise-status="open"]')).toBeVisible();
  const both = offset.getByRole('button', { name: 'Both +10' });
  await both.press('Enter');
  await expect(offset.locator('[data-exercise-status="open"]')).toBeVisible(); // s = 13: not past 20 yet
  await both.press('Enter');
  await expect(offset.locator('p.score strong')).toHaveText('0.500');
  await expect(offset.locator('[data-exercise-status="done"]')).toBeVisible();
});

test('a changed widget lands in the address bar and a reload restores it', async ({ page }) => {
  await page.goto('/chapters/position/');
  const wheel = await widget(page, 'one-wheel');
  const step = wheel.getByRole('slider', { name: 'Step angle' });
  await step.focus();
  await press(page, 'ArrowRight', 4); // 40°: repeats every 9 positions
  await expect.poll(() => new URL(page.url()).searchParams.get('one-wheel')).toMatch(/^1\./);
  await page.reload();
  const again = await widget(page, 'one-wheel');
  await expect(again.getByRole('slider', { name: 'Step angle' })).toHaveAttribute('aria-valuetext', '40° per position');
  await expect(again.locator('[data-repeat]')).toHaveAttribute('data-repeat', '9');
});

/** Reads a number from a data attribute once it is set. */
async function numberAttr(locator: Locator, name: string): Promise<number> {
  await expect(locator).not.toHaveAttribute(name, '', { timeout: HYDRATION_MS });
  return Number(await locator.getAttribute(name));
}

test('RoPE on tw-rope: a smaller θ_base raises the loss; the trained settings bring it back', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/position/');
  const live = await widget(page, 'rope-live');
  const loss = live.locator('[data-loss]');
  const trained = await numberAttr(loss, 'data-trained-loss');
  expect(await numberAttr(loss, 'data-loss')).toBeCloseTo(trained, 6);
  await expect(live.locator('svg.attention-map path.cell').first()).toBeVisible();

  const base = live.getByRole('slider', { name: 'θ_base' });
  await base.focus();
  await press(page, 'ArrowLeft', 40); // log10 4 → 2: θ_base 100
  await expect(base).toHaveAttribute('aria-valuetext', 'θ_base = 100');
  await expect.poll(async () => Number(await loss.getAttribute('data-loss'))).toBeGreaterThan(trained + 0.1);
  await expect(live.locator('.loss')).toContainText('worse');

  await live.getByRole('button', { name: 'Back to the trained settings' }).press('Enter');
  await expect(base).toHaveAttribute('aria-valuetext', 'θ_base = 10,000 (trained)');
  await expect.poll(async () => Number(await loss.getAttribute('data-loss'))).toBeCloseTo(trained, 6);

  // Another head of another block: the offset table follows the selects.
  await live.getByRole('combobox', { name: 'Block' }).selectOption('3');
  await expect(live.locator('h4').first()).toHaveText('Block 3, head 2: attention weights');
  await live.getByText('Table: mean score by offset').click();
  await expect(live.locator('table caption').filter({ hasText: 'Block 3 head 2' })).toBeVisible();

  // Bad input is a sentence, not a crash.
  const text = live.getByRole('textbox', { name: /Sample text/ });
  await text.fill('the zebracorn ate 🍎');
  await expect(live.locator('.widget-status')).not.toBeEmpty();
  await text.fill('');
  await expect(live.locator('.widget-status')).toContainText('Type a sample text');
  expect(problems).toEqual([]);
});

/** Presses a key on a focused slider `n` times, waiting each time for a new measure of `name`; returns the durations. */
async function timedPresses(page: Page, name: string, key: string, n: number): Promise<number[]> {
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate((m) => performance.getEntriesByName(m).length, name);
    await page.keyboard.press(key);
    await page.waitForFunction(([m, c]) => performance.getEntriesByName(m as string).length > (c as number), [name, before] as const, { timeout: 10_000 });
  }
  return page.evaluate((m) => performance.getEntriesByName(m).slice(-20).map((e) => e.duration), name);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('slider-to-redraw latency of the rotary sliders (printed, not asserted)', async ({ page }) => {
  await page.goto('/chapters/position/');
  const rope = await widget(page, 'rope-rotator');
  await rope.getByRole('slider', { name: 'ω' }).focus();
  const rotator = await timedPresses(page, 'rope-rotator:slider-to-redraw', 'ArrowRight', 20);

  const live = await widget(page, 'rope-live');
  await numberAttr(live.locator('[data-loss]'), 'data-trained-loss');
  await live.getByRole('slider', { name: 'θ_base' }).focus();
  const engine = await timedPresses(page, 'rope-live:slider-to-redraw', 'ArrowLeft', 20);
  console.log(`slider-to-redraw median over 20 keyboard steps: RopeRotator ${median(rotator).toFixed(1)} ms, RopeLive (tw-rope forward in the worker) ${median(engine).toFixed(1)} ms`);
  expect(rotator).toHaveLength(20);
  expect(engine).toHaveLength(20);
});

test('learned positions: tw-learned’s table from the worker, a position chosen by keyboard, its cosines in a table', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/position/');
  const learned = await widget(page, 'learned-positions');
  await expect(learned.locator('[data-ready="true"]')).toBeVisible({ timeout: HYDRATION_MS });
  const position = learned.getByRole('slider', { name: 'Position' });
  await position.focus();
  await press(page, 'ArrowRight', 10);
  await expect(position).toHaveAttribute('aria-valuetext', 'position 10');
  await expect(learned.locator('[data-selected-summary]')).toContainText('Position 10 is most like positions');
  const cells = learned.getByRole('region', { name: 'Cosines of position 10' }).locator('td');
  await expect(cells).toHaveCount(64);
  await expect(cells.nth(10)).toHaveText('1.00');
  await learned.getByText('Table: the whole 64 × 64 cosine matrix').click();
  await expect(learned.getByRole('region', { name: 'Cosine matrix' }).locator('tbody tr')).toHaveCount(64);
  expect(problems).toEqual([]);
});

test('order blindness: each built model on the dog/cat pair, with answers and bags in tables', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/position/');
  const order = await widget(page, 'order-blindness');
  const learned = order.locator('tr[data-model="tw-learned"]');
  await expect(learned).not.toHaveAttribute('data-block0-difference', '', { timeout: 30_000 });
  await expect(learned.locator('td').nth(3)).toContainText('cat');
  await expect(learned.locator('td').nth(4)).toContainText('dog');
  const rope = order.locator('tr[data-model="tw-rope"]');
  await expect(rope).not.toHaveAttribute('data-block0-difference', '', { timeout: 30_000 });
  await expect(rope.locator('td').nth(1)).toContainText('different');
  await expect(order.locator('table[data-bag="tw-learned"] tbody tr')).toHaveCount(10);
  const off = order.locator('tr[data-model="tw-learned-off"]');
  await expect(off.locator('td').nth(1)).toContainText('identical for both orders', { timeout: 30_000 });
  await expect(order.locator('table[data-bag="tw-learned-off"] caption')).toContainText('the same bag for both orders');
  // tw-nope and tw-sin download only when asked (all four at once would push the chapter past its page-weight
  // budget); then the model without positions shows the identical bag and the sinusoidal one does not.
  const nope = order.locator('tr[data-model="tw-nope"]');
  await nope.getByRole('button', { name: /Run tw-nope \(downloads 0\.\d MB\)/ }).press('Enter');
  await expect(nope.locator('td').nth(1)).toContainText('identical for both orders', { timeout: 30_000 });
  const sin = order.locator('tr[data-model="tw-sin"]');
  await sin.getByRole('button', { name: /Run tw-sin/ }).press('Enter');
  await expect(sin).not.toHaveAttribute('data-block0-difference', '', { timeout: 30_000 });
  await expect(sin.locator('td').nth(1)).toContainText('different');

  // Typing an unknown word gives each model's sentence, not a crash; the reset button brings the pair back.
  const a = order.getByRole('textbox', { name: 'Prompt A' });
  await a.fill('the zebracorn chased the cat');
  await expect(learned.locator('td.problem')).toContainText('zebracorn', { timeout: 20_000 });
  await expect(order.locator('p.note').first()).toContainText('differ in more than their order');
  await order.getByRole('button', { name: 'Back to the dog and the cat' }).press('Enter');
  await expect(learned.locator('td').nth(3)).toContainText('cat', { timeout: 20_000 });
  expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violations in the engine widgets with their tables open (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/chapters/position/');
    const ids = ['order-blindness', 'learned-positions', 'rope-rotator', 'rope-live'];
    for (const id of ids) await widget(page, id);
    await expect(page.locator('#learned-positions [data-ready="true"]')).toBeVisible({ timeout: HYDRATION_MS });
    await expect(page.locator('#rope-live [data-loss]')).not.toHaveAttribute('data-loss', '', { timeout: HYDRATION_MS });
    await expect(page.locator('#order-blindness tr[data-model="tw-rope"]')).not.toHaveAttribute('data-block0-difference', '', { timeout: 30_000 });
    // Open the smaller tables; the two big matrices share their markup and styles, and would only slow axe down.
    for (const name of ['Table: the PCA coordinates of every position', 'Table: mean score by offset', 'Speed multiplier of each pair (1 = as trained)']) {
      await page.locator('#learned-positions, #rope-live').getByText(name, { exact: true }).click();
    }
    const results = await new AxeBuilder({ page }).include(ids.map((id) => `#${id}`))
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
