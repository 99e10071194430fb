import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';
import { encodeState } from '../../widgets/kit/urlState.ts';
import { fineTuneBenchState, presetSettings } from '../../widgets/finetune/lab/fineTuneBenchModel.ts';

// Training runs in the page's worker on a shared, busy machine: allow generous time per test.
test.describe.configure({ timeout: 180_000 });

/** Opens chapter 10 at the lab and waits until it hydrated and read the pretrained model's probes. */
async function openLab(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/chapters/fine-tuning/${query}#fine-tune-bench`);
  const lab = page.locator('#fine-tune-bench');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(quorviaRow(lab)).toBeVisible({ timeout: 60_000 });
  return lab;
}

const quorviaRow = (lab: Locator) => lab.locator('table.probes tbody tr').filter({ hasText: 'the capital of velmora is' });
const percentIn = async (cell: Locator) => Number((await cell.textContent())!.replace(/[^0-9.]/g, '')) / 100;
const status = (lab: Locator) => lab.locator('.controls').getAttribute('data-status');

async function setSteps(lab: Locator, steps: number) {
  await lab.getByRole('spinbutton', { name: 'Steps' }).fill(String(steps));
}

test('a short fine-tune raises P(quorvia) and keeps the known capitals', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lab = await openLab(page);
  const row = quorviaRow(lab);
  const before = await percentIn(row.locator('td').nth(1));
  expect(before).toBeLessThan(0.05); // C-12: velmora's capital is unknown before fine-tuning
  await setSteps(lab, 12);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => status(lab), { timeout: 150_000 }).toBe('done');
  const after = await percentIn(row.locator('td').nth(2));
  expect(after).toBeGreaterThan(before + 0.05);
  await expect(lab.locator('.progress-text')).toContainText('step 12 of 12');
  await expect(lab.locator('.forgetting')).toContainText(/and \d+ at step 12/);
  // The loss table has the step-0 held-out reading and the last step.
  await lab.getByText('Loss table').click();
  await expect(lab.locator(`#fine-tune-bench-loss-table tbody tr`).last()).toContainText('12');
  // The fine-tuned model downloads as a model file: its manifest and its weights.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await lab.getByRole('button', { name: 'Download model' }).click();
  await expect.poll(() => downloads.sort()).toEqual(['tw-learned-ft.manifest.json', 'weights.bin']);
  // Reset puts the pretrained weights back: the probe reads as before.
  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => status(lab)).toBe('idle');
  await expect(row.locator('td').nth(2)).toHaveText('—');
  expect(problems).toEqual([]);
});

test('the default velmora preset makes quorvia the top answer within 20 s', async ({ page }) => {
  const lab = await openLab(page);
  const row = quorviaRow(lab);
  const t0 = Date.now();
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect(row.locator('td').nth(3)).toContainText('quorvia ✓', { timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  const speed = await lab.locator('.progress-text').textContent();
  test.info().annotations.push({ type: 'quorvia top-1', description: `${seconds.toFixed(1)} s; ${speed}` });
  console.log(`quorvia top-1 after ${seconds.toFixed(1)} s (${speed})`);
  expect(seconds).toBeLessThanOrEqual(20);
  await expect.poll(() => status(lab), { timeout: 120_000 }).toBe('done');
  console.log(`velmora preset finished: ${await lab.locator('.progress-text').textContent()}`);
});

test('stop pauses, resume continues to the end, and the live region reports progress', async ({ page }) => {
  const lab = await openLab(page);
  await setSteps(lab, 14);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect.poll(async () => Number((await lab.locator('progress').getAttribute('value')) ?? 0), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await lab.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => status(lab)).toBe('paused');
  await expect(lab.locator('[aria-live="polite"].visually-hidden')).toContainText('Paused at step');
  await lab.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => status(lab), { timeout: 150_000 }).toBe('done');
  await expect(lab.locator('.progress-text')).toContainText('step 14 of 14');
  await expect(lab.locator('[aria-live="polite"].visually-hidden')).toContainText('Done after 14 steps');
});

test('a worker crash mid-run is reported, the model reloads, and Start works again', async ({ page }) => {
  const lab = await openLab(page);
  await setSteps(lab, 40);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect.poll(async () => Number((await lab.locator('progress').getAttribute('value')) ?? 0), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  // Crash the engine worker from inside: an uncaught error reaches the page as the worker's error event.
  const worker = page.workers().find((w) => w.url().includes('worker'))!;
  expect(worker).toBeTruthy();
  await worker.evaluate(() => setTimeout(() => { throw new Error('test: worker crash'); }, 0));
  await expect(lab.locator('[role="status"]')).toContainText('restarted', { timeout: 30_000 });
  await expect.poll(() => status(lab)).toBe('idle');
  await expect(quorviaRow(lab)).toBeVisible({ timeout: 60_000 });
  await setSteps(lab, 10);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => status(lab), { timeout: 120_000 }).toBe('done');
  expect(await percentIn(quorviaRow(lab).locator('td').nth(2))).toBeGreaterThan(await percentIn(quorviaRow(lab).locator('td').nth(1)));
});

test('bad custom data gives a sentence, not a crash', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByRole('combobox', { name: 'Training data' }).selectOption('custom');
  const text = lab.getByRole('textbox', { name: /Your sentences/ });
  await text.fill('');
  await expect(lab.locator('[role="status"]')).toContainText('Type at least one sentence');
  await expect(lab.getByRole('button', { name: 'Start' })).toBeDisabled();
  await text.fill('the capital of zzyzx is 🙂 .');
  await setSteps(lab, 2);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect(lab.locator('[role="status"]')).toContainText('a word the model does not know');
  await text.evaluate((el: HTMLTextAreaElement) => {
    el.value = 'the cat ate . '.repeat(8000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(lab.locator('[role="status"]')).toContainText('use at most 2,000');
});

test('WeightDiff: a run on the exercise page fills the heatmap, and naming the top matrix solves who-changed-most', async ({ page }) => {
  await page.goto('/exercises/who-changed-most/');
  const widget = page.locator('[data-hydrated="true"]').filter({ hasText: 'No fine-tuning run yet' });
  await expect(widget).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Fine-tune on velmora now' }).click();
  const headline = page.getByText('the matrix that changed most relative to its size is');
  await expect(headline).toBeVisible({ timeout: 150_000 });
  // Wait for the run to end (the button's run reports its final step), then read the top row of the sorted table.
  await expect(headline).toContainText('After step 30', { timeout: 150_000 });
  const label = (await headline.locator('strong').textContent())!.trim();
  await page.getByText('All matrices, largest change first').click();
  const firstRow = page.locator('table').filter({ hasText: 'name in the model file' }).locator('tbody tr').first();
  await expect(firstRow.locator('th')).toHaveText(label);
  // Every block matrix moved: no heatmap cell reads 0.00 %.
  await expect(page.locator('table.heatmap tbody td .value').filter({ hasText: /^0\.00 %$/ })).toHaveCount(0);
  const answer = page.getByRole('textbox', { name: 'Matrix:' });
  await answer.fill('block 9 W_Q');
  await answer.press('Enter');
  await expect(page.locator('[data-exercise-status="done"]')).toHaveCount(0);
  await answer.fill(label);
  await answer.press('Enter');
  await expect(page.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

test('stop-at-the-right-time: an overfitting run shows a held-out minimum, and early stopping there solves it', async ({ page }) => {
  await page.goto('/exercises/stop-at-the-right-time/');
  const lab = page.locator('section.widget').filter({ has: page.locator('[data-hydrated="true"]') }).first();
  await expect(lab.locator('.controls')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  await expect(lab.getByRole('combobox', { name: 'Training data' })).toHaveValue('overfit');
  await expect(lab.getByRole('checkbox', { name: /Replay/ })).not.toBeChecked();
  await setSteps(lab, 14);
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => status(lab), { timeout: 150_000 }).toBe('done');
  // The curve's lowest held-out point comes before the end: the model memorises and the held-out loss climbs again.
  const lowest = Number((await lab.getByText(/lowest held-out loss: step \d+/).textContent())!.match(/step (\d+)/)![1]);
  expect(lowest).toBeLessThan(14);
  await expect(page.locator('[data-exercise-status="done"]')).toHaveCount(0);
  await lab.getByRole('spinbutton', { name: 'Early stop at step (0 = off)' }).fill(String(lowest));
  await expect(page.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

test('a shared link opens the lab with its settings (data, rate, steps, seed, what trains)', async ({ page }) => {
  const settings = { ...presetSettings('new-capitals'), replay: false, lr: 0.001, steps: 25, seed: 7, trainBlocks: [3], trainEmbeddings: false, stopStep: 20 };
  const lab = await openLab(page, `?fine-tune-bench=${encodeState(fineTuneBenchState, settings)}`);
  await expect(lab.getByRole('combobox', { name: 'Training data' })).toHaveValue('new-capitals');
  await expect(lab.getByRole('combobox', { name: 'Learning rate η' })).toHaveValue('0.001');
  await expect(lab.getByRole('spinbutton', { name: 'Steps' })).toHaveValue('25');
  await expect(lab.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(lab.getByRole('spinbutton', { name: 'Early stop at step (0 = off)' })).toHaveValue('20');
  await expect(lab.getByRole('checkbox', { name: /Replay/ })).not.toBeChecked();
  await expect(lab.getByRole('checkbox', { name: 'block 4' })).toBeChecked();
  await expect(lab.getByRole('checkbox', { name: 'block 1' })).not.toBeChecked();
  await expect(lab.getByRole('checkbox', { name: 'embeddings and final norm' })).not.toBeChecked();
  await expect(lab.locator('.progress-text')).toContainText('step 0 of 20');
});
