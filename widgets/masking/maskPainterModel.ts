// MaskPainter's plain data: settings, URL schema and the masked softmax it shows (no runes, testable in Node).
import { z } from 'zod';
import { createRng } from '../../engine/rng.ts';
import { softmaxRows } from '../../engine/tensor.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Smallest and largest grid the painter offers. */
export const MIN_T = 2;
export const MAX_T = 6;

/**
 * What goes into a masked cell. '-inf', '-1e10' and '0' are written into the score before the softmax;
 * 'after' is the tempting mistake: run the softmax on the untouched scores, then zero the masked weights.
 */
export type FillChoice = '-inf' | '-1e10' | '0' | 'after';
/** Every fill, in the order the widget lists them. */
export const FILL_CHOICES: readonly FillChoice[] = ['-inf', '-1e10', '0', 'after'];

/** Where the scores come from: a seeded random grid ("seed:11") or the bear/honey/it head of chapter 6. */
export type ScoreSource = `seed:${number}` | 'example-c';

/** Settings a learner can change; `masked` holds [query row, key column] pairs, 0-based. */
export interface MaskPainterSettings { T: number; scores: ScoreSource; masked: [number, number][]; fill: FillChoice }

/** Defaults: the curriculum's exercise grid, nothing painted yet, −∞ fill. */
export const DEFAULT_MASK_PAINTER: MaskPainterSettings = { T: 4, scores: 'seed:11', masked: [], fill: '-inf' };

/** Version 1 of the URL state. */
export const maskPainterState = defineWidgetState<MaskPainterSettings>({
  version: 1,
  defaults: DEFAULT_MASK_PAINTER,
  schema: z.object({
    T: z.number().int().min(MIN_T).max(MAX_T),
    scores: z.union([z.string().regex(/^seed:\d{1,9}$/), z.literal('example-c')]).transform((s) => s as ScoreSource),
    masked: z.array(z.tuple([z.number().int().min(0).max(MAX_T - 1), z.number().int().min(0).max(MAX_T - 1)])).max(MAX_T * MAX_T),
    fill: z.enum(['-inf', '-1e10', '0', 'after']),
  }),
});

/** Token labels of the bear/honey/it example (chapter 6, example (c)). */
export const EXAMPLE_C_TOKENS = ['bear', 'honey', 'it'];
/** Its value vectors (features: animal, food); W_V = I so the values are the embeddings. [3, 2] */
export const EXAMPLE_C_VALUES = [[2, 0], [0, 2], [1, 1]];
/** Its scaled scores QKᵀ/√2 with W_Q = [[0,1],[0,0]] and W_K = I, built from the embeddings. [3, 3] */
export function exampleCScores(): number[][] {
  // q_i = x_i W_Q = (0, animal_i): animals ask for food. k_j = x_j.
  const q = EXAMPLE_C_VALUES.map(([animal]) => [0, animal]);
  return q.map((qi) => EXAMPLE_C_VALUES.map((kj) => (qi[0] * kj[0] + qi[1] * kj[1]) / Math.SQRT2));
}

/** A T×T grid of scores from a seed, one decimal each in [−3, 3]: same seed, same grid everywhere. */
export function seededScores(seed: number, T: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: T }, () => Array.from({ length: T }, () => Math.round((rng() * 6 - 3) * 10) / 10));
}

/** The grid's size: the example has three tokens whatever T says. */
export function gridSize(settings: Pick<MaskPainterSettings, 'T' | 'scores'>): number {
  return settings.scores === 'example-c' ? 3 : settings.T;
}

/** The raw score grid for the settings. [T, T] */
export function scoreGrid(settings: Pick<MaskPainterSettings, 'T' | 'scores'>): number[][] {
  if (settings.scores === 'example-c') return exampleCScores();
  return seededScores(Number(settings.scores.slice(5)), settings.T);
}

/** Every cell a causal model masks: the keys after the query, j > i (T(T−1)/2 of them). */
export function causalCells(T: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) cells.push([i, j]);
  return cells;
}

/** True when two cell lists hold the same cells (order and repeats ignored). */
export function sameCells(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  const key = ([i, j]: readonly [number, number]) => `${i},${j}`;
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}

/** The number a masked score becomes before the softmax (NaN for 'after', which leaves the scores alone). */
export function fillValue(fill: FillChoice): number {
  return fill === '-inf' ? -Infinity : fill === '-1e10' ? -1e10 : fill === '0' ? 0 : NaN;
}

/** What the widget and exercise checks read. */
export interface MaskPainterView {
  T: number;
  /** Scores after the fill is written into the masked cells. [T, T] */
  masked: number[][];
  /** Attention weights, one row per query. [T, T] */
  A: number[][];
  /** Sum of each row of A. [T] */
  rowSums: number[];
  /** Largest weight left on any masked cell (0 when the mask really hides the future). */
  leak: number;
  /** The masked cells are exactly the causal triangle. */
  causal: boolean;
  /** Row 1 is [1, 0, …, 0]. */
  firstRowOneHot: boolean;
  /** A row whose every cell is masked has no softmax: its index, or −1. */
  emptyRow: number;
}

/**
 * The masked softmax. scores: [T, T] -> A: [T, T]. Uses the engine's own row softmax (float32),
 * so −∞ and −1e10 give the exact zeros the model gives.
 */
export function maskPainterView(settings: MaskPainterSettings): MaskPainterView {
  const T = gridSize(settings);
  const raw = scoreGrid(settings);
  const isMasked = (i: number, j: number) => settings.masked.some(([a, b]) => a === i && b === j);
  const fill = fillValue(settings.fill);
  const written = raw.map((row, i) => row.map((s, j) => (isMasked(i, j) && settings.fill !== 'after' ? fill : s)));
  const emptyRow = written.findIndex((row) => row.every((s) => s === -Infinity));
  let A: number[][];
  if (emptyRow >= 0) {
    A = written.map((row) => row.map(() => NaN));
  } else {
    const flat = softmaxRows(Float32Array.from(written.flat()), T, T);
    A = written.map((_, i) => Array.from(flat.subarray(i * T, (i + 1) * T)));
    // The mistake being shown: weights zeroed after the softmax, with no renormalising.
    if (settings.fill === 'after') A = A.map((row, i) => row.map((a, j) => (isMasked(i, j) ? 0 : a)));
  }
  const rowSums = A.map((row) => row.reduce((s, a) => s + a, 0));
  let leak = 0;
  for (const [i, j] of settings.masked) if (i < T && j < T && Number.isFinite(A[i][j])) leak = Math.max(leak, A[i][j]);
  const inGrid = settings.masked.filter(([i, j]) => i < T && j < T);
  return {
    T, masked: written, A, rowSums, leak,
    causal: sameCells(inGrid, causalCells(T)),
    firstRowOneHot: A[0][0] === 1 && A[0].slice(1).every((a) => a === 0),
    emptyRow,
  };
}

/** Each head output y_i = Σ_j A_ij v_j for the bear/honey/it example. A: [3, 3] -> [3, 2] */
export function exampleCOutputs(A: number[][]): number[][] {
  return A.map((row) => [0, 1].map((f) => row.reduce((s, a, j) => s + a * EXAMPLE_C_VALUES[j][f], 0)));
}
