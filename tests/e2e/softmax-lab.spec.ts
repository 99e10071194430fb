import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Opens the chapter and waits until the lab has hydrated (it hydrates when scrolled into view). */
async function openLab(page: Page): Promise<void> {
  await page.goto('/chapters/softmax/');
  await page.locator('#softmax-lab').scrollIntoViewIfNeeded();
  await expect(page.locator('#softmax-lab [data-hydrated="true"]')).toBeVisible({ timeout: 20_000 });
}

/** Reads the probability column of the widget's table as numbers (percent). */
async function tableProbs(page: Page): Promise<number[]> {
  const cells = await page.locator('#softmax-lab td[data-prob]').allTextContents();
  return cells.map((c) => Number.parseFloat(c));
}

test('the lab starts at the worked example: 70.54 / 25.95 / 3.51 %', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  expect(await tableProbs(page)).toEqual([70.54, 25.95, 3.51]);
});

test('lowering τ with the keyboard sharpens the distribution, computed in the engine worker', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openLab(page);
  const slider = page.locator('#softmax-lab').getByRole('slider', { name: 'Temperature τ' });
  await slider.focus();
  for (let i = 0; i < 34; i++) await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', 'τ = 0.46');
  await expect.poll(() => tableProbs(page)).toEqual([89.8, 10.07, 0.13]);
  expect(workers.some((url) => url.includes('worker'))).toBe(true);
  const caption = page.locator('#softmax-lab table.numbers caption');
  await expect(caption).toContainText('τ = 0.46');
  expect(problems).toEqual([]);
});

test('typing τ = 0 gives greedy: everything on the top score', async ({ page }) => {
  await openLab(page);
  const exact = page.locator('#softmax-lab').getByRole('spinbutton', { name: 'Exact τ' });
  await exact.fill('0');
  await exact.press('Enter');
  await expect.poll(() => tableProbs(page)).toEqual([100, 0, 0]);
});

test('an empty score gets a clear message and keeps the last good chart', async ({ page }) => {
  await openLab(page);
  await page.locator('#softmax-lab').getByRole('spinbutton', { name: 'Score for orange' }).fill('');
  await expect(page.locator('#softmax-lab [role="status"]')).toContainText('Score 2 is empty or not a number');
  await page.locator('#softmax-lab').getByRole('spinbutton', { name: 'Score for orange' }).fill('3');
  await expect(page.locator('#softmax-lab [role="status"]')).toHaveText('');
  expect(await tableProbs(page)).toEqual([70.54, 25.95, 3.51]);
});

test('divide-by-sum shows the impossible negative probability', async ({ page }) => {
  await openLab(page);
  await page.locator('#softmax-lab').getByRole('radio', { name: /dividing each score by the sum/ }).check();
  await page.locator('#softmax-lab').getByRole('spinbutton', { name: 'Score for egg' }).fill('-1');
  await expect(page.locator('#softmax-lab').getByText('A negative “probability” is impossible')).toBeVisible();
  expect((await tableProbs(page))[2]).toBeCloseTo(-16.67, 2);
});

test('the entropy line shows 0.714 nats for (4, 3, 1) at τ = 1', async ({ page }) => {
  await openLab(page);
  await expect(page.locator('#softmax-lab [data-entropy]')).toHaveText('0.714 nats');
});

test('Sample 100× by keyboard: seeded counts that add up to 100, a cut token never drawn', async ({ page }) => {
  await openLab(page);
  const lab = page.locator('#softmax-lab');
  await lab.getByRole('combobox', { name: /Top-k/ }).selectOption('2');
  const button = lab.getByRole('button', { name: 'Sample 100×' });
  await button.focus();
  await page.keyboard.press('Enter');
  const counts = async () => (await lab.locator('td[data-count]').allTextContents()).map(Number);
  await expect.poll(counts).toHaveLength(3);
  const first = await counts();
  expect(first[0] + first[1]).toBe(100);
  expect(first[2]).toBe(0);
  await expect(lab.getByRole('table', { name: /seed 1/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(lab.getByRole('table', { name: /seed 2/ })).toBeVisible();
  expect((await counts()).reduce((a, b) => a + b, 0)).toBe(100);
});

test('the −ln p tab, reached with the arrow keys, gives the loss of each token and of any p', async ({ page }) => {
  await openLab(page);
  const lab = page.locator('#softmax-lab');
  await lab.getByRole('tab', { name: 'Sample counts' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(lab.getByRole('tab', { name: '−ln p (loss)' })).toBeFocused();
  await expect(lab.getByRole('tab', { name: '−ln p (loss)' })).toHaveAttribute('aria-selected', 'true');
  // −ln 0.7054 = 0.349, −ln 0.2595 = 1.349, −ln 0.0351 = 3.349 (each exactly one nat apart, like the scores).
  await expect(lab.locator('td[data-loss]')).toHaveText(['0.349', '1.349', '3.349']);
  await expect(lab.locator('[data-custom-loss]')).toHaveText('−ln p = 2.996 nats');
  await lab.getByRole('spinbutton', { name: 'Any probability p' }).fill('0.9');
  await expect(lab.locator('[data-custom-loss]')).toHaveText('−ln p = 0.105 nats');
});
