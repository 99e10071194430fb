// AttentionCalculator's plain data: the token rows X, the three projections, the scaling and mask switches,
// the URL schema, the curriculum's presets, and every intermediate of one attention head (rows are queries,
// columns are keys). Pure TypeScript (no runes) so tests, checks and the content schema can import it.
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { addMatrices, causalMask, isWellFormed, matmul, rowSoftmax, scaleMatrix, shapeOf, transpose, type Matrix } from './matrixMath.ts';

/** The examples the calculator can start from; each fixes the words, the feature names and the shapes. */
export const PRESET_IDS = ['bear-honey-it', 'orange-apple', 'luis-taylor', 'unit-circle'] as const;
/** One of the calculator's examples. */
export type PresetId = (typeof PRESET_IDS)[number];

/** Settings a learner can change: which example, the four matrices and the two switches. */
export interface AttentionCalculatorSettings {
  preset: PresetId;
  X: Matrix;
  WQ: Matrix;
  WK: Matrix;
  WV: Matrix;
  /** Divide the scores by √d_k. */
  scale: boolean;
  /** Apply the causal mask (a query may not look at later keys). */
  mask: boolean;
}

/** What an example contributes beyond its numbers: the words (rows of X) and the feature names (columns of X). */
export interface PresetInfo { label: string; words: string[]; features: string[]; settings: AttentionCalculatorSettings }

const I2: Matrix = [[1, 0], [0, 1]];
/** A unit vector at `deg` degrees, rounded to 3 decimals so the inputs stay readable. */
const unitAt = (deg: number): number[] => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)].map((x) => Math.round(x * 1000) / 1000 || 0);

/** The curriculum's chapter 6 examples (c), (a), (b) and (d). */
export const PRESETS: Record<PresetId, PresetInfo> = {
  'bear-honey-it': {
    label: 'bear, honey, it',
    words: ['bear', 'honey', 'it'],
    features: ['animal', 'food'],
    // W_Q moves the "animal" feature into the "food" slot: animals ask for food.
    settings: { preset: 'bear-honey-it', X: [[2, 0], [0, 2], [1, 1]], WQ: [[0, 1], [0, 0]], WK: I2, WV: I2, scale: true, mask: false },
  },
  'orange-apple': {
    label: 'orange, apple',
    words: ['orange', 'apple'],
    features: ['fruit', 'tech'],
    settings: { preset: 'orange-apple', X: [[2, 0], [1, 1]], WQ: I2, WK: I2, WV: I2, scale: true, mask: false },
  },
  'luis-taylor': {
    label: 'Luis, Taylor',
    words: ['Luis', 'Taylor'],
    features: ['likes pop', 'makes pop'],
    settings: { preset: 'luis-taylor', X: [[1, 0], [1, 1]], WQ: [[0], [1]], WK: [[1], [0]], WV: I2, scale: true, mask: false },
  },
  'unit-circle': {
    label: 'four unit vectors',
    words: ['0°', '30°', '100°', '200°'],
    features: ['x', 'y'],
    settings: { preset: 'unit-circle', X: [0, 30, 100, 200].map(unitAt), WQ: I2, WK: I2, WV: I2, scale: false, mask: false },
  },
};

/** Starts on the curriculum's worked example (c). */
export const DEFAULT_SETTINGS: AttentionCalculatorSettings = PRESETS['bear-honey-it'].settings;

/** Largest magnitude an entry may have: enough to saturate any softmax, small enough to keep tables narrow. */
export const ENTRY_LIMIT = 100;

const entry = z.number().min(-ENTRY_LIMIT).max(ENTRY_LIMIT);
const matrix = (maxRows: number, maxCols: number) => z.array(z.array(entry).min(1).max(maxCols)).min(1).max(maxRows);

/** Version 1 of the URL state: the shapes must chain (X: n×d, W_Q and W_K: d×d_k, W_V: d×d_v) and match the example. */
export const attentionCalculatorSchema = z.object({
  preset: z.enum(PRESET_IDS),
  X: matrix(4, 2),
  WQ: matrix(2, 2),
  WK: matrix(2, 2),
  WV: matrix(2, 2),
  scale: z.boolean(),
  mask: z.boolean(),
}).refine((s) => {
  const p = PRESETS[s.preset].settings;
  const same = (a: Matrix, b: Matrix) => a.length === b.length && a.every((row) => row.length === b[0].length);
  return same(s.X, p.X) && same(s.WQ, p.WQ) && same(s.WK, p.WK) && same(s.WV, p.WV);
}, 'the matrices must have the shapes of the chosen example');

/** AttentionCalculator's shareable state. */
export const attentionCalculatorState = defineWidgetState<AttentionCalculatorSettings>({ version: 1, schema: attentionCalculatorSchema, defaults: DEFAULT_SETTINGS });

/** Every intermediate of the head, in the order the formula computes them. */
export interface AttentionCalculatorView {
  words: string[];
  features: string[];
  /** Width of one query/key, the d_k of √d_k. */
  dk: number;
  /** The divisor applied to the scores: √d_k when scaling, else 1. */
  divisor: number;
  Q: Matrix; K: Matrix; V: Matrix;
  /** Scores Q Kᵀ (divided by √d_k when scaling). Row i: query i; column j: key j. */
  S: Matrix;
  /** The mask: 0 where allowed, −∞ where the key is later than the query (all 0 when the mask is off). */
  M: Matrix;
  /** The attention weights softmax(S + M), one row per query, each summing to 1. */
  A: Matrix;
  /** The head's output: row i = Σ_j A[i][j] · V[j]. */
  out: Matrix;
}

/** Computes the head; assumes settings passed the schema (the widget never stores anything else). */
export function attentionCalculatorView(settings: AttentionCalculatorSettings): AttentionCalculatorView {
  const info = PRESETS[settings.preset];
  if (![settings.X, settings.WQ, settings.WK, settings.WV].every(isWellFormed)) throw new Error('every entry must be a number');
  const Q = matmul(settings.X, settings.WQ);
  const K = matmul(settings.X, settings.WK);
  const V = matmul(settings.X, settings.WV);
  const dk = shapeOf(settings.WQ)[1];
  const divisor = settings.scale ? Math.sqrt(dk) : 1;
  const S = scaleMatrix(matmul(Q, transpose(K)), 1 / divisor);
  const n = settings.X.length;
  const M = settings.mask ? causalMask(n) : causalMask(n).map((row) => row.map(() => 0));
  const A = rowSoftmax(addMatrices(S, M));
  const out = matmul(A, V);
  const words = settings.X.map((_, i) => info.words[i] ?? `token ${i + 1}`);
  return { words, features: info.features, dk, divisor, Q, K, V, S, M, A, out };
}
