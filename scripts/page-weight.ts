// Prints what a page loads on first visit, gzipped, by resource type: `npx tsx scripts/page-weight.ts <url> [...]`.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const url of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const sizes = new Map<string, { raw: number; gz: number }>();
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      const type = response.request().resourceType();
      const entry = sizes.get(type) ?? { raw: 0, gz: 0 };
      entry.raw += body.length;
      entry.gz += gzipSync(body).length;
      sizes.set(type, entry);
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Scroll through so client:visible islands (and what they load) count too.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  let total = 0;
  console.log(url);
  for (const [type, { raw, gz }] of sizes) {
    total += gz;
    console.log(`  ${type.padEnd(12)} ${(raw / 1024).toFixed(1).padStart(8)} KiB raw ${(gz / 1024).toFixed(1).padStart(8)} KiB gz`);
  }
  console.log(`  ${'total'.padEnd(12)} ${''.padStart(16)} ${(total / 1024).toFixed(1).padStart(8)} KiB gz`);
  await page.close();
}
await browser.close();
