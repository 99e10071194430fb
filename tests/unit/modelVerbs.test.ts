import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forward } from '../../engine/model.ts';
import { config, files, params, recordingContext, serveTinyModel, vocab } from './fixtures/servedModel.ts';
import { handle } from '../../engine/handlers.ts';
import { clearModels } from '../../engine/modelStore.ts';

function serve(overrides: Record<string, Response> = {}) {
  serveTinyModel(overrides);
}

function context() {
  const { ctx, progress } = recordingContext();
  return { ctx, progress: { at: (i: number) => { const p = progress.at(i); return p && [p.done, p.total]; }, get length() { return progress.length; } } };
}

beforeEach(() => clearModels());
afterEach(() => vi.unstubAllGlobals());

describe('loadModel', () => {
  it('downloads, verifies and summarises the model, reporting byte progress up to the full size', async () => {
    serve();
    const { ctx, progress } = context();
    const summary = await handle('loadModel', { name: 'tiny' }, ctx);
    expect(summary.parameterCount).toBe(files.manifest.parameterCount);
    expect(summary.vocabulary).toEqual(vocab);
    expect(progress.at(-1)).toEqual([files.weights.byteLength, files.weights.byteLength]);
  });

  it('a flipped byte in the weights is refused with the checksum sentence', async () => {
    const corrupt = files.weights.slice();
    corrupt[100] ^= 0xff;
    serve({ '/models/tiny/weights.bin': new Response(corrupt) });
    await expect(handle('loadModel', { name: 'tiny' }, context().ctx)).rejects.toMatchObject({ code: 'model-file' });
  });

  it('a truncated download is refused as incomplete', async () => {
    serve({ '/models/tiny/weights.bin': new Response(files.weights.slice(0, 1000)) });
    const err = await handle('loadModel', { name: 'tiny' }, context().ctx).catch((e) => e);
    expect(err.code).toBe('model-file');
    expect(err.message).toMatch(/incomplete|expected/i);
  });

  it('a missing model says so, and a malformed name is refused before any request', async () => {
    serve();
    await expect(handle('loadModel', { name: 'nope' }, context().ctx)).rejects.toThrow(/not available/);
    await expect(handle('loadModel', { name: '../etc' }, context().ctx)).rejects.toMatchObject({ code: 'bad-input' });
  });
});

describe('model verbs', () => {
  beforeEach(async () => {
    serve();
    await handle('loadModel', { name: 'tiny' }, context().ctx);
  });

  it('verbs before loading name the missing model', async () => {
    clearModels();
    await expect(handle('forward', { model: 'tiny', text: 'the cat' }, context().ctx)).rejects.toMatchObject({ code: 'model-not-loaded' });
  });

  it('tokenize reports unknown words with their positions instead of dropping them', async () => {
    const r = await handle('tokenize', { model: 'tiny', text: 'The cat ate a zebra.' }, context().ctx);
    expect(r.tokens).toEqual(['the', 'cat', 'ate', 'a', '<unk>', '.']);
    expect(r.unknown).toEqual([{ word: 'zebra', start: 14, end: 19 }]);
  });

  it('forward returns the same logits as the engine run directly, and transfers them', async () => {
    const { ctx } = context();
    const r = await handle('forward', { model: 'tiny', text: 'the cat ate', trace: true }, ctx);
    const direct = forward({ config, params }, [10, 11, 12]).logits;
    expect(Array.from(r.logits)).toEqual(Array.from(direct));
    expect(r.trace?.layers).toHaveLength(2);
    expect(ctx.transfer).toContain(r.logits.buffer);
  });

  it('refuses text the model cannot read, with a sentence that helps', async () => {
    const run = (text: string) => handle('forward', { model: 'tiny', text }, context().ctx);
    await expect(run('')).rejects.toThrow(/empty/);
    await expect(run('the cat ate a fsh')).rejects.toThrow(/never seen the word "fsh".*"fish"/);
    await expect(run('the cat ate a fish . the dog ate')).rejects.toThrow(/9 tokens; this model reads at most 8/);
    await expect(run('x'.repeat(300_000))).rejects.toThrow(/at most 200,000/);
  });

  it('nextToken gives candidates in probability order that match a softmax of the last logits', async () => {
    const r = await handle('nextToken', { model: 'tiny', text: 'the cat', top: 5 }, context().ctx);
    expect(r.candidates).toHaveLength(5);
    const V = vocab.length;
    const last = forward({ config, params }, [10, 11]).logits.slice(V, 2 * V);
    const max = Math.max(...last);
    const z = Array.from(last).reduce((s, l) => s + Math.exp(l - max), 0);
    for (const c of r.candidates) expect(c.prob).toBeCloseTo(Math.exp(last[c.id] - max) / z, 5);
    expect(r.candidates.map((c) => c.prob)).toEqual([...r.candidates.map((c) => c.prob)].sort((a, b) => b - a));
  });

  it('nextToken applies top-k to the sampling set', async () => {
    const r = await handle('nextToken', { model: 'tiny', text: 'the cat', topK: 3 }, context().ctx);
    expect(r.sampling.ids).toHaveLength(3);
    expect(r.sampling.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('logitLens ends with the model’s own prediction at that position', async () => {
    const lens = await handle('logitLens', { model: 'tiny', text: 'the cat ate', top: 3 }, context().ctx);
    const next = await handle('nextToken', { model: 'tiny', text: 'the cat ate', top: 3 }, context().ctx);
    expect(lens.stages.at(-1)!.top.map((c) => c.id)).toEqual(next.candidates.map((c) => c.id));
    expect(lens.stages[0].stage).toBe('embeddings');
  });

  it('rejects a rotary frequency list of the wrong length', async () => {
    await expect(handle('forward', { model: 'tiny', text: 'the cat', ropeFreqScale: [1, 2] }, context().ctx)).rejects.toThrow(/each of the 4 rotary pairs/);
  });
});
