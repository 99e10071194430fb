// Questions about a table of vectors (the token embeddings E): cosine neighbours and analogy arithmetic.
import { EngineError } from './errors.ts';

/** One neighbour: its row index and cosine similarity to the query. */
export interface Neighbour { index: number; cosine: number }

/** Cosine similarity of rows a and b of a [n, d] table, or of two plain vectors. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j] * b[j];
    na += a[j] * a[j];
    nb += b[j] * b[j];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Row i of a [n, d] table (a view). */
export function row(table: Float32Array, i: number, d: number): Float32Array {
  return table.subarray(i * d, (i + 1) * d);
}

/**
 * The k rows most similar by cosine to a query vector, best first, skipping `exclude`.
 * table: [n, d], query: [d] -> k neighbours
 */
export function nearestByCosine(table: Float32Array, d: number, query: ArrayLike<number>, k: number, exclude: ReadonlySet<number> = new Set()): Neighbour[] {
  if (query.length !== d) throw new EngineError('bad-input', `The query has ${query.length} numbers; the table's rows have ${d}.`);
  const n = table.length / d;
  const scored: Neighbour[] = [];
  for (let i = 0; i < n; i++) if (!exclude.has(i)) scored.push({ index: i, cosine: cosine(row(table, i, d), query) });
  scored.sort((x, y) => y.cosine - x.cosine || x.index - y.index);
  return scored.slice(0, Math.max(0, k));
}

/** a − b + c as a vector (king − man + woman). rows of table: [n, d] -> [d] */
export function analogyVector(table: Float32Array, d: number, a: number, b: number, c: number): Float64Array {
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) out[j] = table[a * d + j] - table[b * d + j] + table[c * d + j];
  return out;
}
