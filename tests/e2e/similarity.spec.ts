import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './helpers';
import { encodeState } from '../../widgets/kit/urlState.ts';
import { sentencePairState, wordListState, wordPairState } from '../../widgets/similarity/modelWidgetStates.ts';

/** Opens the chapter and waits until a widget has hydrated (widgets hydrate when scrolled into view). */
async function open(page: Page, id: string, query = ''): Promise<void> {
  await page.goto(`/chapters/similarity/${query}`);
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${id} [data-hydrated="true"]`)).toBeVisible();
}

const cell = (page: Page, row: 'b' | 'c', col: 'dot' | 'cos' | 'dist') =>
  page.locator(`#vector-playground tr[data-row="${row}"] td[data-${col}]`);

test('the playground starts at apple, orange, Android: dot 35 vs 45, cosine 0.814 vs 0.789', async ({ page }) => {
  await page.goto('/chapters/similarity/');
  await expect(cell(page, 'b', 'dot')).toHaveText('35');
  await expect(cell(page, 'c', 'dot')).toHaveText('45');
  await expect(cell(page, 'b', 'cos')).toHaveText('0.814');
  await expect(cell(page, 'c', 'cos')).toHaveText('0.789');
  await expect(page.locator('#vector-playground .verdict')).toContainText('The measures disagree');
});

test('moving Android by keyboard updates every measure, and normalising makes the measures agree', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'vector-playground');
  const tip = page.locator('#vector-playground').getByRole('slider', { name: 'Tip of Android' });
  await tip.focus();
  // (1, 8) -> (1.5, 12): one step right, eight steps up, 0.5 each.
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
  await expect(tip).toHaveAttribute('aria-valuetext', /x 1.50, y 12.00/);
  await expect(cell(page, 'c', 'dot')).toHaveText('67.5');
  await expect(page.locator('#vector-playground').getByRole('spinbutton', { name: 'y', exact: false }).nth(2)).toHaveValue('12');
  await page.locator('#vector-playground').getByLabel('Normalise').check();
  await expect(page.locator('#vector-playground .verdict')).not.toContainText('disagree');
  await expect(page).toHaveURL(/vector-playground=/);
  expect(problems).toEqual([]);
});

test('typed coordinates move a vector; an empty box gets a clear message', async ({ page }) => {
  await open(page, 'vector-playground');
  const orangeX = page.locator('#vector-playground').getByRole('spinbutton', { name: 'orange x' });
  await orangeX.fill('');
  await orangeX.press('Enter');
  await expect(page.locator('#vector-playground [role="status"]')).toContainText('Type a number');
  await orangeX.fill('5');
  await orangeX.press('Enter');
  await expect(page.locator('#vector-playground [role="status"]')).toBeEmpty();
  // apple (5,5) · (5,1) = 30.
  await expect(cell(page, 'b', 'dot')).toHaveText('30');
});

test('the dimension slider spreads the dot products like √d; dividing by √d brings them back to about 1', async ({ page }) => {
  await open(page, 'dimension-spread');
  const slider = page.locator('#dimension-spread').getByRole('slider', { name: 'Dimension d' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'd = 64');
  const dotStd = page.locator('#dimension-spread [data-dot-std]');
  await expect.poll(async () => Number(await dotStd.textContent())).toBeGreaterThan(7.5);
  await page.locator('#dimension-spread').getByLabel(/Divide the dot products/).check();
  await expect.poll(async () => Math.abs(Number(await dotStd.textContent()) - 1)).toBeLessThan(0.1);
});

test('the spread exercise reports Done when solved', async ({ page }) => {
  await page.goto('/chapters/similarity/#ex-spread-by-dimension');
  const exercise = page.locator('#ex-spread-by-dimension');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible();
  const slider = exercise.getByRole('slider', { name: 'Dimension d' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await exercise.getByLabel(/Divide the dot products/).check();
  await expect(exercise).toContainText('Done');
});

test('two words of the course model are compared in 64 dimensions; an unknown word gets a sentence', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const problems = watchPage(page, baseURL!);
  await open(page, 'model-word-pair');
  const widget = page.locator('#model-word-pair');
  await expect(widget.locator('caption')).toContainText('64 numbers each', { timeout: 30_000 });
  const cos = Number(await widget.locator('td[data-cos]').textContent());
  expect(cos).toBeGreaterThan(-1);
  expect(cos).toBeLessThan(1);
  await widget.getByRole('button', { name: 'happy · sad' }).click();
  await expect(widget.getByRole('rowheader', { name: '‖happy‖', exact: true })).toBeVisible();
  await widget.getByLabel('Second word').fill('zebra🦓');
  await widget.getByRole('button', { name: 'Compare' }).click();
  await expect(widget.locator('[role="status"]')).toContainText('is not in the model');
  await widget.getByLabel('Second word').fill('');
  await widget.getByRole('button', { name: 'Compare' }).click();
  await expect(widget.locator('[role="status"]')).toContainText('Word 2 is empty');
  expect(problems).toEqual([]);
});

test('the vectors at "apple" are compared after every block; a sentence without apple gets a sentence', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const problems = watchPage(page, baseURL!);
  await open(page, 'sense-by-layer');
  const widget = page.locator('#sense-by-layer');
  // Embedding + 4 blocks of tw-learned.
  await expect(widget.locator('tr[data-depth]')).toHaveCount(5, { timeout: 30_000 });
  const cosines = (await widget.locator('td[data-cos]').allTextContents()).map(Number);
  expect(cosines.every((c) => c >= -1 && c <= 1)).toBe(true);
  await widget.getByLabel('Sentence 2').fill('the tech company released');
  await widget.getByRole('button', { name: 'Compare' }).click();
  await expect(widget.locator('[role="status"]')).toContainText('Sentence 2 has no "apple"');
  expect(problems).toEqual([]);
});

test('the questionnaire exercise: weighting the third question by keyboard flips the score and reports Done', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/similarity/#ex-weights-flip-the-match');
  const exercise = page.locator('#ex-weights-flip-the-match');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(exercise.locator('[data-weighted]')).toHaveText('1');
  const third = exercise.getByRole('spinbutton', { name: /Weight of question 3/ });
  await third.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  // 1 + 1 − 10 = −8.
  await expect(exercise.locator('[data-weighted]')).toHaveText('−8');
  await expect(exercise.locator('[data-weighted-product="2"]')).toHaveText('−10');
  await expect(exercise).toContainText('Done');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(exercise.locator('[role="status"]').first()).toContainText('Type a number for the weight of question 3');
  expect(problems).toEqual([]);
});

test('the questionnaire splits into wants and offers: space on a checkbox changes one directed score only', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'questionnaire-dot');
  const widget = page.locator('#questionnaire-dot');
  await expect(widget.locator('[data-a-wants-b]')).toHaveText('3');
  await expect(widget.locator('[data-b-wants-a]')).toHaveText('−1');
  const wants = widget.getByRole('checkbox', { name: 'Person B wants someone who answers yes to: Likes hiking?' });
  await wants.focus();
  await page.keyboard.press('Space');
  await expect(wants).toBeChecked();
  // wants_B (1, 1, 1) · a (1, −1, 1) = 1.
  await expect(widget.locator('[data-b-wants-a]')).toHaveText('1');
  await expect(widget.locator('[data-a-wants-b]')).toHaveText('3');
  await expect(page).toHaveURL(/questionnaire-dot=/);
  expect(problems).toEqual([]);
});

test('the similarity matrix: presets, arrow keys move one cursor over both maps, bad lists get a sentence', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const problems = watchPage(page, baseURL!);
  await open(page, 'model-similarity-matrix');
  const widget = page.locator('#model-similarity-matrix');
  await expect(widget.locator('[data-norm-summary]')).toContainText('Row lengths run from', { timeout: 30_000 });
  await widget.getByRole('button', { name: 'common and rare' }).click();
  await expect(widget.locator('tr[data-word="quorvia"] td[data-norm]')).toBeVisible();
  const cosMap = widget.getByRole('group', { name: /Cosine \(direction only\) of every pair/ });
  await cosMap.focus();
  // Words: the, a, and, was, velmora, quorvia, tarsin, olvec. Home, 5 down and 6 right: row quorvia, column tarsin.
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  const readout = widget.locator('#model-similarity-matrix-cos-readout');
  await expect(readout).toContainText('quorvia · tarsin: cosine 1.000');
  // The dot-product map follows the same cursor and reads out through the same line.
  await widget.getByRole('group', { name: /Dot product .* of every pair/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toContainText('quorvia · quorvia');
  await widget.getByText('Both matrices as tables').click();
  await expect(widget.locator('table[data-matrix="cos"] tbody tr')).toHaveCount(8);
  const input = widget.getByLabel(/Words \(6 to 10/);
  await input.fill('apple banana');
  await input.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('Type at least 6 words (you have 2)');
  await input.fill('apple banana orange cherry phone 🦓');
  await input.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('is not in the model');
  await input.fill('');
  await input.press('Enter');
  await expect(widget.locator('[role="status"]')).toContainText('Type 6 to 10 words');
  expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the questionnaire (split open) and the loaded similarity matrix with its tables have no violations (${scheme})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, 'questionnaire-dot');
    await open(page, 'model-similarity-matrix');
    const widget = page.locator('#model-similarity-matrix');
    await expect(widget.locator('[data-norm-summary]')).toBeVisible({ timeout: 30_000 });
    await widget.getByText('Both matrices as tables').click();
    await widget.getByRole('group', { name: /Cosine \(direction only\) of every pair/ }).focus();
    const results = await new AxeBuilder({ page }).include(['#questionnaire-dot', '#model-similarity-matrix', '#ex-weights-flip-the-match'])
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('links reopen the course-model widgets on the typed words; a broken link says so and opens the start', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL!);
  const pair = encodeState(wordPairState, { first: 'king', second: 'queen' });
  const list = encodeState(wordListState, { text: 'monday tuesday paris rome red blue' });
  const sentences = encodeState(sentencePairState, { first: 'she picked a ripe apple', second: 'he works at apple' });
  await open(page, 'model-word-pair', `?model-word-pair=${pair}&model-similarity-matrix=${list}&sense-by-layer=${sentences}`);
  const wordPair = page.locator('#model-word-pair');
  await expect(wordPair.getByLabel('First word')).toHaveValue('king');
  await expect(wordPair.getByRole('rowheader', { name: '‖queen‖', exact: true })).toBeVisible({ timeout: 30_000 });
  const matrix = page.locator('#model-similarity-matrix');
  await matrix.scrollIntoViewIfNeeded();
  await expect(matrix.getByRole('textbox')).toHaveValue('monday tuesday paris rome red blue');
  await expect(matrix.locator('table').getByText('tuesday', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  const sense = page.locator('#sense-by-layer');
  await sense.scrollIntoViewIfNeeded();
  await expect(sense.getByLabel('Sentence 1')).toHaveValue('she picked a ripe apple');
  await expect(sense.locator('tr[data-depth="4"] td[data-cos]')).not.toHaveText('—', { timeout: 30_000 });
  // Editing writes the new words back into the address, so "Copy link" and a reload keep them.
  await wordPair.getByLabel('Second word').fill('prince');
  await wordPair.getByRole('button', { name: 'Compare' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('model-word-pair')).toBe(encodeState(wordPairState, { first: 'king', second: 'prince' }));
  expect(problems).toEqual([]);

  await open(page, 'model-word-pair', '?model-word-pair=1.%25%25broken');
  await expect(page.locator('#model-word-pair').getByLabel('First word')).toHaveValue('apple');
  await expect(page.locator('#model-word-pair .notice')).toContainText('could not be read');
});
