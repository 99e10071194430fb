// Takes screenshots of built pages so authors can look at them: `npx tsx scripts/screenshots.ts [baseURL] [outDir]`.
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:4327';
const out = process.argv[3] ?? 'test-results/screens';
const pages = process.argv.slice(4).length ? process.argv.slice(4) : ['/', '/chapters/softmax/'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [label, viewport, scheme] of [
  ['desktop', { width: 1366, height: 900 }, 'light'],
  ['mobile', { width: 390, height: 844 }, 'light'],
  ['dark', { width: 1366, height: 900 }, 'dark'],
] as const) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[${label}] console error: ${m.text()}`));
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForTimeout(800);
    const name = `${out}/${label}${path.replaceAll('/', '_') || '_'}.png`;
    await page.screenshot({ path: name, fullPage: label !== 'mobile' });
    console.log(name);
  }
  await context.close();
}
await browser.close();
