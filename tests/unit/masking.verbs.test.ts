// The masking chapter's verbs: per-position losses against a log-softmax written here, and the Append mode's
// "largest change to an earlier row" — exactly 0 with the causal mask, above 0 without — from engine forward passes.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forward } from '../../engine/model.ts';
import { handle } from '../../engine/handlers.ts';
import { putModel } from '../../engine/modelStore.ts';
import { readModelDir } from '../../scripts/modelDir.ts';
import { config, params, recordingContext, serveTinyModel, vocab } from './fixtures/servedModel.ts';

const ctx = () => recordingContext().ctx;

beforeAll(async () => {
  serveTinyModel();
  await handle('loadModel', { name: 'tiny' }, ctx());
  const { model, tokenizer, manifest } = await readModelDir('public/models/tw-learned');
  putModel({ name: 'tw-learned', model, tokenizer, manifest });
});
afterEach(() => vi.unstubAllGlobals());

/** Oracle: −ln softmax(row)[target] in float64, straight from forward()'s logits. */
function nll(logits: Float32Array, row: number, V: number, target: number): number {
  const z = Array.from(logits.subarray(row * V, (row + 1) * V));
  const max = Math.max(...z);
  const logSum = Math.log(z.reduce((s, x) => s + Math.exp(x - max), 0)) + max;
  return logSum - z[target];
}

describe('positionLosses', () => {
  it('gives T − 1 losses, each −ln p of the actual next token from the forward logits, and their mean', async () => {
    const words = ['the', 'cat', 'ate', 'a', 'fish'];
    const ids = words.map((w) => vocab.indexOf(w));
    const r = await handle('positionLosses', { model: 'tiny', text: words.join(' ') }, ctx());
    const { logits } = forward({ config, params }, ids);
    expect(r.losses).toHaveLength(4);
    r.losses.forEach((l, t) => {
      expect(l.next).toBe(words[t + 1]);
      expect(l.loss).toBeCloseTo(nll(logits, t, vocab.length, ids[t + 1]), 4);
      expect(l.prob).toBeCloseTo(Math.exp(-l.loss), 10);
      expect(l.topProb).toBeGreaterThanOrEqual(l.prob);
    });
    expect(r.meanLoss).toBeCloseTo(r.losses.reduce((s, l) => s + l.loss, 0) / 4, 10);
  });

  it('switching the mask off at inference changes the losses (later tokens leak in)', async () => {
    const on = await handle('positionLosses', { model: 'tiny', text: 'the cat ate a fish' }, ctx());
    const off = await handle('positionLosses', { model: 'tiny', text: 'the cat ate a fish', causal: false }, ctx());
    expect(off.losses[0].loss).not.toBe(on.losses[0].loss);
  });

  it('refuses a single token with a sentence', async () => {
    await expect(handle('positionLosses', { model: 'tiny', text: 'the' }, ctx())).rejects.toThrow(/at least two tokens/);
  });
});

describe('appendCompare on the fixture', () => {
  it('with the mask: no earlier row, key or value changes at all, and the KV cache equals the full pass bit for bit', async () => {
    const r = await handle('appendCompare', { model: 'tiny', text: 'the cat ate', appended: 'a fish' }, ctx());
    expect(r.appendedTokens).toEqual(['a', 'fish']);
    expect(r.rowChanges).toHaveLength(3);
    expect(r.maxAbsDiffEarlier).toBe(0);
    expect(r.kvChangeByLayer).toEqual([0, 0]);
    expect(r.cacheVsFull).toBe(0);
    expect(r.topAfter).toEqual(r.topBefore);
  });

  it('without the mask: earlier rows change, and so do the keys and values of every layer after the first', async () => {
    const r = await handle('appendCompare', { model: 'tiny', text: 'the cat ate', appended: 'a fish', causal: false }, ctx());
    expect(r.maxAbsDiffEarlier).toBeGreaterThan(0);
    // Layer 1's keys and values come from each token's own embedding, so they cannot see the new token.
    expect(r.kvChangeByLayer[0]).toBe(0);
    expect(r.kvChangeByLayer[1]).toBeGreaterThan(0);
    expect(r.cacheVsFull).toBeNull();
  });

  it('refuses an empty or unknown appended word and a text that would overflow the context', async () => {
    await expect(handle('appendCompare', { model: 'tiny', text: 'the cat', appended: '  ' }, ctx())).rejects.toThrow(/word to append/);
    await expect(handle('appendCompare', { model: 'tiny', text: 'the cat', appended: 'zebra' }, ctx())).rejects.toThrow(/never seen the word "zebra"/);
    await expect(handle('appendCompare', { model: 'tiny', text: 'the cat ate a fish . the', appended: 'dog ate' }, ctx())).rejects.toThrow(/at most 8/);
  });
});

describe('appendCompare on tw-learned (the append-and-compare exercise)', () => {
  it('"the bear ate the honey" + "because": largest change to an earlier row is exactly 0 with the mask, above 1e-3 without', async () => {
    const masked = await handle('appendCompare', { model: 'tw-learned', text: 'the bear ate the honey', appended: 'because' }, ctx());
    expect(masked.tokens).toEqual(['the', 'bear', 'ate', 'the', 'honey']);
    expect(masked.maxAbsDiffEarlier).toBe(0);
    expect(masked.kvChangeByLayer.every((c) => c === 0)).toBe(true);
    expect(masked.cacheVsFull).toBe(0);
    const open = await handle('appendCompare', { model: 'tw-learned', text: 'the bear ate the honey', appended: 'because', causal: false }, ctx());
    expect(open.maxAbsDiffEarlier).toBeGreaterThan(1e-3);
    expect(open.kvChangeByLayer.slice(1).every((c) => c > 0)).toBe(true);
  });
});
