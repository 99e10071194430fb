// What the learned position table of tw-learned looks like: a 2-D PCA picture of its rows (joined in position
// order) and the cosine similarity of every pair of positions. Pure functions over the rows the engine sends.
import { cosine, row } from '../../engine/embeddings.ts';
import { pca } from '../../engine/pca.ts';

/** The course model trained with a learned position table. */
export const LEARNED_MODEL = 'tw-learned';

/** Everything the learned-positions widget draws. */
export interface PositionTableView {
  /** Number of positions (rows). */
  n: number;
  /** [n, 2]: each position's coordinates on the top two principal components. */
  coords: Float32Array;
  /** Share of the table's variance along the two components. */
  explained: number[];
  /** [n, n]: cosine similarity of positions i and j. */
  cosines: Float32Array;
  /** Mean cosine of positions that are `offset` apart, offsets 1 … n − 1. */
  byOffset: { offset: number; score: number }[];
}

// rows: [n, d] -> cosines [n, n]
/** Cosine similarity of every pair of rows. */
export function cosineMatrix(rows: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) out[i * n + j] = out[j * n + i] = cosine(row(rows, i, d), row(rows, j, d));
  }
  return out;
}

// cosines: [n, n] -> one mean per offset 1 … n − 1
/** Mean of the cosines on each diagonal: how alike positions `offset` apart are on average. */
export function meanCosineByOffset(cosines: Float32Array, n: number): { offset: number; score: number }[] {
  return Array.from({ length: n - 1 }, (_, k) => {
    const offset = k + 1;
    let sum = 0;
    for (let i = offset; i < n; i++) sum += cosines[i * n + i - offset];
    return { offset, score: sum / (n - offset) };
  });
}

// rows: [n, d] -> coords [n, 2], cosines [n, n]
/** PCA picture, similarity matrix and offset means of a position table. */
export function positionTableView(rows: Float32Array, n: number, d: number): PositionTableView {
  const { coords, explained } = pca(rows, n, d, 2);
  const cosines = cosineMatrix(rows, n, d);
  return { n, coords, explained, cosines, byOffset: meanCosineByOffset(cosines, n) };
}
