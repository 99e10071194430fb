import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** The loosely typed reply a test reads back from the worker inside the page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- page.evaluate crosses a serialisation boundary
type Reply = { type: string; result?: any; error?: { code: string; message: string } };

// The real engine worker bundle, in Chromium, loading a real model file over HTTP from the built site.
// The tiny random model is written into dist/ by the engine CLI; astro preview serves it like any static file.
const dir = 'dist/models/e2e-tiny';

test.beforeAll(() => {
  if (!existsSync(`${dir}/manifest.json`)) execFileSync('npx', ['tsx', 'scripts/engine.ts', 'make-test-model', '--out', dir, '--seed', '3'], { stdio: 'pipe' });
});

/** Finds the URL of the engine worker bundle by letting the softmax lab start it. */
async function workerUrl(page: import('@playwright/test').Page): Promise<string> {
  const started = page.waitForEvent('worker');
  await page.goto('/chapters/softmax/');
  await page.locator('#softmax-lab').scrollIntoViewIfNeeded();
  return (await started).url();
}

test('the worker loads a model file and answers a forward pass', async ({ page }) => {
  const url = await workerUrl(page);
  const answer = await page.evaluate(async (workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module' });
    const progress: number[] = [];
    const ask = (id: number, verb: string, params: unknown) =>
      new Promise<Reply>((resolve) => {
        worker.addEventListener('message', function listen(event: MessageEvent) {
          if (event.data.id !== id) return;
          if (event.data.type === 'progress') return progress.push(event.data.done);
          worker.removeEventListener('message', listen);
          resolve(event.data);
        });
        worker.postMessage({ type: 'request', id, verb, params });
      });
    const loaded = await ask(1, 'loadModel', { name: 'e2e-tiny' });
    const words = loaded.result.vocabulary.filter((w: string) => /^[a-z]+$/.test(w)).slice(0, 3).join(' ');
    const ran = await ask(2, 'forward', { model: 'e2e-tiny', text: words, trace: true });
    worker.terminate();
    return {
      loaded: loaded.type, params: loaded.result.parameterCount, progress: progress.length,
      ran: ran.type, logitsIsTyped: ran.result.logits instanceof Float32Array, logitsLength: ran.result.logits.length,
      V: loaded.result.config.vocabSize, T: ran.result.ids.length, layers: ran.result.trace.layers.length,
    };
  }, url);
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  expect(answer.loaded).toBe('result');
  expect(answer.params).toBe(manifest.parameterCount);
  expect(answer.progress).toBeGreaterThan(0);
  expect(answer.ran).toBe('result');
  expect(answer.logitsIsTyped).toBe(true);
  expect(answer.logitsLength).toBe(answer.T * answer.V);
  expect(answer.layers).toBe(manifest.config.nLayers);
});

test('a corrupted model file is refused with a sentence, not a hang', async ({ page }) => {
  const corruptDir = 'dist/models/e2e-corrupt';
  execFileSync('npx', ['tsx', 'scripts/engine.ts', 'make-test-model', '--out', corruptDir, '--seed', '4'], { stdio: 'pipe' });
  const weights = readFileSync(`${corruptDir}/weights.bin`);
  weights[weights.length - 5] ^= 0xff;
  writeFileSync(`${corruptDir}/weights.bin`, weights);
  const url = await workerUrl(page);
  const reply = await page.evaluate(async (workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module' });
    const result = await new Promise<Reply>((resolve) => {
      worker.onmessage = (event) => event.data.type !== 'progress' && resolve(event.data);
      worker.postMessage({ type: 'request', id: 1, verb: 'loadModel', params: { name: 'e2e-corrupt' } });
    });
    worker.terminate();
    return result;
  }, url);
  expect(reply.type).toBe('error');
  expect(reply.error?.code).toBe('model-file');
  expect(reply.error?.message).toMatch(/checksum|damaged|corrupt/i);
});
