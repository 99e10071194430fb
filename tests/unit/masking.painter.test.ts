// MaskPainter's math against the curriculum's chapter 7 worked numbers and a float64 softmax written here.
import { describe, expect, test } from 'vitest';
import {
  causalCells, exampleCOutputs, maskPainterState, maskPainterView, sameCells, seededScores, DEFAULT_MASK_PAINTER,
  type MaskPainterSettings,
} from '../../widgets/masking/maskPainterModel.ts';

/** Independent oracle: a plain float64 softmax of one row, −∞ allowed. */
function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const e = row.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

const causal3: [number, number][] = [[0, 1], [0, 2], [1, 2]];
const exampleC = (masked: [number, number][], fill: MaskPainterSettings['fill'] = '-inf') =>
  maskPainterView({ T: 3, scores: 'example-c', masked, fill });

describe('example (c), bear / honey / it', () => {
  test('unmasked rows match chapter 6: bear (0.045, 0.768, 0.187), honey ⅓ each, it (0.140, 0.576, 0.284)', () => {
    const { A } = exampleC([]);
    expect(A[0][0]).toBeCloseTo(0.045, 3);
    expect(A[0][1]).toBeCloseTo(0.768, 3);
    expect(A[0][2]).toBeCloseTo(0.187, 3);
    for (const a of A[1]) expect(a).toBeCloseTo(1 / 3, 5);
    expect(A[2].map((a) => Number(a.toFixed(3)))).toEqual([0.14, 0.576, 0.284]);
  });

  test('masked rows are [1, 0, 0], [0.5, 0.5, 0] and an unchanged last row', () => {
    const { A, leak, causal, firstRowOneHot } = exampleC(causal3);
    expect(A[0]).toEqual([1, 0, 0]);
    expect(A[1]).toEqual([0.5, 0.5, 0]);
    expect(A[2].map((a) => Number(a.toFixed(3)))).toEqual([0.14, 0.576, 0.284]);
    expect(leak).toBe(0);
    expect(causal).toBe(true);
    expect(firstRowOneHot).toBe(true);
  });

  test('masked outputs are bear (2, 0), honey (1, 1), it (0.564, 1.436)', () => {
    const out = exampleCOutputs(exampleC(causal3).A);
    expect(out[0]).toEqual([2, 0]);
    expect(out[1][0]).toBeCloseTo(1, 6);
    expect(out[1][1]).toBeCloseTo(1, 6);
    expect(out[2][0]).toBeCloseTo(0.564, 3);
    expect(out[2][1]).toBeCloseTo(1.436, 3);
  });

  test('the prefix [bear, honey] alone gives exactly the first two masked rows', () => {
    // Two tokens: bear's scores (0, 2.828), honey's (0, 0), computed by hand from q = (0, animal), k = x.
    const bear = softmax([0, -Infinity]);
    const honey = softmax([0, 0]);
    const { A } = exampleC(causal3);
    expect(A[0].slice(0, 2)).toEqual(bear);
    expect(A[1].slice(0, 2)).toEqual(honey);
  });
});

describe('fill values', () => {
  const grid = seededScores(11, 4);
  const causal4 = causalCells(4);

  test('−∞ and −1e10 give exact zeros, rows still summing to 1, and agree with a float64 softmax of the kept cells', () => {
    for (const fill of ['-inf', '-1e10'] as const) {
      const view = maskPainterView({ T: 4, scores: 'seed:11', masked: causal4, fill });
      for (let i = 0; i < 4; i++) {
        const kept = softmax(grid[i].slice(0, i + 1));
        kept.forEach((p, j) => expect(view.A[i][j]).toBeCloseTo(p, 6));
        for (let j = i + 1; j < 4; j++) expect(view.A[i][j]).toBe(0);
        expect(view.rowSums[i]).toBeCloseTo(1, 6);
      }
      expect(view.A[0]).toEqual([1, 0, 0, 0]);
      expect(view.leak).toBe(0);
    }
  });

  test('writing 0 into the scores is not masking: e⁰ = 1 still gives the future weight', () => {
    const view = maskPainterView({ T: 4, scores: 'seed:11', masked: causal4, fill: '0' });
    const expected = softmax([grid[0][0], 0, 0, 0]);
    view.A[0].forEach((a, j) => expect(a).toBeCloseTo(expected[j], 6));
    expect(view.A[0][1]).toBeGreaterThan(0);
    expect(view.leak).toBeGreaterThan(0.05);
    expect(view.firstRowOneHot).toBe(false);
  });

  test('zeroing the weights after the softmax leaves rows that no longer sum to 1', () => {
    const view = maskPainterView({ T: 4, scores: 'seed:11', masked: causal4, fill: 'after' });
    const full = softmax(grid[0]);
    expect(view.A[0][0]).toBeCloseTo(full[0], 6);
    expect(view.rowSums[0]).toBeLessThan(0.999);
    expect(view.rowSums[3]).toBeCloseTo(1, 6);
  });

  test('a row with every cell masked at −∞ has no softmax and is reported', () => {
    const view = maskPainterView({ T: 3, scores: 'seed:2', masked: [[1, 0], [1, 1], [1, 2]], fill: '-inf' });
    expect(view.emptyRow).toBe(1);
  });
});

describe('cells and state', () => {
  test('a causal mask hides T(T−1)/2 cells: 6 for T = 4, 499,500 for T = 1,000', () => {
    expect(causalCells(4)).toHaveLength(6);
    expect(causalCells(4)).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    expect(causalCells(1000)).toHaveLength(499_500);
  });

  test('sameCells ignores order and repeats but not a missing or extra cell', () => {
    expect(sameCells([[1, 2], [0, 1], [0, 1]], [[0, 1], [1, 2]])).toBe(true);
    expect(sameCells([[0, 1]], [[0, 1], [1, 2]])).toBe(false);
    expect(sameCells([[0, 1], [2, 1]], [[0, 1], [1, 2]])).toBe(false);
  });

  test('seeded scores are reproducible, one decimal, within ±3', () => {
    expect(seededScores(11, 4)).toEqual(seededScores(11, 4));
    expect(seededScores(11, 4)).not.toEqual(seededScores(12, 4));
    for (const s of seededScores(11, 6).flat()) {
      expect(Math.abs(s)).toBeLessThanOrEqual(3);
      expect(Math.round(s * 10) / 10).toBe(s);
    }
  });

  test('the URL schema accepts the defaults and refuses bad fills, sizes and cells', () => {
    const { schema } = maskPainterState;
    expect(schema.safeParse(DEFAULT_MASK_PAINTER).success).toBe(true);
    expect(schema.safeParse({ ...DEFAULT_MASK_PAINTER, fill: '-1' }).success).toBe(false);
    expect(schema.safeParse({ ...DEFAULT_MASK_PAINTER, T: 9 }).success).toBe(false);
    expect(schema.safeParse({ ...DEFAULT_MASK_PAINTER, masked: [[0, 7]] }).success).toBe(false);
    expect(schema.safeParse({ ...DEFAULT_MASK_PAINTER, scores: 'seed:x' }).success).toBe(false);
  });
});

describe('apple, masked (the engine attention kernels with W_Q = W_K = W_V = I, d_k = 2)', () => {
  // One head over 2-D embeddings: scores → scale → causal mask → softmax → weighted values.
  async function causalHead(x: number[][]): Promise<number[][]> {
    const { headScores, headWeights, headOutput } = await import('../../engine/attention.ts');
    const T = x.length;
    const flat = Float32Array.from(x.flat());
    const scores = headScores(flat, flat, T, T, 2);
    const weights = headWeights(scores, new Float32Array(T * T), new Float32Array(T * T), new Float32Array(T * T), T, T, 2, true);
    const out = headOutput(weights, flat, T, T, 2);
    return x.map((_, i) => Array.from(out.subarray(i * 2, i * 2 + 2)));
  }
  const apple = [1, 1];
  const orange = [2, 0];

  test('in [apple, orange], apple comes first and stays at (1, 1)', async () => {
    const [appleOut] = await causalHead([apple, orange]);
    expect(appleOut).toEqual([1, 1]);
  });

  test('in [orange, apple], apple scores both at 1.414, takes weights (0.5, 0.5) and becomes (1.5, 0.5)', async () => {
    const [, appleOut] = await causalHead([orange, apple]);
    expect(appleOut[0]).toBeCloseTo(1.5, 6);
    expect(appleOut[1]).toBeCloseTo(0.5, 6);
  });
});
