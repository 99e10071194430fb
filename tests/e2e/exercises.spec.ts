import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Exercise ids declared in every lesson's frontmatter: the independent list the built index must match. */
function declaredExercises(): { id: string; title: string; lesson: string }[] {
  return readdirSync('lessons').filter((f) => f.endsWith('.mdx')).flatMap((file) => {
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`lessons/${file}`, 'utf8'))![1]) as { exercises?: { id: string; title: string }[] };
    return (front.exercises ?? []).map((e) => ({ id: e.id, title: e.title, lesson: file.replace(/^\d+-/, '').replace(/\.mdx$/, '') }));
  });
}

/** Exercises plus quiz questions the softmax lesson declares: what its progress counts are out of. */
function softmaxItemCount(): number {
  const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync('lessons/05-softmax.mdx', 'utf8'))![1]) as { exercises?: unknown[]; quiz?: unknown[] };
  return (front.exercises ?? []).length + (front.quiz ?? []).length;
}
const SOFTMAX_ITEMS = softmaxItemCount();

/** Probabilities (percent) in the table of the widget inside `scope`. */
async function probs(scope: Locator): Promise<number[]> {
  return (await scope.locator('td[data-prob]').allTextContents()).map((c) => Number.parseFloat(c));
}

/** Waits until the exercise's widget and panel are interactive. */
async function ready(page: Page, id: string): Promise<Locator> {
  const exercise = page.locator(`#ex-${id}`);
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('[data-hydrated="true"]')).toHaveCount(2);
  return exercise;
}

test('solving tame-the-poet with the keyboard shows an announced "done" that survives a reload', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/softmax/');
  const exercise = await ready(page, 'tame-the-poet');
  const status = exercise.getByRole('status').filter({ has: page.locator('[data-exercise-status]') }).or(exercise.locator('[data-exercise-status]'));
  await expect(status.first()).toHaveAttribute('aria-live', 'polite');
  expect(await probs(exercise)).toEqual([54.65, 33.15, 12.2]);
  await expect(exercise.locator('[data-exercise-status="open"]')).toBeVisible();
  const historyBefore = await page.evaluate(() => history.length);

  const slider = exercise.getByRole('slider', { name: 'Temperature τ' });
  await slider.focus();
  // From τ = 2 (log10 τ ≈ 0.30) in steps of 0.01 down to about log10 τ = −0.4, past the 0.4527 threshold.
  for (let i = 0; i < 70; i++) await page.keyboard.press('ArrowLeft');
  const tauText = await slider.getAttribute('aria-valuetext');
  expect(Number(tauText!.replace('τ = ', ''))).toBeLessThan(0.4527);
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Done!');
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Saved to your progress.');
  // The address bar caught up (version 1 state with the final τ) without adding history entries.
  const tauInUrl = () => {
    const value = new URL(page.url()).searchParams.get('ex-tame-the-poet-widget') ?? '';
    return value.startsWith('1.') ? JSON.parse(Buffer.from(value.slice(2), 'base64url').toString()).tau : null;
  };
  await expect.poll(tauInUrl).toBeLessThan(0.4527);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await page.reload();
  const again = await ready(page, 'tame-the-poet');
  await expect(again.locator('[data-exercise-status="done"]')).toContainText('Done!');
  await expect(again.getByRole('slider', { name: 'Temperature τ' })).toHaveAttribute('aria-valuetext', tauText!);
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: /Softmax/ }).locator('[data-progress-items]')).toContainText(`1/${SOFTMAX_ITEMS}`);
  expect(problems).toEqual([]);
});

test('a copied exercise link reopens, in a fresh browser, at the exercise with the same widget state', async ({ page, browser, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/softmax/');
  const exercise = await ready(page, 'nucleus-count');
  const slider = exercise.getByRole('slider', { name: 'Top-p' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(exercise.locator('[data-kept-count]')).toHaveAttribute('data-kept-count', '3');
  await exercise.getByRole('button', { name: 'Copy link to this exercise as it is now' }).click();
  await expect(exercise.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/chapters\/softmax\/\?ex-nucleus-count-widget=1\.[\w-]+#ex-nucleus-count$/);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  const problems = watchPage(other, baseURL!);
  await other.goto(link);
  const reopened = other.locator('#ex-nucleus-count');
  await expect(reopened).toBeInViewport();
  await expect(reopened.locator('[data-hydrated="true"]')).toHaveCount(2);
  await expect(reopened.getByRole('slider', { name: 'Top-p' })).toHaveAttribute('aria-valuetext', 'p = 0.90');
  await expect(reopened.locator('[data-kept-count]')).toHaveAttribute('data-kept-count', '3');
  expect((await reopened.locator('td[data-kept-prob]').allTextContents()).slice(0, 3).map(Number.parseFloat)).toEqual([66.52, 24.47, 9]);
  await expect(reopened.locator('[data-exercise-status="done"]')).toBeVisible();
  // The other widgets on the page were not in the link, so they show their start states.
  expect(await probs(other.locator('#ex-tame-the-poet'))).toEqual([54.65, 33.15, 12.2]);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('the chapter widget has its own copy link, and a malformed or outdated link falls back to defaults with a notice', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/softmax/?softmax-lab=1.not-base64!!#softmax-lab');
  const lab = page.locator('#softmax-lab');
  await expect(lab.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(lab.getByRole('status').last()).toContainText('could not be read');
  expect(await probs(lab)).toEqual([70.54, 25.95, 3.51]);

  await page.goto('/chapters/softmax/?softmax-lab=0.eyJ0YXUiOjJ9#softmax-lab');
  await expect(lab.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(lab.getByRole('status').last()).toContainText('older version');
  await expect(lab.getByRole('button', { name: /Copy link to “Scores to probabilities”/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('progress: export, reset, import restores it (home page)', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  const quiz = page.locator('[data-quiz="softmax"]');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[data-hydrated="true"]')).toBeVisible();
  const question = quiz.locator('[data-question="softmax/lower-tau"]');
  await question.getByRole('radio', { name: /sharpens the distribution/ }).check();
  await question.getByRole('button', { name: 'Check' }).press('Enter');
  await expect(question.getByText('Correct.')).toBeVisible();
  await expect(question.getByText(/stretches the gaps between the logits/)).toBeVisible();
  const short = quiz.locator('[data-question="softmax/top-p-count"]');
  await short.getByRole('textbox').fill('three');
  await short.getByRole('textbox').press('Enter');
  await expect(short.getByText('Correct.')).toBeVisible();

  await page.goto('/');
  const count = page.locator('.arc-item', { hasText: 'Softmax, temperature and sampling' }).locator('.arc-progress');
  await expect(count).toHaveText(`2 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('transformer-explorables-progress.json');
  const file = test.info().outputPath('progress.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, quiz: { 'softmax/lower-tau': { correct: true } } });

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByText('Progress reset.')).toBeVisible();
  await expect(count).toHaveText(`0 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);

  await page.locator('input[type="file"][data-progress-file]').setInputFiles(file);
  await expect(page.getByText('Imported 0 solved exercises and 2 quiz answers.')).toBeVisible();
  await expect(count).toHaveText(`2 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);
  await page.reload();
  await expect(count).toHaveText(`2 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);

  await page.locator('input[type="file"][data-progress-file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByText('That file is not a progress file')).toBeVisible();
  await expect(count).toHaveText(`2 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);
});

test('progress syncs across tabs', async ({ page }) => {
  const other = await page.context().newPage();
  await other.goto('/');
  const count = other.locator('.arc-item', { hasText: 'Softmax, temperature and sampling' }).locator('.arc-progress');
  await expect(count).toHaveText(`0 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);
  await page.goto('/chapters/softmax/?ex-tame-the-poet-widget=1.eyJzY29yZXMiOls0LDMsMV0sInRhdSI6MC40LCJtb2RlIjoic29mdG1heCIsInRvcEsiOjAsInRvcFAiOjF9#ex-tame-the-poet');
  await expect(page.locator('#ex-tame-the-poet [data-exercise-status="done"]')).toBeVisible();
  await expect(count).toHaveText(`1 of ${SOFTMAX_ITEMS} exercises and quiz questions done`);
});

test('with storage blocked the site still works and says progress will not be saved', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const problems = watchPage(page, baseURL!);
  await page.goto('/chapters/softmax/?ex-tame-the-poet-widget=1.eyJzY29yZXMiOls0LDMsMV0sInRhdSI6MC40LCJtb2RlIjoic29mdG1heCIsInRvcEsiOjAsInRvcFAiOjF9#ex-tame-the-poet');
  const exercise = page.locator('#ex-tame-the-poet');
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('progress will not be saved');
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByText(/progress will not be saved/)).toBeVisible();
  await page.goto('/');
  await expect(page.locator('[data-progress-panel] [data-storage-note]')).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test('the instructor index lists every declared exercise with its chapter, standalone and embed links', async ({ page }) => {
  const declared = declaredExercises();
  expect(declared.length).toBeGreaterThanOrEqual(2);
  await page.goto('/exercises/');
  const items = page.locator('[data-exercise-id]');
  await expect(items).toHaveCount(declared.length);
  for (const { id, title, lesson } of declared) {
    const item = page.locator(`[data-exercise-id="${id}"]`);
    await expect(item.getByRole('heading', { name: title })).toBeVisible();
    await expect(item.getByRole('link', { name: /In the chapter/ })).toHaveAttribute('href', `/chapters/${lesson}/#ex-${id}`);
    await expect(item.getByRole('link', { name: /Standalone page/ })).toHaveAttribute('href', `/exercises/${id}/`);
    await expect(item.getByRole('link', { name: /Embed/ })).toHaveAttribute('href', `/exercises/${id}/embed/`);
    await expect(item.getByRole('button', { name: `Copy link to the standalone page of “${title}”` })).toBeVisible();
  }
  // The chapter pages carry the anchors in their static HTML (no script needed to scroll there).
  for (const { id, lesson } of declared) expect(readFileSync(`dist/chapters/${lesson}/index.html`, 'utf8')).toContain(`id="ex-${id}"`);
});

for (const { id, title } of declaredExercises()) {
  test(`standalone and embed pages of ${id} render and pass axe`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.goto(`/exercises/${id}/`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator(`#ex-${id} [data-hydrated="true"]`).first()).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations.map((v) => v.id)).toEqual([]);

    await page.goto(`/exercises/${id}/embed/`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Open in the course/ })).toHaveAttribute('target', '_blank');
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('hints, the solution and answered quiz questions pass axe too (light and dark)', async ({ page }) => {
  test.setTimeout(90_000); // two axe passes over the longest page
  await page.goto('/chapters/softmax/');
  const exercise = await ready(page, 'tame-the-poet');
  await exercise.getByRole('button', { name: /Show a hint/ }).click();
  await exercise.getByRole('button', { name: /Another hint/ }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2);
  await exercise.getByText('Show solution').click();
  await expect(exercise.locator('.solution-body')).toBeVisible();
  await expect(exercise.locator('.solution-body')).toContainText('90.12 %');
  const quiz = page.locator('[data-quiz="softmax"]');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[data-hydrated="true"]')).toBeVisible();
  const short = quiz.locator('[data-question="softmax/base-ten"]');
  await short.getByRole('textbox').fill('2.3');
  await short.getByRole('button', { name: 'Check' }).click();
  await expect(short.getByText('Not quite.')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
