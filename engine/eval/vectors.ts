/** Small float64 vector helpers for the representation checks (cosines, centroids, rows of a table). */

/** Row i of a [rows, d] table (a view). */
export function row(table: Float32Array, i: number, d: number): Float32Array {
  return table.subarray(i * d, (i + 1) * d);
}

/** Dot product in float64. a, b: [d] -> scalar */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Euclidean length in float64. a: [d] -> scalar */
export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** Cosine similarity; 0 when either vector is all zeros (no direction to compare). a, b: [d] -> scalar */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}

/** Mean of vectors. vectors: n × [d] -> [d] */
export function mean(vectors: readonly ArrayLike<number>[], d: number): Float64Array {
  const out = new Float64Array(d);
  for (const v of vectors) for (let i = 0; i < d; i++) out[i] += v[i];
  if (vectors.length > 0) for (let i = 0; i < d; i++) out[i] /= vectors.length;
  return out;
}
