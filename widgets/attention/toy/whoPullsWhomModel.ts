// WhoPullsWhom's plain data: two or three words as 2-D feature vectors, editable W_Q and W_K, the URL schema,
// and the view that sets plain dot products X Xᵀ beside projected scores Q Kᵀ (rows are queries, columns keys).
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { asymmetry, matmul, transpose, type Matrix } from './matrixMath.ts';

/** The word pairs on offer; each names its words (rows of X) and its two features (columns of X). */
export const PAIR_IDS = ['luis-taylor', 'fisherman-net', 'drink-coke', 'bank-river'] as const;
/** One of the pairs. */
export type PairId = (typeof PAIR_IDS)[number];

/** A pair's words, features and the feature vectors it starts with. */
export interface PairInfo { label: string; words: string[]; features: [string, string]; X: Matrix }

/** The curriculum's directional pulls as two words with two features each: one feature asks, the other offers. */
export const PAIRS: Record<PairId, PairInfo> = {
  'luis-taylor': { label: 'Luis and Taylor', words: ['Luis', 'Taylor'], features: ['likes pop', 'makes pop'], X: [[1, 0], [1, 1]] },
  'fisherman-net': { label: 'fisherman and net', words: ['fisherman', 'net'], features: ['needs gear', 'is gear'], X: [[1, 0], [0, 1]] },
  'drink-coke': { label: 'drink and Coke', words: ['drink', 'Coke'], features: ['wants a drink', 'is a drink'], X: [[1, 0.5], [0, 1]] },
  'bank-river': { label: 'swimming and bank', words: ['swimming', 'bank'], features: ['is about water', 'has a sense to settle'], X: [[1, 0], [0.5, 1]] },
};

/** Settings: the pair, its feature vectors X (n×2) and the projections W_Q, W_K (2×d_k, d_k = 1 or 2). */
export interface WhoPullsWhomSettings { pair: PairId; X: Matrix; WQ: Matrix; WK: Matrix }

/** Luis and Taylor with both projections summing the features: the exercise's start. */
export const DEFAULT_SETTINGS: WhoPullsWhomSettings = { pair: 'luis-taylor', X: [[1, 0], [1, 1]], WQ: [[1], [1]], WK: [[1], [1]] };

/** Largest magnitude of an entry. */
export const ENTRY_LIMIT = 20;
const entry = z.number().min(-ENTRY_LIMIT).max(ENTRY_LIMIT);
const projection = z.array(z.array(entry).min(1).max(2)).length(2);

/** Version 1 of the URL state: X has one 2-feature row per word; W_Q and W_K are both 2×1 or both 2×2. */
export const whoPullsWhomSchema = z.object({
  pair: z.enum(PAIR_IDS),
  X: z.array(z.tuple([entry, entry])).min(2).max(3),
  WQ: projection,
  WK: projection,
}).refine((s) => {
  const width = s.WQ[0].length;
  return [...s.WQ, ...s.WK].every((row) => row.length === width) && s.X.length === PAIRS[s.pair].X.length;
}, 'W_Q and W_K must have the same width, and X one row per word');

/** WhoPullsWhom's shareable state. */
export const whoPullsWhomState = defineWidgetState<WhoPullsWhomSettings>({ version: 1, schema: whoPullsWhomSchema, defaults: DEFAULT_SETTINGS });

/** Both score matrices and what they say. */
export interface WhoPullsWhomView {
  words: string[];
  features: [string, string];
  /** Plain dot products X Xᵀ: symmetric by construction. */
  XXt: Matrix;
  Q: Matrix;
  K: Matrix;
  /** Projected scores Q Kᵀ = X W_Q W_Kᵀ Xᵀ (not divided by √d_k: scaling never changes symmetry). */
  S: Matrix;
  /** W_Q W_Kᵀ, the 2×2 matrix between the two copies of X: S is symmetric whenever this is. */
  bilinear: Matrix;
  /** ‖X Xᵀ − (X Xᵀ)ᵀ‖, always 0. */
  plainAsymmetry: number;
  /** ‖S − Sᵀ‖. */
  asymmetry: number;
  /** For each word (query row), the column of its largest plain dot product; ties list every winner. */
  plainFavourites: number[][];
}

/** Every column holding the row's largest value. row: [n] -> indices */
function winners(row: readonly number[]): number[] {
  const best = Math.max(...row);
  return row.flatMap((x, j) => (Math.abs(x - best) < 1e-12 ? [j] : []));
}

/** Computes both score matrices; assumes settings passed the schema. */
export function whoPullsWhomView(settings: WhoPullsWhomSettings): WhoPullsWhomView {
  const info = PAIRS[settings.pair];
  const XXt = matmul(settings.X, transpose(settings.X));
  const Q = matmul(settings.X, settings.WQ);
  const K = matmul(settings.X, settings.WK);
  const S = matmul(Q, transpose(K));
  return {
    words: settings.X.map((_, i) => info.words[i] ?? `word ${i + 1}`),
    features: info.features,
    XXt, Q, K, S,
    bilinear: matmul(settings.WQ, transpose(settings.WK)),
    plainAsymmetry: asymmetry(XXt),
    asymmetry: asymmetry(S),
    plainFavourites: XXt.map(winners),
  };
}
