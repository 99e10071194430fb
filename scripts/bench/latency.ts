/**
 * Case: slider-to-redraw latency in Chromium (issue #10). Serves the built site (`dist/`, or `--dist <dir>`)
 * with a tiny static server, moves every slider widget's slider by keyboard 20 times, and reads the
 * performance measures the widgets record through widgets/kit/redrawTimer.ts (`<widget id>:<what>:redraw`).
 * The reference is the frame budget: 2 frames (2 × 16.7 ms) for pure-math widgets, 3 for widgets whose
 * numbers come from the model. Speed ratio = budget / median, so > 1 means within budget. Builds nothing:
 * without a build it logs that it skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { BenchCase, BenchRow } from './harness.ts';
import { serveStatic } from './staticServer.ts';

const FRAME_MS = 1000 / 60;
const STEPS = 20;

/** One slider widget on a chapter page: its id (the measure prefix) and whether its redraw waits on the model. */
interface SliderWidget {
  page: string;
  id: string;
  kind: 'math' | 'model';
}

/** Every widget with a slider, in course order; the first range input in each is the timed one. */
export const SLIDER_WIDGETS: SliderWidget[] = [
  { page: '/chapters/one-token/', id: 'ngram-vs-model', kind: 'model' },
  { page: '/chapters/tokens/', id: 'bpe-stepper', kind: 'math' },
  { page: '/chapters/tokens/', id: 'vocab-tradeoff', kind: 'math' },
  { page: '/chapters/similarity/', id: 'dimension-spread', kind: 'math' },
  { page: '/chapters/softmax/', id: 'softmax-lab', kind: 'math' },
  { page: '/chapters/softmax/', id: 'sampling-panel', kind: 'model' },
  { page: '/chapters/attention/', id: 'why-root-dk', kind: 'math' },
  { page: '/chapters/position/', id: 'one-wheel', kind: 'math' },
  { page: '/chapters/position/', id: 'many-wheels', kind: 'math' },
  { page: '/chapters/position/', id: 'learned-positions', kind: 'model' },
  { page: '/chapters/position/', id: 'rope-rotator', kind: 'math' },
  { page: '/chapters/position/', id: 'rope-live', kind: 'model' },
  { page: '/chapters/fine-tuning/', id: 'gradient-step', kind: 'math' },
  { page: '/chapters/fine-tuning/', id: 'descent', kind: 'math' },
  { page: '/chapters/fine-tuning/', id: 'preference-toy', kind: 'math' },
];

/** How many redraw measures a widget has recorded so far, and the newest one's duration. */
function readMeasures(page: Page, id: string): Promise<{ count: number; last: number }> {
  return page.evaluate((prefix) => {
    const entries = performance.getEntriesByType('measure').filter((e) => e.name.startsWith(prefix) && e.name.endsWith('redraw'));
    return { count: entries.length, last: entries.at(-1)?.duration ?? NaN };
  }, `${id}:`);
}

/** Presses an arrow key on the focused slider, toward whichever end it is not at, and waits for a new measure. */
async function timedStep(page: Page, widget: SliderWidget, timeoutMs: number): Promise<number> {
  const slider = page.locator(`#${widget.id} input[type="range"]`).first();
  const atMax = await slider.evaluate((el: HTMLInputElement) => Number(el.value) >= Number(el.max));
  const before = (await readMeasures(page, widget.id)).count;
  await page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
  await page.waitForFunction(
    ([prefix, count]) => performance.getEntriesByType('measure').filter((e) => e.name.startsWith(prefix as string) && e.name.endsWith('redraw')).length > (count as number),
    [`${widget.id}:`, before] as const,
    { timeout: timeoutMs },
  );
  return (await readMeasures(page, widget.id)).last;
}

/** The widget's 20 keyboard steps after one untimed warm-up step (which may wait for a model to load). */
async function measureWidget(page: Page, widget: SliderWidget): Promise<number[]> {
  const slider = page.locator(`#${widget.id} input[type="range"]`).first();
  await slider.scrollIntoViewIfNeeded();
  // Astro drops the `ssr` attribute once an island has hydrated; before that a key moves only the native slider.
  await page.locator(`astro-island:not([ssr]) #${widget.id}`).first().waitFor({ timeout: 30_000 });
  await slider.focus();
  await timedStep(page, widget, 60_000);
  const durations: number[] = [];
  for (let i = 0; i < STEPS; i++) durations.push(await timedStep(page, widget, 15_000));
  return durations;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Range inputs in the built chapters that belong to no listed widget, so a new slider widget is not forgotten.
 * Exercises (`ex-…`) embed the same components as the chapter's widgets, so they are not listed separately.
 */
export function unlistedSliders(dist: string): string[] {
  const chaptersDir = path.join(dist, 'chapters');
  const unlisted: string[] = [];
  for (const slug of readdirSync(chaptersDir)) {
    const file = path.join(chaptersDir, slug, 'index.html');
    if (!existsSync(file)) continue;
    for (const input of readFileSync(file, 'utf8').matchAll(/<input[^>]*type="range"[^>]*>/g)) {
      const id = / id="([^"]+)"/.exec(input[0])?.[1] ?? '(no id)';
      if (!id.startsWith('ex-') && !SLIDER_WIDGETS.some((w) => id.startsWith(`${w.id}-`))) unlisted.push(`/chapters/${slug}/#${id}`);
    }
  }
  return unlisted;
}

function distDir(): string {
  const index = process.argv.indexOf('--dist');
  return index >= 0 ? process.argv[index + 1] : 'dist';
}

export const latencyCase: BenchCase = {
  id: 'latency',
  title: `Slider-to-redraw latency in Chromium: ${STEPS} keyboard steps per slider widget, median vs the frame budget`,
  async run(ctx) {
    const dist = distDir();
    if (!existsSync(`${dist}/index.html`)) {
      // Skipped rather than failed, so `npm run bench` still runs its other cases on a fresh checkout.
      ctx.log(`skipped: no built site in ${dist}/ (run \`npm run build\` first, or pass --dist <dir>)`);
      return [];
    }
    const unlisted = unlistedSliders(dist);
    if (unlisted.length > 0) ctx.log(`WARNING: sliders in no listed widget (add them to SLIDER_WIDGETS): ${unlisted.join(', ')}`);
    const site = await serveStatic(dist);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const rows: BenchRow[] = [];
    try {
      for (const pagePath of [...new Set(SLIDER_WIDGETS.map((w) => w.page))]) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.goto(site.url + pagePath, { waitUntil: 'networkidle' });
        for (const widget of SLIDER_WIDGETS.filter((w) => w.page === pagePath)) {
          const frames = widget.kind === 'math' ? 2 : 3;
          const budget = frames * FRAME_MS;
          try {
            const durations = await measureWidget(page, widget);
            const ms = median(durations);
            ctx.log(`${widget.id} (${widget.kind}): median ${ms.toFixed(1)} ms = ${(ms / budget).toFixed(2)} × its ${frames}-frame budget, max ${Math.max(...durations).toFixed(1)} ms`);
            rows.push({
              name: `slider→redraw ${widget.id} (${widget.kind})`, unit: 'ms', higherIsBetter: false, engine: ms,
              reference: budget, referenceName: `${frames} frames`,
              target: { minSpeedRatio: 1, text: `median within ${frames} frames` },
            });
          } catch (error) {
            ctx.log(`${widget.id}: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
          }
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await site.close();
    }
    return rows;
  },
};
