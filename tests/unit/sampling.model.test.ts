// SamplingPanel's pure model: seeded draws from cached logits, the kept set, the table rows, and the URL schema.
import { describe, expect, test } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import {
  DEFAULT_SAMPLING, distributionRows, drawSamples, samplingOptions, samplingState, samplingView, type CachedLogits, type SamplingSettings,
} from '../../widgets/sampling/samplingModel.ts';
import { trailingRepeat } from '../../widgets/sampling/generationRun.svelte.ts';

// The chapter's five-token example as "logits" of a five-word vocabulary.
const vocabulary = ['apple', 'orange', 'egg', 'umbrella', 'elephant'];
const cached: CachedLogits = { prompt: 'in the store , i bought an', logits: Float32Array.from([4, 3, 2, 1, -1]), vocabulary };
const settings = (over: Partial<SamplingSettings> = {}): SamplingSettings => ({ ...DEFAULT_SAMPLING, ...over });

describe('samplingView on cached logits', () => {
  test('the kept set follows the curriculum numbers: top-p 0.9 keeps 3 tokens at 66.52 / 24.47 / 9.00 %', () => {
    const view = samplingView(settings({ topP: 0.9 }), cached);
    expect(view.kept).toEqual(['apple', 'orange', 'egg']);
    expect(view.keptProbs.map((p) => +(p * 100).toFixed(2))).toEqual([66.52, 24.47, 9.0]);
  });

  test('the same seed gives the same 20 samples; the next seed another batch', () => {
    const a = samplingView(settings({ seed: 3 }), cached);
    const b = samplingView(settings({ seed: 3 }), cached);
    const c = samplingView(settings({ seed: 4 }), cached);
    expect(a.samples).toHaveLength(20);
    expect(b.samples).toEqual(a.samples);
    expect(c.samples).not.toEqual(a.samples);
  });

  test('draws match an independent inverse-CDF over the τ = 1 softmax, with the same generator', () => {
    const e = [4, 3, 2, 1, -1].map(Math.exp);
    const total = e.reduce((x, y) => x + y, 0);
    const rng = createRng(11);
    const expected = Array.from({ length: 20 }, () => {
      const u = rng();
      let cumulative = 0;
      for (let i = 0; i < e.length; i++) {
        cumulative += e[i] / total;
        if (u < cumulative) return vocabulary[i];
      }
      return vocabulary[4];
    });
    expect(samplingView(settings({ seed: 11 }), cached).samples).toEqual(expected);
  });

  test('greedy, top-k 1 and a tiny top-p all make every sample the top token', () => {
    for (const over of [{ mode: 'greedy' as const }, { topK: 1 }, { topP: 0.5 }]) {
      const view = samplingView(settings(over), cached);
      expect(view.distinct).toBe(1);
      expect(new Set(view.samples)).toEqual(new Set(['apple']));
      expect(view.entropy).toBe(0);
    }
  });

  test('over 2,000 draws the counts follow the probabilities (within 3 points)', () => {
    const view = samplingView(settings({ n: 100 }), cached);
    expect(view.samples).toHaveLength(100);
    const distribution = { ids: [0, 1, 2, 3, 4], probs: [0.6411, 0.2359, 0.0868, 0.0319, 0.0043], entropy: 0 };
    const draws = drawSamples(distribution, 5, 2000);
    const share = (id: number) => draws.filter((d) => d === id).length / 2000;
    distribution.probs.forEach((p, id) => expect(Math.abs(share(id) - p)).toBeLessThan(0.03));
  });

  test('logits for another prompt, or none yet, give no samples', () => {
    expect(samplingView(settings({ prompt: 'the king and the' }), cached).samples).toEqual([]);
    expect(samplingView(settings(), null).samples).toEqual([]);
  });

  test('invalid settings never throw: they give an empty view', () => {
    expect(samplingView(settings({ topK: Number.NaN }), cached).samples).toEqual([]);
    expect(samplingView(settings({ topP: 0 }), cached).kept).toEqual([]);
  });

  test('greedy ignores τ and truncation when asking the engine', () => {
    expect(samplingOptions(settings({ mode: 'greedy', tau: 3, topK: 2 }))).toEqual({ temperature: 0 });
    expect(samplingOptions(settings({ tau: 0.5, topK: 2, topP: 0.8 }))).toEqual({ temperature: 0.5, topK: 2, topP: 0.8 });
  });
});

describe('distributionRows', () => {
  test('top-k 2 at τ = 1: two kept rows renormalised to 73.11 / 26.89 %, the rest cut', () => {
    const s = settings({ topK: 2 });
    const view = samplingView(s, cached);
    const rows = distributionRows(s, cached, view, 4);
    expect(rows.map((r) => r.token)).toEqual(['apple', 'orange', 'egg', 'umbrella']);
    expect(rows.map((r) => +(r.prob * 100).toFixed(2))).toEqual([64.11, 23.59, 8.68, 3.19]);
    expect(rows.map((r) => r.kept)).toEqual([true, true, false, false]);
    expect(rows.slice(0, 2).map((r) => +(r.renormalised * 100).toFixed(2))).toEqual([73.11, 26.89]);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(20);
    expect(rows[2].count + rows[3].count).toBe(0);
  });

  test('the probability column is taken at the chosen τ (τ = 2 flattens it)', () => {
    const s = settings({ tau: 2 });
    const rows = distributionRows(s, cached, samplingView(s, cached), 2);
    const e = [4, 3, 2, 1, -1].map((z) => Math.exp(z / 2));
    const total = e.reduce((x, y) => x + y, 0);
    expect(rows[0].prob).toBeCloseTo(e[0] / total, 6);
  });
});

describe('trailingRepeat (greedy loop detector)', () => {
  test('finds the shortest repeating run at the end', () => {
    const loop = 'the capital of finland is helsinki . <eos>'.split(' ');
    expect(trailingRepeat(['went', 'home', '.', ...loop, ...loop, ...loop])).toBe(8);
    expect(trailingRepeat('a b c d e f'.split(' '))).toBe(0);
    expect(trailingRepeat([])).toBe(0);
  });
});

describe('URL state', () => {
  test('the curriculum start state of make-it-deterministic is valid', () => {
    const start = { ...samplingState.defaults, prompt: 'the king and the', mode: 'sample', tau: 1, seed: 7, n: 20 };
    expect(samplingState.schema.safeParse(start).success).toBe(true);
  });
  test('out-of-range values are refused', () => {
    for (const bad of [{ tau: 0 }, { tau: 6 }, { topP: 0 }, { topK: -1 }, { n: 0 }, { n: 101 }, { seed: 1.5 }, { prompt: 'x'.repeat(2001) }]) {
      expect(samplingState.schema.safeParse({ ...samplingState.defaults, ...bad }).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
  });
});
