// Why √d_k (curriculum chapter 6, example (e)): seeded random queries and keys, the spread of their scores and
// how peaked the softmax over 8 keys gets with and without the scaling.
import { describe, expect, test } from 'vitest';
import { KEY_COUNT, TRIALS, WIDTHS, rawScores, saturation, standardDeviation, whyRootDSchema, whyRootDView } from '../../widgets/attention/toy/whyRootDModel.ts';

describe('the score spread grows like √d_k', () => {
  test('d_k = 64: std ≈ 8 raw, ≈ 1 scaled', () => {
    expect(whyRootDView({ dk: 64, scaled: false }).scoreStd).toBeGreaterThan(7.5);
    expect(whyRootDView({ dk: 64, scaled: false }).scoreStd).toBeLessThan(8.5);
    expect(Math.abs(whyRootDView({ dk: 64, scaled: true }).scoreStd - 1)).toBeLessThan(0.06);
  });
  test('raw std / √d_k stays near 1 for every offered width', () => {
    for (const dk of WIDTHS.filter((d) => d <= 128)) {
      expect(Math.abs(standardDeviation(rawScores(dk)) / Math.sqrt(dk) - 1), `d_k = ${dk}`).toBeLessThan(0.08);
    }
  });
  test('the samples are seeded: the same width gives the same numbers', () => {
    expect(rawScores(16)).toHaveLength(TRIALS * KEY_COUNT);
    expect(rawScores(16)[5]).toBe(rawScores(16)[5]);
  });
});

describe('without scaling the softmax saturates', () => {
  test('d_k = 64, 8 keys: mean largest weight ≈ 0.87 unscaled, ≈ 0.36 scaled', () => {
    const view = whyRootDView({ dk: 64, scaled: false });
    expect(view.raw.meanMaxWeight).toBeCloseTo(0.87, 1);
    expect(Math.abs(view.raw.meanMaxWeight - 0.87)).toBeLessThan(0.03);
    expect(Math.abs(view.scaledBy.meanMaxWeight - 0.36)).toBeLessThan(0.03);
  });
  test('unscaled entropy falls toward 0 as d_k grows; scaled it stays near the same value', () => {
    const h = [4, 16, 64].map((dk) => saturation(rawScores(dk), 1).meanEntropy);
    expect(h[0]).toBeGreaterThan(h[1]);
    expect(h[1]).toBeGreaterThan(h[2]);
    const scaled = [4, 16, 64].map((dk) => saturation(rawScores(dk), Math.sqrt(dk)).meanEntropy);
    expect(Math.max(...scaled) - Math.min(...scaled)).toBeLessThan(0.1);
    // A flat row over 8 keys has entropy ln 8; every mean is below it.
    for (const x of [...h, ...scaled]) expect(x).toBeLessThan(Math.log(8));
  });
  test('the example row is 8 weights summing to 1, and the schema accepts only offered widths', () => {
    const w = whyRootDView({ dk: 8, scaled: true }).exampleWeights;
    expect(w).toHaveLength(8);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(whyRootDSchema.safeParse({ dk: 64, scaled: true }).success).toBe(true);
    expect(whyRootDSchema.safeParse({ dk: 63, scaled: true }).success).toBe(false);
  });
});
