// Chapter 10's pure-math widgets by keyboard: GradientStep (with the one-good-step exercise), Descent and PreferenceToy.
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

/** Opens the chapter and waits until a widget has hydrated (widgets hydrate when scrolled into view). */
async function open(page: Page, id: string): Promise<void> {
  await page.goto('/chapters/fine-tuning/');
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${id} [data-hydrated="true"]`)).toBeVisible();
}

test('GradientStep: one step at η = 1 takes Paris from 24.5 % to 55.1 % and the loss from 1.408 to 0.596', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'gradient-step');
  const widget = page.locator('#gradient-step');
  await expect(widget.locator('[data-loss]')).toHaveText('1.408');
  await expect(widget.locator('[data-p-target]')).toHaveText('24.5 %');
  await expect(widget.locator('[data-grad="1"]')).toHaveText('−0.755');
  const step = widget.getByRole('button', { name: 'Step', exact: true });
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-loss]')).toHaveText('0.596');
  await expect(widget.locator('[data-p-target]')).toHaveText('55.1 %');
  await expect(widget.locator('[data-z="1"]')).toHaveText('1.755');
  await widget.getByRole('button', { name: 'Run 20' }).press('Enter');
  await expect(widget.locator('[data-steps]')).toHaveText('21');
  await expect(page).toHaveURL(/gradient-step=/);
  expect(problems).toEqual([]);
});

test('GradientStep: the η slider by keyboard, η = 0.5 gives Paris 38.8 %, and a blank logit is explained', async ({ page }) => {
  await open(page, 'gradient-step');
  const widget = page.locator('#gradient-step');
  const slider = widget.getByRole('slider', { name: 'Learning rate η' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'η = 0.00');
  await expect(widget.locator('[data-top-after]')).toHaveText('Rome');
  for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'η = 0.50');
  await widget.getByRole('button', { name: 'Step', exact: true }).press('Enter');
  await expect(widget.locator('[data-p-target]')).toHaveText('38.8 %');
  const paris = widget.getByRole('spinbutton', { name: 'Starting logit for Paris' });
  await paris.fill('');
  await expect(widget.locator('[role="status"]')).toContainText('Every logit needs a number');
  await paris.fill('1');
  await expect(widget.locator('[role="status"]')).toBeEmpty();
});

test('exercise one-good-step: η = 0.70 is not enough, 0.71 puts Paris on top', async ({ page }) => {
  await page.goto('/chapters/fine-tuning/#ex-one-good-step');
  const exercise = page.locator('#ex-one-good-step');
  await exercise.scrollIntoViewIfNeeded();
  await expect(page.locator('#ex-one-good-step-widget [data-hydrated="true"]')).toBeVisible();
  const exact = exercise.getByRole('spinbutton', { name: 'Exact η' });
  await exact.fill('0.7');
  await exact.press('Enter');
  await expect(exercise.locator('[data-top-after]')).toHaveText('Rome');
  await expect(exercise.locator('[data-exercise-status="done"]')).toHaveCount(0);
  await exact.fill('0.71');
  await exact.press('Enter');
  await expect(exercise.locator('[data-top-after]')).toHaveText('Paris');
  await expect(exercise.locator('[data-exercise-status="done"]')).toContainText('Done!');
});

test('Descent: the three example rates crawl, converge and diverge; the slider works by keyboard', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await open(page, 'descent');
  const widget = page.locator('#descent');
  await expect(widget.locator('[data-regime]')).toHaveAttribute('data-regime', 'good');
  await expect(widget.locator('[data-loss="20"]')).toHaveText('0.200');
  await widget.getByRole('button', { name: /Too large/ }).press('Enter');
  await expect(widget.locator('[data-regime]')).toHaveAttribute('data-regime', 'diverges');
  await expect(widget.getByText('the walk has left the map')).toBeVisible();
  await widget.getByRole('button', { name: /Too small/ }).press('Enter');
  await expect(widget.locator('[data-regime]')).toHaveAttribute('data-regime', 'too-small');
  const slider = widget.getByRole('slider', { name: 'Learning rate η' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'η = 0.60');
  await expect(widget.locator('[data-regime]')).toHaveAttribute('data-regime', 'diverges');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(widget.locator('[data-regime]')).toHaveAttribute('data-regime', 'edge');
  await widget.getByRole('button', { name: 'Back to the start' }).press('Enter');
  await expect(widget.locator('[data-steps]')).toHaveText('0');
  await widget.getByRole('button', { name: 'Step', exact: true }).press('Enter');
  await expect(widget.locator('[data-steps]')).toHaveText('1');
  expect(problems).toEqual([]);
});

test('PreferenceToy: a small β collapses onto the flattering answer no one labelled; removing the feature stops it', async ({ page }) => {
  await open(page, 'preference-toy');
  const widget = page.locator('#preference-toy');
  await expect(widget.locator('[data-top]')).toHaveText('A');
  const slider = widget.getByRole('slider', { name: 'KL strength β' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'β = 0.05');
  await expect(widget.locator('[data-top]')).toHaveText('E');
  await expect(widget.locator('[data-flattery]')).toHaveText('3.00');
  await widget.getByRole('checkbox', { name: /counts flattering phrases/ }).press('Space');
  await expect(widget.locator('[data-top]')).toHaveText('A');
  // Relabel pair 3 by keyboard: arrow keys move within a radio group.
  await widget.getByRole('checkbox', { name: /counts flattering phrases/ }).press('Space');
  const pair3 = widget.getByRole('group', { name: 'Pair 3' });
  await pair3.getByRole('radio').nth(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(pair3.getByRole('radio').nth(0)).toBeChecked();
  const pair5 = widget.getByRole('group', { name: 'Pair 5' });
  await pair5.getByRole('radio').nth(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(widget.locator('[data-top]')).toHaveText('A');
  await expect(widget.locator('[data-weights]')).toContainText('−');
});
