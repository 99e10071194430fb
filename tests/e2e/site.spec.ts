import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages, watchPage } from './helpers';

const pages = builtPages();
const distDir = process.env.E2E_DIST ?? 'dist';
const readBuilt = (path: string) => readFileSync(path.endsWith('.html') ? `${distDir}${path}` : `${distDir}${path}index.html`, 'utf8');

test('the build has a home page, a chapter and a 404 page', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/chapters/softmax/', '/404.html']));
});

test('no built page contains a KaTeX error or points at another origin', () => {
  for (const path of pages) {
    const html = readBuilt(path);
    expect(html, `${path} has a KaTeX error`).not.toContain('katex-error');
    const foreign = [...html.matchAll(/(?:src|href|action)=["'](https?:)?\/\/([^"'/]+)/g)].map((m) => m[2]).filter((host) => !host.startsWith('localhost'));
    expect(foreign, `${path} references another origin`).toEqual([]);
  }
});

test('no "On this page" entry shows TeX source: math in a heading would read as "dk\\sqrt{d_k}dk" there', () => {
  for (const path of pages) {
    const toc = readBuilt(path).match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0] ?? '';
    const labels = [...toc.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    for (const label of labels) expect(label, `${path}: "${label}"`).not.toMatch(/[\\{}$^_]/);
  }
});

test('every built page carries a Content-Security-Policy that allows only the site itself', () => {
  for (const path of pages) {
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(readBuilt(path));
    expect(meta, `${path} has no CSP meta tag`).not.toBeNull();
    const policy = meta![1];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // No blanket escape hatches for scripts: inline scripts are allowed by hash only, and eval not at all.
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  }
});

test('home lists the course arc and links the written chapter', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transformer Explorables');
  const arc = page.getByRole('list').filter({ has: page.getByText('Softmax, temperature and sampling') });
  await expect(arc.getByRole('listitem')).toHaveCount(10);
  await page.getByRole('link', { name: 'Softmax, temperature and sampling' }).click();
  await expect(page).toHaveURL(/\/chapters\/softmax\/$/);
  expect(problems).toEqual([]);
});

test('home offers to continue with the chapter read last', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  await page.goto('/');
  await expect(page.getByText('Continue where you left off:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Softmax, temperature and sampling' }).last()).toBeVisible();
});

test('the chapter typesets its math with KaTeX and marks itself current in the sidebar', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  expect(await page.locator('.katex').count()).toBeGreaterThan(10);
  await expect(page.locator('.katex-display').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: /Softmax/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Why not divide by the sum?' })).toBeVisible();
});

test('the dark theme choice survives a reload', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Colour theme' })).toHaveValue('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
});

test('on a phone the chapter list opens from the menu button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/chapters/softmax/');
  const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
  await expect(sidebar).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.getByRole('link', { name: /Softmax/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
});

test('the skip link jumps to the main content', async ({ page }) => {
  await page.goto('/chapters/softmax/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

for (const path of pages) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.2 AA violations on ${path} (${scheme})`, async ({ page, baseURL }) => {
      const problems = watchPage(page, baseURL!);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(problems.filter((p) => !(path === '/404.html' && p.includes('404')))).toEqual([]);
    });
  }
}
