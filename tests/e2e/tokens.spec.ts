import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const CHAPTER = '/chapters/tokens/';

/** Scrolls a widget into view and waits until it has hydrated (widgets hydrate when visible). */
async function openWidget(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${id} [data-hydrated="true"]`)).toBeVisible();
}

test('the chapter renders every widget on the server and fetches no rank table until asked', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const big: string[] = [];
  // gpt-tokenizer's rank tables are the only scripts over 150 kB; none may arrive before the learner asks.
  page.on('response', async (res) => {
    if (!res.url().includes('/_astro/')) return;
    const size = await res.body().then((b) => b.length, () => 0);
    if (size > 150_000) big.push(res.url());
  });
  await page.goto(CHAPTER);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tokens');
  for (const id of ['tokenizer-playground', 'bpe-stepper', 'real-tokenizers', 'letter-count', 'vocab-tradeoff']) {
    await expect(page.locator(`#${id}`)).toBeVisible();
  }
  // Server-rendered defaults, before any script runs on them.
  await expect(page.locator('#bpe-stepper [data-token-count]')).toHaveText('14');
  await expect(page.locator('#tokenizer-playground [data-pane="left"]')).toHaveAttribute('data-count', '8');
  for (const id of ['tokenizer-playground', 'bpe-stepper', 'real-tokenizers', 'letter-count', 'vocab-tradeoff']) await openWidget(page, id);
  expect(big).toEqual([]);
  expect(problems).toEqual([]);
});

test('BPE stepper: Next merge by keyboard walks 14 → 10 → 8 → 6 and Undo goes back', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'bpe-stepper');
  const widget = page.locator('#bpe-stepper');
  const next = widget.getByRole('button', { name: 'Next merge ▶' });
  const status = widget.locator('p[role="status"][data-step]');
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Merge 1 of 5: u + g → ug (seen 4 times). 10 tokens now');
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Merge 2 of 5: h + ug → hug');
  await page.keyboard.press('Space');
  await expect(status).toContainText('6 tokens now');
  await expect(widget.locator('[data-token-count]')).toHaveText('6');
  await expect(widget.getByRole('heading', { name: 'Vocabulary: V = 256 + 3 = 259' })).toBeVisible();
  await widget.getByRole('button', { name: '◀ Undo merge' }).press('Enter');
  await expect(status).toContainText('Merge 2 of 5');
  await expect(widget.locator('[data-token-count]')).toHaveText('8');
});

test('BPE stepper: the step and the words travel in the URL, so a reload (or a shared link) restores them', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'bpe-stepper');
  const widget = page.locator('#bpe-stepper');
  await widget.getByRole('textbox', { name: /Training words/ }).fill('low lower lowest');
  await widget.getByRole('button', { name: 'Next merge ▶' }).press('Enter');
  await widget.getByRole('button', { name: 'Next merge ▶' }).press('Enter');
  // The URL is written a moment after each change: wait until it holds this very state before reloading.
  const stateInUrl = () => {
    const raw = new URL(page.url()).searchParams.get('bpe-stepper');
    const match = raw ? /^1\.(.*)$/.exec(raw) : null;
    return match ? (JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { corpus: string; step: number }) : null;
  };
  await expect.poll(stateInUrl).toMatchObject({ corpus: 'low lower lowest', step: 2 });
  await page.reload();
  await openWidget(page, 'bpe-stepper');
  await expect(widget.getByRole('textbox', { name: /Training words/ })).toHaveValue('low lower lowest');
  await expect(widget.getByRole('slider', { name: 'Merges applied' })).toHaveAttribute('aria-valuetext', /^2 of /);
});

test('BPE stepper: the merges slider moves with arrow keys and the encode trace follows', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'bpe-stepper');
  const widget = page.locator('#bpe-stepper');
  const slider = widget.getByRole('slider', { name: 'Merges applied' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '5 of 5');
  await expect(widget.locator('p[role="status"][data-step]')).toContainText('No pair is left to merge');
  await expect(widget.locator('[data-encode-count]')).toContainText('p · ug · s: 3 tokens');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '4 of 5');
  await widget.getByRole('textbox', { name: 'Word to encode' }).fill('hugs');
  await expect(widget.locator('[data-encode-count]')).toHaveAttribute('data-encode-count', '1');
});

test('BPE stepper: new training words retrain from bytes; an empty text is harmless', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'bpe-stepper');
  const widget = page.locator('#bpe-stepper');
  const words = widget.getByRole('textbox', { name: /Training words/ });
  await words.fill('hug:10 hugs bug bugs');
  await widget.getByRole('button', { name: 'Next merge ▶' }).press('Enter');
  await widget.getByRole('button', { name: 'Next merge ▶' }).press('Enter');
  await expect(widget.locator('p[role="status"][data-step]')).toContainText('h + ug → hug (seen 11 times)');
  await words.fill('');
  await expect(widget.locator('p[role="status"][data-step]')).toHaveText('Type some words to train on.');
  await expect(widget.getByRole('button', { name: 'Next merge ▶' })).toBeDisabled();
});

test('BPE stepper: predict mode hides the next pair and grades the guess', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'bpe-stepper');
  const widget = page.locator('#bpe-stepper');
  await widget.getByRole('checkbox', { name: /predict each merge/ }).check();
  await expect(widget.getByText('merged next ◀')).toHaveCount(0);
  await widget.getByRole('combobox', { name: 'My guess for the next merge' }).selectOption({ label: 'u + g' });
  await widget.getByRole('button', { name: 'Next merge ▶' }).press('Enter');
  await expect(widget.locator('p[role="status"][data-step]')).toContainText('Your guess was right.');
});

test('playground: choosing GPT-2 by keyboard downloads it and splits ␣strawberry into the single id 41236', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto(CHAPTER);
  await openWidget(page, 'tokenizer-playground');
  const widget = page.locator('#tokenizer-playground');
  await widget.getByRole('button', { name: '␣strawberry (space strawberry)' }).press('Enter');
  const left = widget.locator('[data-pane="left"]');
  await left.getByRole('radio', { name: 'TinyWorld words' }).focus();
  await page.keyboard.press('ArrowRight'); // Our BPE
  await page.keyboard.press('ArrowRight'); // GPT-2
  await expect(left.getByRole('radio', { name: 'GPT-2' })).toBeChecked();
  await expect(left).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(left).toHaveAttribute('data-count', '1');
  await expect(left.getByRole('listitem', { name: 'token 1 of 1: space strawberry, id 41236' })).toBeVisible();
  await left.getByText('Table of these tokens').click();
  await expect(left.getByRole('cell', { name: '41236' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('playground: TinyWorld marks an unknown word and suggests known ones', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'tokenizer-playground');
  const widget = page.locator('#tokenizer-playground');
  await widget.getByRole('textbox', { name: 'Text to tokenise' }).fill('the farmr ate');
  const left = widget.locator('[data-pane="left"]');
  await expect(left.getByRole('listitem', { name: /farmr \(unknown word\), id 1/ })).toBeVisible();
  await expect(left.getByRole('list', { name: 'Words TinyWorld does not know' })).toContainText('farmer');
});

test('GPT-2 against GPT-4o: こんにちは is 6 tokens against 1, with ち split into byte tokens', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'real-tokenizers');
  const widget = page.locator('#real-tokenizers');
  const left = widget.locator('[data-pane="left"]');
  const right = widget.locator('[data-pane="right"]');
  await expect(left).toHaveAttribute('data-status', 'idle');
  await left.getByRole('button', { name: "Load GPT-2's tokenizer" }).press('Enter');
  await right.getByRole('button', { name: "Load GPT-4o's tokenizer" }).press('Enter');
  await widget.getByRole('textbox', { name: 'Text to tokenise' }).fill('こんにちは');
  await expect(left).toHaveAttribute('data-count', '6', { timeout: 20_000 });
  await expect(right).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await expect(left.getByRole('listitem', { name: /bytes e3 81/ })).toBeVisible();
  await expect(widget.locator('[data-verdict]')).toContainText('6 tokens, GPT-4o (o200k_base) 1');
});

test('playground: the right side can take its own text (two spellings, one tokenizer)', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'tokenizer-playground');
  const widget = page.locator('#tokenizer-playground');
  await widget.getByRole('checkbox', { name: 'Give the right side its own text' }).check();
  await widget.getByRole('textbox', { name: 'Left text' }).fill('Apple');
  await widget.getByRole('textbox', { name: 'Right text' }).fill('apple apple');
  await expect(widget.locator('[data-pane="left"]')).toHaveAttribute('data-count', '1');
  await expect(widget.locator('[data-pane="right"]')).toHaveAttribute('data-count', '2');
});

test('playground: a 100,000-character paste is capped and the page stays responsive', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'tokenizer-playground');
  const widget = page.locator('#tokenizer-playground');
  const box = widget.getByRole('textbox', { name: 'Text to tokenise' });
  await box.fill('the cat ate the fish 🐟 שלום\u200b '.repeat(3400));
  await expect(widget.getByText('Only the first 20,000 characters are tokenised here.').first()).toBeVisible();
  await expect(widget.locator('[data-pane="left"]').getByText(/Showing the first 300 of/)).toBeVisible();
  const started = Date.now();
  await box.fill('');
  await expect(widget.locator('[data-pane="left"]')).toHaveAttribute('data-count', '0');
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(widget.getByText('No text, no tokens.').first()).toBeVisible();
});

test('letter count: 3 r’s for the reader; the model gets GPT-2 id 41236 once loaded', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'letter-count');
  const widget = page.locator('#letter-count');
  await expect(widget.locator('[data-letter-count]')).toHaveAttribute('data-letter-count', '3');
  await widget.getByRole('button', { name: /Also show GPT-2’s ids/ }).press('Enter');
  await expect(widget.locator('[data-ids="41236"]')).toBeVisible({ timeout: 20_000 });
  await widget.getByRole('textbox', { name: 'Letter to count' }).fill('e');
  await expect(widget.locator('[data-letter-count]')).toHaveAttribute('data-letter-count', '1');
});

test('vocabulary trade-off: arrow keys walk from bytes to whole words', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'vocab-tradeoff');
  const widget = page.locator('#vocab-tradeoff');
  const slider = widget.getByRole('slider', { name: 'Tokens are' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'bytes (no merges)');
  await expect(widget.locator('[data-v]')).toHaveText('257');
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'whole words (TinyWorld)');
  await expect(widget.locator('[data-v]')).toHaveText('400');
  await widget.getByRole('radio', { name: /d_model = 768/ }).check();
  await expect(widget.locator('[data-params]')).toHaveText('307,200');
  await expect(widget.locator('tr[aria-current="true"]')).toContainText('whole words');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the widgets after use, with real tokens, tables and merges showing (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(CHAPTER);
    await openWidget(page, 'real-tokenizers');
    const real = page.locator('#real-tokenizers');
    await real.locator('[data-pane="left"]').getByRole('button', { name: "Load GPT-2's tokenizer" }).click();
    await real.getByRole('textbox', { name: 'Text to tokenise' }).fill('こんにちは <|endoftext|> שלום 👋🏽 a\u200bb');
    await expect(real.locator('[data-pane="left"]')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
    await real.locator('[data-pane="left"]').getByText('Table of these tokens').click();
    await openWidget(page, 'tokenizer-playground');
    await page.locator('#tokenizer-playground [data-pane="left"]').getByText('Table of these tokens').click();
    await openWidget(page, 'bpe-stepper');
    await page.locator('#bpe-stepper').getByRole('button', { name: 'Next merge ▶' }).click();
    await page.locator('#bpe-stepper').getByRole('button', { name: 'Next merge ▶' }).click();
    await openWidget(page, 'letter-count');
    await page.locator('#letter-count').getByRole('checkbox', { name: /Show what each id stands for/ }).check();
    await openWidget(page, 'vocab-tradeoff');
    const results = await new AxeBuilder({ page }).include('.widget').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('exercise bpe-hug-merges: three merges by keyboard leave 6 tokens and mark it done', async ({ page }) => {
  await page.goto(CHAPTER);
  await openWidget(page, 'ex-bpe-hug-merges-widget');
  const exercise = page.locator('#ex-bpe-hug-merges');
  const next = exercise.getByRole('button', { name: 'Next merge ▶' });
  await next.press('Enter');
  await next.press('Enter');
  await expect(exercise.getByText('Done!')).toHaveCount(0);
  await next.press('Enter');
  await expect(exercise.getByText('Done!').first()).toBeVisible();
});

test('exercise strawberry-variants on its own page: GPT-2 counts 1 and 4 solve it', async ({ page }) => {
  await page.goto('/exercises/strawberry-variants/');
  await openWidget(page, 'ex-strawberry-variants-widget');
  const widget = page.locator('#ex-strawberry-variants-widget');
  await widget.locator('[data-pane="left"]').getByRole('button', { name: "Load GPT-2's tokenizer" }).press('Enter');
  await widget.getByRole('textbox', { name: 'Left text' }).fill(' strawberry');
  await widget.getByRole('textbox', { name: 'Right text' }).fill('"strawberry');
  await expect(widget.locator('[data-pane="right"]')).toHaveAttribute('data-count', '4', { timeout: 20_000 });
  await expect(widget.locator('[data-pane="left"]')).toHaveAttribute('data-count', '1');
  await expect(page.getByText('Done!').first()).toBeVisible();
});
