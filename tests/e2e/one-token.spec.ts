import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Opens chapter 1 scrolled to a widget and waits until it has hydrated and the model answered. */
async function openWidget(page: Page, id: string): Promise<void> {
  await page.goto('/chapters/one-token/');
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${id} [data-hydrated="true"]`)).toBeVisible();
}

const candidates = (page: Page, id = 'next-token') => page.locator(`#${id} [role="option"]`);
const appended = (page: Page, id = 'next-token') => page.locator(`#${id} .appended`);

test('Next token appends the top candidate, counts the pass, and stops at <eos>', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openWidget(page, 'next-token');
  await expect(candidates(page)).toHaveCount(10);
  const next = page.locator('#next-token').getByRole('button', { name: 'Next token' });
  for (let step = 1; step <= 12; step++) {
    const top = (await candidates(page).first().locator('.token').textContent())!.trim();
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(appended(page)).toHaveCount(step);
    await expect(appended(page).last()).toHaveText(top);
    await expect(page.locator('#next-token .passes strong')).toHaveText(String(step));
    if (top === '<eos>') break;
    await expect(candidates(page).first()).not.toHaveText(/^$/);
  }
  // Greedy decoding from a known fact ends the document (C-2, C-2b on the committed model).
  await expect(appended(page).first()).toHaveText('paris');
  await expect(appended(page).last()).toHaveText('<eos>');
  await expect(next).toBeDisabled();
  await expect(page.locator('#next-token')).toContainText('the model chose <eos>');
  expect(problems).toEqual([]);
});

test('a candidate can be forced from the keyboard', async ({ page }) => {
  await openWidget(page, 'next-token');
  await expect(candidates(page)).toHaveCount(10);
  const second = (await candidates(page).nth(1).locator('.token').textContent())!.trim();
  await page.locator('#next-token').getByRole('listbox', { name: 'Next-token candidates' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(appended(page)).toHaveText([second]);
});

test('an unknown word is named, with a suggestion, instead of being dropped', async ({ page }) => {
  await openWidget(page, 'next-token');
  const prompt = page.locator('#next-token').getByRole('textbox', { name: 'Prompt' });
  await prompt.fill('the capital of frnace is');
  await expect(page.locator('#next-token [role="status"]')).toContainText('never seen the word "frnace"');
  await expect(page.locator('#next-token [role="status"]')).toContainText('"france"');
});

test('the n-gram counter runs dry on long contexts while the model still answers', async ({ page }) => {
  await openWidget(page, 'ngram-vs-model');
  const widget = page.locator('#ngram-vs-model');
  await expect(widget.locator('tfoot')).toContainText('matches', { timeout: 30_000 });
  const slider = widget.getByRole('slider', { name: 'Words the counter looks at' });
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'last 5 words = 6-gram');
  // A sentence held back from training: its last five words never occur there, but the model knows the pattern.
  await widget.getByRole('textbox', { name: 'Context' }).fill('she ate a blue apple');
  await expect(widget.getByText('0 matches')).toBeVisible({ timeout: 30_000 });
  await expect(widget.locator('table').nth(1).locator('tbody tr').first()).toContainText('.');
});

test('the model card shows the committed model and its checks', async ({ page }) => {
  await page.goto('/models/tw-learned/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tw-learned');
  await expect(page.getByRole('row', { name: /Parameters/ })).toContainText('229,760');
  await expect(page.getByRole('table', { name: /Acceptance checks/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Training and validation loss/ })).toBeVisible();
});
