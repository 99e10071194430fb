import { describe, expect, it } from 'vitest';
import { argmax, sampleToken, samplingDistribution } from '../../engine/sample.ts';
import { createRng } from '../../engine/rng.ts';
import { generate } from '../../engine/sampling/generate.ts';
import { forward } from '../../engine/model.ts';
import { initParams } from '../../engine/params.ts';
import type { ModelConfig } from '../../engine/config.ts';

const FIVE = [4, 3, 2, 1, -1]; // curriculum chapter 5: apple, orange, egg, umbrella, elephant
const pct = (probs: number[]) => probs.map((p) => Number((p * 100).toFixed(2)));

/** Independent softmax for the oracle side of the tests. */
function softmax(logits: number[], tau = 1): number[] {
  const e = logits.map((z) => Math.exp(z / tau));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

function randomLogits(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => (rng() - 0.5) * 8);
}

describe('samplingDistribution: curriculum chapter 5 worked numbers', () => {
  it('τ = 1 keeps all five at 64.11 / 23.59 / 8.68 / 3.19 / 0.43 %', () => {
    const d = samplingDistribution(FIVE, { temperature: 1 });
    expect(d.ids).toEqual([0, 1, 2, 3, 4]);
    expect(pct(d.probs)).toEqual([64.11, 23.59, 8.68, 3.19, 0.43]);
  });

  it('top-k 2 → 73.11 / 26.89 %', () => {
    const d = samplingDistribution(FIVE, { topK: 2 });
    expect(d.ids).toEqual([0, 1]);
    expect(pct(d.probs)).toEqual([73.11, 26.89]);
  });

  it('top-p 0.9 keeps 3 → 66.52 / 24.47 / 9.00 %; at τ 2 it keeps 4', () => {
    const d = samplingDistribution(FIVE, { topP: 0.9 });
    expect(d.ids).toEqual([0, 1, 2]);
    expect(pct(d.probs)).toEqual([66.52, 24.47, 9.0]);
    expect(samplingDistribution(FIVE, { temperature: 2, topP: 0.9 }).ids).toHaveLength(4);
  });

  it('nucleus-count: exactly 3 kept for p in (0.8770, 0.9638], 2 below, 4 above', () => {
    expect(samplingDistribution(FIVE, { topP: 0.876 }).ids).toHaveLength(2);
    expect(samplingDistribution(FIVE, { topP: 0.8771 }).ids).toHaveLength(3);
    expect(samplingDistribution(FIVE, { topP: 0.9637 }).ids).toHaveLength(3);
    expect(samplingDistribution(FIVE, { topP: 0.965 }).ids).toHaveLength(4);
  });

  it('entropy of (4, 3, 1) is 0.380 / 0.714 / 0.953 nats at τ 0.5 / 1 / 2', () => {
    expect([0.5, 1, 2].map((t) => samplingDistribution([4, 3, 1], { temperature: t }).entropy.toFixed(3))).toEqual(['0.380', '0.714', '0.953']);
  });
});

describe('samplingDistribution: general properties', () => {
  it('top-k keeps exactly the k highest logits', () => {
    const logits = randomLogits(50, 1);
    const byValue = logits.map((z, i) => [z, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    for (const k of [1, 5, 17, 49, 50]) {
      const d = samplingDistribution(logits, { topK: k });
      expect(d.ids).toEqual(byValue.slice(0, k));
      expect(d.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('top-p keeps the smallest most-likely-first set with mass ≥ p', () => {
    const logits = randomLogits(40, 2);
    const full = softmax(logits);
    for (const p of [0.05, 0.3, 0.5, 0.75, 0.9, 0.99]) {
      const { ids } = samplingDistribution(logits, { topP: p });
      const mass = ids.reduce((s, id) => s + full[id], 0);
      const massWithoutLast = mass - full[ids[ids.length - 1]];
      expect(mass).toBeGreaterThanOrEqual(p);
      expect(massWithoutLast).toBeLessThan(p);
      // Every kept token is at least as likely as every dropped one.
      const minKept = Math.min(...ids.map((id) => full[id]));
      full.forEach((q, id) => { if (!ids.includes(id)) expect(q).toBeLessThanOrEqual(minKept); });
    }
  });

  it('top-p 1 keeps every token', () => {
    expect(samplingDistribution(randomLogits(300, 3), { topP: 1 }).ids).toHaveLength(300);
  });

  it('measures top-p on the distribution left after top-k (renormalised)', () => {
    // After top-k 2 the top token has 73.11 %, enough for p = 0.7 alone; on the full softmax it has only 64.11 %.
    expect(samplingDistribution(FIVE, { topK: 2, topP: 0.7 }).ids).toEqual([0]);
    expect(samplingDistribution(FIVE, { topP: 0.7 }).ids).toEqual([0, 1]);
  });

  it('applies temperature before truncation: top-p 0.9 keeps 3 at τ 1 but 4 at τ 2', () => {
    const hot = softmax(FIVE, 2);
    expect(hot[0] + hot[1] + hot[2]).toBeLessThan(0.9);
    expect(samplingDistribution(FIVE, { temperature: 2, topP: 0.9 }).ids).toEqual([0, 1, 2, 3]);
  });

  it('τ = 0 is greedy and τ → 0 converges to it', () => {
    const logits = randomLogits(30, 4);
    const best = logits.indexOf(Math.max(...logits));
    expect(samplingDistribution(logits, { temperature: 0 })).toEqual({ ids: [best], probs: [1], entropy: 0 });
    expect(samplingDistribution(logits, { temperature: 1e-3 }).probs[0]).toBeGreaterThan(0.999999);
    const rng = createRng(5);
    for (let i = 0; i < 20; i++) expect(sampleToken(logits, { temperature: 0 }, rng).token).toBe(best);
  });

  it('argmax breaks ties toward the lowest id', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
  });

  it('copes with huge logits without overflow', () => {
    const d = samplingDistribution([1000, 999, -1000], {});
    expect(d.probs[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(d.probs.every(Number.isFinite)).toBe(true);
  });

  it('rejects empty, NaN and infinite logits and bad settings with clear messages', () => {
    expect(() => samplingDistribution([])).toThrow(/no logits/);
    expect(() => samplingDistribution([1, NaN])).toThrow(/Logit 1 is NaN/);
    expect(() => samplingDistribution(new Float32Array([1, Infinity]))).toThrow(/Infinity/);
    expect(() => samplingDistribution([1, 2], { temperature: -1 })).toThrow(/Temperature/);
    expect(() => samplingDistribution([1, 2], { topK: 1.5 })).toThrow(/Top-k/);
    expect(() => samplingDistribution([1, 2], { topP: 0 })).toThrow(/Top-p/);
    expect(() => samplingDistribution([1, 2], { topP: 1.5 })).toThrow(/Top-p/);
  });
});

describe('sampleToken with a seeded rng', () => {
  it('the same seed reproduces the same tokens; another seed gives others', () => {
    const logits = randomLogits(20, 6);
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => sampleToken(logits, { temperature: 1.5 }, rng).token);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('returns the distribution it sampled from, and the token is in it', () => {
    const r = sampleToken(FIVE, { topK: 2 }, createRng(1));
    expect(r.ids).toEqual([0, 1]);
    expect(r.ids).toContain(r.token);
  });

  it('frequencies match the distribution (chi-square, 20,000 draws, fixed seed)', () => {
    const options = { temperature: 1.3, topK: 4 };
    const expected = samplingDistribution(FIVE, options);
    const counts = new Map<number, number>();
    const rng = createRng(2024);
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const t = sampleToken(FIVE, options, rng).token;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3]); // the dropped 5th token never appears
    let chi2 = 0;
    expected.ids.forEach((id, i) => {
      const e = n * expected.probs[i];
      chi2 += ((counts.get(id) ?? 0) - e) ** 2 / e;
    });
    // 3 degrees of freedom: the 0.1 % critical value is 16.27.
    expect(chi2).toBeLessThan(16.27);
  });
});

describe('generate (KV cache and sliding window)', () => {
  const config: ModelConfig = { vocabSize: 12, contextLength: 6, dModel: 8, nLayers: 2, nHeads: 2, dFF: 16, positions: 'learned', ropeBase: 10000 };
  const model = { config, params: initParams(config, 3) };

  /** Reference loop: a full forward pass over the last contextLength tokens at every step. */
  function reference(prompt: number[], n: number, seed: number, causal = true): number[] {
    const rng = createRng(seed);
    const context = [...prompt];
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const window = context.slice(-config.contextLength);
      const all = forward(model, window, { causal }).logits;
      const logits = all.slice((window.length - 1) * config.vocabSize);
      const t = sampleToken(logits, { temperature: 1.2 }, rng).token;
      out.push(t);
      context.push(t);
    }
    return out;
  }

  it('matches a full-forward loop token for token, past the context length', () => {
    // 2 prompt tokens + 10 new ones: the window starts sliding after the 4th generated token.
    const result = generate(model, [1, 5], { maxTokens: 10, seed: 9, temperature: 1.2 });
    expect(result.ids).toEqual(reference([1, 5], 10, 9));
    expect(result.stoppedBy).toBe('max-tokens');
  });

  it('handles a prompt longer than the context and the causal mask switched off', () => {
    const prompt = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(generate(model, prompt, { maxTokens: 4, seed: 2, temperature: 1.2 }).ids).toEqual(reference(prompt, 4, 2));
    expect(generate(model, [3, 4], { maxTokens: 5, seed: 4, temperature: 1.2, forwardOptions: { causal: false } }).ids).toEqual(reference([3, 4], 5, 4, false));
  });

  it('stops right after a stop token and reports why', () => {
    const free = generate(model, [1], { maxTokens: 8, seed: 1, temperature: 1.2 });
    const stopAt = free.ids[2];
    const stopped = generate(model, [1], { maxTokens: 8, seed: 1, temperature: 1.2, stopIds: [stopAt] });
    expect(stopped.stoppedBy).toBe('stop-token');
    expect(stopped.ids).toEqual(free.ids.slice(0, free.ids.indexOf(stopAt) + 1));
  });
});
