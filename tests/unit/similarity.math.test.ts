// Chapter 4's worked numbers (curriculum "Worked examples"), asserted on the widgets' pure math.
import { describe, expect, test } from 'vitest';
import { distance, dot, measurePair, norm, unit } from '../../widgets/similarity/vectorMath.ts';
import { DEFAULT_SETTINGS, playgroundState, playgroundView } from '../../widgets/similarity/playgroundModel.ts';
import { dimensionSpreadView, randomPairs, standardDeviation } from '../../widgets/similarity/dimensionSpreadModel.ts';
import { PRESETS } from '../../widgets/similarity/vectorPlayground.svelte.ts';

describe('the three measures on the curriculum examples', () => {
  test('bad (3,1) and atrocious (9,3) point the same way (cosine 1) yet sit 6.32 apart; poor (2,2) is nearer but turned', () => {
    const preset = PRESETS.find((p) => p.names[1] === 'atrocious')!;
    const view = playgroundView({ a: preset.a, b: preset.b, c: preset.c, normalise: false });
    expect(view.ab.cosine).toBeCloseTo(1, 12);
    expect(view.ab.dot).toBe(30);
    expect(view.ab.distance).toBeCloseTo(Math.sqrt(40), 12);
    expect(view.ac.dot).toBe(8);
    expect(view.ac.cosine).toBeCloseTo(8 / (Math.sqrt(10) * Math.sqrt(8)), 12); // 0.894
    expect(view.ac.distance).toBeCloseTo(Math.sqrt(2), 12);
    expect([view.byDot, view.byCosine, view.byDistance]).toEqual(['b', 'b', 'c']);
  });

  test('orange (6,1) and Android (1,8): dot 14, cosine 0.285 (73.4°), distance 8.60', () => {
    const m = measurePair([6, 1], [1, 8]);
    expect(m.dot).toBe(14);
    expect(m.cosine).toBeCloseTo(0.285, 3);
    expect(m.angleDeg).toBeCloseTo(73.4, 1);
    expect(m.distance).toBeCloseTo(8.6, 2);
  });

  test('apple (5,5): dot picks Android (45 > 35), cosine and distance pick orange', () => {
    const view = playgroundView(DEFAULT_SETTINGS);
    expect(view.ab.dot).toBe(35);
    expect(view.ac.dot).toBe(45);
    expect(view.ab.cosine).toBeCloseTo(0.814, 3);
    expect(view.ac.cosine).toBeCloseTo(0.789, 3);
    expect(view.ab.distance).toBeCloseTo(4.12, 2);
    expect(view.ac.distance).toBeCloseTo(5.0, 2);
    expect([view.byDot, view.byCosine, view.byDistance]).toEqual(['c', 'b', 'b']);
    expect(view.disagree).toBe(true);
  });

  test('normalising puts every vector on the unit circle, where all three measures agree', () => {
    const view = playgroundView({ ...DEFAULT_SETTINGS, normalise: true });
    expect(norm(view.c)).toBeCloseTo(1, 12);
    expect([view.byDot, view.byCosine, view.byDistance]).toEqual(['b', 'b', 'b']);
    expect(view.disagree).toBe(false);
    // Unit vectors: ‖a − b‖² = 2 − 2 cos θ, and the dot product equals the cosine.
    expect(view.ab.distance ** 2).toBeCloseTo(2 - 2 * view.ab.cosine, 12);
    expect(view.ab.dot).toBeCloseTo(view.ab.cosine, 12);
  });

  test('word1 (10,10) and word2 (50,50): cosine 1, distance 56.57; word3 (5,20): distance 11.18, cosine 0.857 (31°)', () => {
    const same = measurePair([10, 10], [50, 50]);
    expect(same.cosine).toBeCloseTo(1, 12);
    expect(same.distance).toBeCloseTo(56.57, 2);
    const w3 = measurePair([10, 10], [5, 20]);
    expect(w3.distance).toBeCloseTo(11.18, 2);
    expect(w3.cosine).toBeCloseTo(0.857, 3);
    expect(w3.angleDeg).toBeCloseTo(31, 0);
  });

  test('questionnaire: (+1)(+1) + (−1)(−1) + (+1)(−1) = 1; weighting the last ×10 gives −8', () => {
    expect(dot([1, -1, 1], [1, -1, -1])).toBe(1);
    expect(dot([1, -1, 10], [1, -1, -1])).toBe(-8);
  });

  test('toy trap: castle (2,1) and strawberry (5,4) have cosine 0.978 at distance 4.24', () => {
    const m = measurePair([2, 1], [5, 4]);
    expect(m.cosine).toBeCloseTo(0.978, 3);
    expect(distance([2, 1], [5, 4])).toBeCloseTo(4.24, 2);
  });

  test('unit vectors with cosine 0.5 are distance 1 apart (quiz 5)', () => {
    const a = [1, 0];
    const b = [Math.cos(Math.PI / 3), Math.sin(Math.PI / 3)];
    expect(measurePair(a, b).cosine).toBeCloseTo(0.5, 12);
    expect(distance(a, b)).toBeCloseTo(1, 12);
  });

  test('a zero vector has no direction: cosine 0, angle NaN, and unit() leaves it at zero', () => {
    const m = measurePair([0, 0], [3, 4]);
    expect(m.cosine).toBe(0);
    expect(Number.isNaN(m.angleDeg)).toBe(true);
    expect(m.lengthB).toBe(5);
    expect(unit([0, 0])).toEqual([0, 0]);
  });

  test('the URL schema rejects coordinates outside the plot and accepts the defaults', () => {
    expect(playgroundState.schema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(playgroundState.schema.safeParse({ ...DEFAULT_SETTINGS, c: [1, 80] }).success).toBe(false);
    expect(playgroundState.schema.safeParse({ ...DEFAULT_SETTINGS, c: [1] }).success).toBe(false);
  });
});

describe('random vectors as the dimension grows (5,000 seeded pairs)', () => {
  test('std of q·k is about √d (1.41, 4, 8) and about 1 after ÷√d; cosine std about 1/√d', () => {
    for (const [d, expected] of [[2, 1.41], [16, 4], [64, 8]] as const) {
      const view = dimensionSpreadView({ d, scaled: false });
      expect(Math.abs(view.dotStd - expected) / expected, `d = ${d}`).toBeLessThan(0.04);
      const scaled = dimensionSpreadView({ d, scaled: true });
      expect(Math.abs(scaled.dotStd - 1), `d = ${d} scaled`).toBeLessThan(0.04);
      expect(Math.abs(view.cosStd - 1 / Math.sqrt(d)) * Math.sqrt(d), `cos d = ${d}`).toBeLessThan(0.06);
    }
    // The exercise's thresholds: raw ≈ 8 at d = 64 and scaled within 0.1 of 1.
    expect(dimensionSpreadView({ d: 64, scaled: false }).dotStd).toBeGreaterThanOrEqual(7.5);
    expect(dimensionSpreadView({ d: 32, scaled: false }).dotStd).toBeLessThan(7.5);
  });

  test('the samples are deterministic and the ÷√d switch only rescales them', () => {
    const a = randomPairs(8, 50);
    const b = randomPairs(8, 50);
    expect(Array.from(a.dots)).toEqual(Array.from(b.dots));
    const raw = dimensionSpreadView({ d: 16, scaled: false });
    const scaled = dimensionSpreadView({ d: 16, scaled: true });
    expect(scaled.dots[7]).toBeCloseTo(raw.dots[7] / 4, 12);
    expect(scaled.cosines).toBe(raw.cosines);
  });

  test('standardDeviation matches a hand computation', () => {
    // mean 5, squared deviations 9, 1, 1, 9 -> variance 5
    expect(standardDeviation([2, 4, 6, 8])).toBeCloseTo(Math.sqrt(5), 12);
  });
});
