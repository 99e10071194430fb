// The generationLoop verb and its cost counts. The cost formulas are checked against counts worked out by hand
// for small configs and against the curriculum's n(12d² + 2Td) + Vd; the verb against the real course model.
import { beforeAll, describe, expect, test } from 'vitest';
import { courseConfig } from '../../engine/config.ts';
import { handle } from '../../engine/handlers.ts';
import { putModel } from '../../engine/modelStore.ts';
import { cachedStepMacs, fullPassMacs, generationStepMacs, kvCacheNumbers, prefillMacs } from '../../engine/verbs/generationCost.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import { recordingContext } from './fixtures/servedModel.ts';

beforeAll(async () => {
  const { model, tokenizer, manifest } = await readModelDir(new URL('../../public/models/tw-learned', import.meta.url).pathname);
  putModel({ name: 'tw-learned', model, tokenizer, manifest });
});

const run = (kvCache: boolean, extra: Record<string, unknown> = {}) =>
  handle('generationLoop', { model: 'tw-learned', text: 'the fox', maxTokens: 10, seed: 3, kvCache, ...extra }, recordingContext().ctx);

describe('cost counts', () => {
  // A tiny config small enough to count on paper: d = 2, d_ff = 8 (= 4d), 1 block, V = 3.
  const tiny = { ...courseConfig(3), dModel: 2, dFF: 8, nLayers: 1, nHeads: 1 };

  test('a cached step at T = 3 in the tiny config: 4·4 + 2·2·8 + 2·3·2 + 3·2 = 16 + 32 + 12 + 6 = 66', () => {
    expect(cachedStepMacs(tiny, 3)).toBe(66);
  });

  test('a full pass over T = 3 in the tiny config: 3·48 + 2·9·2 + 3·3·2 = 144 + 36 + 18 = 198', () => {
    expect(fullPassMacs(tiny, 3)).toBe(198);
  });

  test('the curriculum formula n(12d² + 2Td) + Vd when d_ff = 4d, for the course shape at T = 10', () => {
    const c = courseConfig(400);
    expect(cachedStepMacs(c, 10)).toBe(4 * (12 * 64 * 64 + 2 * 10 * 64) + 400 * 64);
  });

  test('step 1 reads the prompt: prefill with a cache (one position at a time), one full pass without', () => {
    expect(generationStepMacs(tiny, 2, 1, true)).toBe(cachedStepMacs(tiny, 1) + cachedStepMacs(tiny, 2));
    expect(prefillMacs(tiny, 2)).toBe(generationStepMacs(tiny, 2, 1, true));
    expect(generationStepMacs(tiny, 2, 1, false)).toBe(fullPassMacs(tiny, 2));
    expect(generationStepMacs(tiny, 2, 4, true)).toBe(cachedStepMacs(tiny, 5));
    expect(generationStepMacs(tiny, 2, 4, false)).toBe(fullPassMacs(tiny, 5));
  });

  test('later steps: the cached cost grows only through attention (2d per extra position per block); the full pass grows much faster', () => {
    const c = courseConfig(400);
    expect(cachedStepMacs(c, 11) - cachedStepMacs(c, 10)).toBe(c.nLayers * 2 * c.dModel);
    expect(fullPassMacs(c, 11) - fullPassMacs(c, 10)).toBeGreaterThan(100 * (cachedStepMacs(c, 11) - cachedStepMacs(c, 10)));
  });

  test('the cache holds a key and a value row per block and position: 2 · 4 · 10 · 64 = 5,120 numbers', () => {
    expect(kvCacheNumbers(courseConfig(400), 10)).toBe(5120);
  });
});

describe('generationLoop verb', () => {
  test('cache on and off give identical tokens and probabilities for the same seed', async () => {
    const [on, off] = await Promise.all([run(true), run(false)]);
    expect(on.steps.length).toBeGreaterThan(0);
    expect(on.steps.map((s) => s.token)).toEqual(off.steps.map((s) => s.token));
    expect(on.steps.map((s) => s.prob)).toEqual(off.steps.map((s) => s.prob));
  });

  test('the cache only saves work: fewer multiply–adds in total and at every step after the first', async () => {
    const [on, off] = await Promise.all([run(true), run(false)]);
    expect(on.totalMacs).toBeLessThan(off.totalMacs);
    for (let i = 1; i < on.steps.length; i++) expect(on.steps[i].macs).toBeLessThan(off.steps[i].macs);
    expect(on.totalMacs).toBe(on.steps.reduce((s, x) => s + x.macs, 0));
  });

  test('cache size grows by one key and one value row per block and step; no cache, nothing stored', async () => {
    const [on, off] = await Promise.all([run(true), run(false)]);
    const perPosition = 2 * 4 * 64;
    for (let i = 1; i < on.steps.length; i++) expect(on.steps[i].cacheNumbers - on.steps[i - 1].cacheNumbers).toBe(perPosition);
    expect(on.steps[0].cacheNumbers).toBe(perPosition * 2);
    expect(off.steps.every((s) => s.cacheNumbers === 0)).toBe(true);
  });

  test('a different seed can give different tokens (the run is really sampled)', async () => {
    const texts = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) texts.add((await run(true, { seed })).steps.map((s) => s.token).join(' '));
    expect(texts.size).toBeGreaterThan(1);
  });

  test('more tokens than fit in the context are refused with a sentence', async () => {
    await expect(run(true, { maxTokens: 63 })).rejects.toThrow(/between 1 and 62/);
    await expect(run(false, { maxTokens: 0 })).rejects.toThrow(/between 1 and 62/);
    await expect(run(true, { text: 'the zorblax' })).rejects.toThrow(/never seen the word "zorblax"/);
  });
});
