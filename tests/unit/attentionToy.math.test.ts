// Chapter 6's toy attention: the worked examples (a)–(d) and (f) of the curriculum, recomputed by the widgets'
// pure models, plus the properties the lesson claims (rows sum to 1, convex combinations, symmetry rules).
import { describe, expect, test } from 'vitest';
import { asymmetry, causalMask, matmul, rowSoftmax, transpose } from '../../widgets/attention/toy/matrixMath.ts';
import { attentionCalculatorView, attentionCalculatorSchema, PRESETS, DEFAULT_SETTINGS as CALC_DEFAULTS } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import { whoPullsWhomView, whoPullsWhomSchema, DEFAULT_SETTINGS as PULL_DEFAULTS, type WhoPullsWhomSettings } from '../../widgets/attention/toy/whoPullsWhomModel.ts';
import { gravityLayer, wordGravityView, wordGravitySchema, DEFAULT_SETTINGS as GRAVITY_DEFAULTS } from '../../widgets/attention/toy/wordGravityModel.ts';

const close = (actual: number[][], expected: number[][], digits = 3) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((x, j) => expect(x, `[${i}][${j}]`).toBeCloseTo(expected[i][j], digits)));
};

describe('example (a): two tokens on the fruit/tech plane, W = I, d_k = 2', () => {
  test('in [orange, apple], apple scores both 1.414, splits 0.5/0.5 and moves to (1.5, 0.5)', () => {
    const layer = gravityLayer([[2, 0], [1, 1]], 'similarity', true);
    close([layer.scores[1]], [[1.414, 1.414]]);
    close([layer.weights[1]], [[0.5, 0.5]]);
    close([layer.after[1]], [[1.5, 0.5]]);
  });
  test('orange\'s own row is (2.828, 1.414), weights (0.804, 0.196): it attends mostly to itself', () => {
    const layer = gravityLayer([[2, 0], [1, 1]], 'similarity', true);
    close([layer.scores[0]], [[2.828, 1.414]]);
    close([layer.weights[0]], [[0.804, 0.196]]);
  });
  test('in [phone, apple], apple moves to (0.5, 1.5), the exercise two-token-pull\'s answer', () => {
    const view = wordGravityView({ ...GRAVITY_DEFAULTS, tokens: { phone: [0, 2], apple: [1, 1] }, steps: 1 });
    close([view.positions[1]], [[0.5, 1.5]]);
  });
  test('the same numbers come out of the full calculator on the orange, apple preset', () => {
    const view = attentionCalculatorView(PRESETS['orange-apple'].settings);
    close(view.A, [[0.804, 0.196], [0.5, 0.5]]);
    close([view.out[1]], [[1.5, 0.5]]);
  });
});

describe('word gravity: every new point is a convex combination', () => {
  test('with two tokens each new point lies on the segment between them', () => {
    for (const weights of ['similarity', 'uniform'] as const) {
      const [a, b] = [[2.5, 0.5], [0, 1.5]] as [number, number][];
      const layer = gravityLayer([a, b], weights, false);
      for (const p of layer.after) {
        // p = a + t (b − a) for one t in [0, 1], in both coordinates.
        const t = (p[0] - a[0]) / (b[0] - a[0]);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(1);
        expect(p[1]).toBeCloseTo(a[1] + t * (b[1] - a[1]), 12);
      }
    }
  });
  test('weights are non-negative and each row sums to 1; uniform weights are 1/n', () => {
    const pts: [number, number][] = [[1, 1], [2, 0], [0, 2], [2.5, 0.5]];
    for (const row of gravityLayer(pts, 'similarity', true).weights) {
      expect(row.every((w) => w >= 0)).toBe(true);
      expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    }
    expect(gravityLayer(pts, 'uniform', true).weights.flat().every((w) => w === 0.25)).toBe(true);
  });
  test('uniform weights send every token to the centroid in one step', () => {
    const view = wordGravityView({ ...GRAVITY_DEFAULTS, tokens: { apple: [1, 1], orange: [2, 0], phone: [0, 2] }, weights: 'uniform', steps: 1 });
    for (const p of view.positions) close([p], [[1, 1]]);
  });
  test('the schema refuses unknown words, one token, a duplicated key and out-of-range steps', () => {
    expect(wordGravitySchema.safeParse(GRAVITY_DEFAULTS).success).toBe(true);
    expect(wordGravitySchema.safeParse({ ...GRAVITY_DEFAULTS, tokens: { zebra: [0, 0], apple: [1, 1] } }).success).toBe(false);
    expect(wordGravitySchema.safeParse({ ...GRAVITY_DEFAULTS, tokens: { apple: [1, 1] } }).success).toBe(false);
    expect(wordGravitySchema.safeParse({ ...GRAVITY_DEFAULTS, tokens: JSON.parse('{"__proto__":[0,0],"apple":[1,1]}') }).success).toBe(false);
    expect(wordGravitySchema.safeParse({ ...GRAVITY_DEFAULTS, steps: 99 }).success).toBe(false);
  });
});

describe('example (b): Luis and Taylor', () => {
  const solved: WhoPullsWhomSettings = { ...PULL_DEFAULTS, WQ: [[0], [1]], WK: [[1], [0]] };
  test('X Xᵀ = [[1, 1], [1, 2]] is symmetric', () => {
    const view = whoPullsWhomView(PULL_DEFAULTS);
    expect(view.XXt).toEqual([[1, 1], [1, 2]]);
    expect(view.plainAsymmetry).toBe(0);
  });
  test('W_Q = (0, 1)ᵀ, W_K = (1, 0)ᵀ: q_L = 0, q_T = 1, k_L = k_T = 1 and S = [[0, 0], [1, 1]]', () => {
    const view = whoPullsWhomView(solved);
    expect(view.Q).toEqual([[0], [1]]);
    expect(view.K).toEqual([[1], [1]]);
    expect(view.S).toEqual([[0, 0], [1, 1]]);
    expect(view.asymmetry).toBeCloseTo(Math.SQRT2, 12);
  });
  test('equal projections (or W_Q = 2 W_K) keep the scores symmetric', () => {
    expect(whoPullsWhomView(PULL_DEFAULTS).asymmetry).toBe(0);
    expect(whoPullsWhomView({ ...PULL_DEFAULTS, WQ: [[2, 0], [2, 1]], WK: [[1, 0], [1, 0.5]] }).asymmetry).toBeCloseTo(0, 12);
  });
  test('the schema refuses projections of different widths and a missing word', () => {
    expect(whoPullsWhomSchema.safeParse({ ...PULL_DEFAULTS, WQ: [[1, 0], [0, 1]] }).success).toBe(false);
    expect(whoPullsWhomSchema.safeParse({ ...PULL_DEFAULTS, X: [[1, 0]] }).success).toBe(false);
    expect(whoPullsWhomSchema.safeParse({ ...PULL_DEFAULTS, WQ: [[1, 0], [0, 1]], WK: [[0, 1], [1, 0]] }).success).toBe(true);
  });
  test('under plain dot products each word\'s largest score is with itself (Luis ties with the longer Taylor)', () => {
    expect(whoPullsWhomView(PULL_DEFAULTS).plainFavourites).toEqual([[0, 1], [1]]);
  });
});

describe('example (c): bear, honey, it (one full head)', () => {
  const view = attentionCalculatorView(CALC_DEFAULTS);
  test('S = Q Kᵀ / √2 has rows [0, 2.828, 1.414], [0, 0, 0], [0, 1.414, 0.707]', () => {
    close(view.S, [[0, 2.828, 1.414], [0, 0, 0], [0, 1.414, 0.707]]);
    expect(view.divisor).toBeCloseTo(Math.SQRT2, 12);
  });
  test('A has rows (0.045, 0.768, 0.187), (⅓, ⅓, ⅓), (0.140, 0.576, 0.284)', () => {
    close(view.A, [[0.045, 0.768, 0.187], [1 / 3, 1 / 3, 1 / 3], [0.140, 0.576, 0.284]]);
  });
  test('outputs bear (0.277, 1.723), honey (1, 1), it (0.564, 1.436)', () => {
    close(view.out, [[0.277, 1.723], [1, 1], [0.564, 1.436]]);
  });
  test('asymmetry: S[bear][honey] = 2.828 while S[honey][bear] = 0', () => {
    expect(view.S[0][1]).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(view.S[1][0]).toBe(0);
  });
  test('food-looks-for-animals: W_Q = [[0, 0], [1, 0]] puts 0.768 of honey\'s row on bear', () => {
    const solved = attentionCalculatorView({ ...CALC_DEFAULTS, WQ: [[0, 0], [1, 0]] });
    expect(solved.A[1][0]).toBeCloseTo(0.768, 3);
  });
  test('the causal mask zeroes every weight on a later key and keeps rows summing to 1', () => {
    const masked = attentionCalculatorView({ ...CALC_DEFAULTS, mask: true });
    expect(masked.M[0][1]).toBe(-Infinity);
    expect(masked.A[0]).toEqual([1, 0, 0]);
    expect(masked.A[1][2]).toBe(0);
    for (const row of masked.A) expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    // Bear alone sees only itself, so its output is its own value row.
    close([masked.out[0]], [[2, 0]]);
  });
  test('the schema refuses a matrix of the wrong shape and out-of-range entries', () => {
    expect(attentionCalculatorSchema.safeParse(CALC_DEFAULTS).success).toBe(true);
    expect(attentionCalculatorSchema.safeParse({ ...CALC_DEFAULTS, WQ: [[0, 1]] }).success).toBe(false);
    expect(attentionCalculatorSchema.safeParse({ ...CALC_DEFAULTS, X: [[2, 0], [0, 2]] }).success).toBe(false);
    expect(attentionCalculatorSchema.safeParse({ ...CALC_DEFAULTS, WV: [[1e9, 0], [0, 1]] }).success).toBe(false);
  });
});

describe('example (d): self-dominance of four unit vectors at 0°, 30°, 100°, 200°', () => {
  const view = attentionCalculatorView(PRESETS['unit-circle'].settings);
  test('unscaled, the diagonal is 0.430, 0.395, 0.468, 0.629, the largest entry in every row', () => {
    [0.430, 0.395, 0.468, 0.629].forEach((d, i) => expect(view.A[i][i]).toBeCloseTo(d, 3));
    view.A.forEach((row, i) => expect(Math.max(...row)).toBe(row[i]));
  });
  test('symmetric scores, asymmetric probabilities: A12 = 0.376 but A21 = 0.346', () => {
    expect(asymmetry(view.S)).toBeLessThan(1e-12);
    expect(view.A[0][1]).toBeCloseTo(0.376, 3);
    expect(view.A[1][0]).toBeCloseTo(0.346, 3);
  });
  test('at length 3 the diagonal becomes 0.77, 0.77, 0.997, 1.00', () => {
    const long = attentionCalculatorView({ ...PRESETS['unit-circle'].settings, X: PRESETS['unit-circle'].settings.X.map((r) => r.map((x) => 3 * x)) });
    [0.77, 0.77, 0.997, 1.0].forEach((d, i) => expect(long.A[i][i]).toBeCloseTo(d, 2));
  });
});

describe('example (f): a mixing matrix', () => {
  test('[[1, .5], [.5, 1]] maps Aisha (1,0) → (1, 0.5) and Beto (0,1) → (0.5, 1): distance 1.414 → 0.707, cosine 0 → 0.8', () => {
    const mixed = matmul([[1, 0], [0, 1]], [[1, 0.5], [0.5, 1]]);
    expect(mixed).toEqual([[1, 0.5], [0.5, 1]]);
    const [a, b] = mixed;
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(0.707, 3);
    const cos = (a[0] * b[0] + a[1] * b[1]) / (Math.hypot(...a) * Math.hypot(...b));
    expect(cos).toBeCloseTo(0.8, 12);
  });
});

describe('matrix helpers against hand-worked values', () => {
  test('matmul and transpose', () => {
    expect(matmul([[1, 2], [3, 4]], [[5], [6]])).toEqual([[17], [39]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(/cannot multiply/);
  });
  test('rowSoftmax of a masked row ignores −∞ and handles huge scores', () => {
    const [row] = rowSoftmax([[0, Math.log(3), -Infinity]]);
    expect(row[0]).toBeCloseTo(0.25, 12);
    expect(row[1]).toBeCloseTo(0.75, 12);
    expect(row[2]).toBe(0);
    expect(rowSoftmax([[1000, 0]])[0][0]).toBe(1);
    expect(causalMask(2)).toEqual([[0, -Infinity], [0, 0]]);
  });
});
