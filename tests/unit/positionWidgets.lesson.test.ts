// The lesson's own worked example ("dog bites man"): one attention layer with identity maps, scores divided by √2,
// computed here with the engine's softmax and compared with the numbers printed in lessons/08-position.mdx.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { softmaxWithTemperature } from '../../engine/softmax.ts';

const vectors: Record<string, [number, number]> = { dog: [1, 0], bites: [0, 1], man: [1, 1] };

/** Outputs of one attention layer over the tokens, with or without the causal mask. -> [T][2] */
function attend(tokens: string[], causal: boolean): [number, number][] {
  const x = tokens.map((t) => vectors[t]);
  return x.map((q, i) => {
    const visible = causal ? x.slice(0, i + 1) : x;
    const weights = softmaxWithTemperature(visible.map((k) => (q[0] * k[0] + q[1] * k[1]) / Math.SQRT2), 1).probs;
    return [0, 1].map((c) => visible.reduce((sum, v, j) => sum + weights[j] * v[c], 0)) as [number, number];
  });
}
const round3 = (rows: [number, number][]) => rows.map(([a, b]) => [Number(a.toFixed(3)), Number(b.toFixed(3))]);
const lesson = readFileSync(new URL('../../lessons/08-position.mdx', import.meta.url), 'utf8');

describe('attention without positions sees a set', () => {
  it('"dog bites man" and "man bites dog": the same outputs, rows swapped (the lesson table)', () => {
    expect(round3(attend(['dog', 'bites', 'man'], false))).toEqual([[0.802, 0.599], [0.599, 0.802], [0.752, 0.752]]);
    expect(round3(attend(['man', 'bites', 'dog'], false))).toEqual([[0.752, 0.752], [0.599, 0.802], [0.802, 0.599]]);
    expect(lesson).toContain('| 0 | dog | (0.802, 0.599) | man | (0.752, 0.752) |');
  });

  it('dog puts 0.401 on itself and on man and 0.198 on bites, wherever it sits', () => {
    const weights = softmaxWithTemperature([1, 0, 1].map((d) => d / Math.SQRT2), 1).probs;
    expect(weights.map((w) => Number(w.toFixed(3)))).toEqual([0.401, 0.198, 0.401]);
  });

  it('under the causal mask the last position still sees a bag, but earlier ones differ', () => {
    const a = round3(attend(['dog', 'bites', 'man'], true));
    const b = round3(attend(['bites', 'dog', 'man'], true));
    expect(a).toEqual([[1, 0], [0.33, 0.67], [0.752, 0.752]]);
    expect(b).toEqual([[0, 1], [0.67, 0.33], [0.752, 0.752]]);
    expect(lesson).toContain('| 1 | bites | (0.330, 0.670) | dog | (0.670, 0.330) |');
  });
});

describe('the lesson prints the curriculum numbers', () => {
  it('GPT-2’s table is 1,024 × 768 = 786,432 parameters', () => {
    expect(1024 * 768).toBe(786432);
    expect(lesson).toContain('1{,}024 \\times 768 = 786{,}432');
  });

  it('says how the engine pairs rotary dimensions', () => {
    expect(lesson).toContain('Our engine pairs them as $(2i, 2i+1)$');
  });
});

describe('how loud the sinusoidal table is (the lesson’s claims, on the committed models)', () => {
  it('a row of the table has length √(d/2), far above a trained word vector (about 1), and tw-sin adds a scaled table', async () => {
    const { readModelDir } = await import('../../scripts/modelDir.ts');
    const { sinusoidalTable, modelSinusoidalTable } = await import('../../engine/positions.ts');
    const { model: learned } = await readModelDir('public/models/tw-learned');
    const d = learned.config.dModel;
    const norm = (t: Float32Array, r: number) => Math.hypot(...t.subarray(r * d, (r + 1) * d));
    const table = sinusoidalTable(64, d);
    for (const r of [0, 1, 40]) expect(norm(table, r)).toBeCloseTo(Math.sqrt(d / 2), 5);
    const words = learned.params.wte;
    const rows = words.length / d;
    const meanWordLength = Array.from({ length: rows }, (_, r) => norm(words, r)).reduce((a, b) => a + b, 0) / rows;
    expect(meanWordLength).toBeGreaterThan(0.5);
    expect(meanWordLength).toBeLessThan(1.5);
    const { model: sin } = await readModelDir('public/models/tw-sin');
    const scale = sin.config.sinusoidalScale!;
    expect(scale).toBeLessThan(1);
    expect(norm(modelSinusoidalTable(sin.config), 1)).toBeCloseTo(scale * Math.sqrt(d / 2), 5);
  });
});
