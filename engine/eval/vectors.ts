/** Vector helpers for the representation checks: cosine and rows come from the widgets' embeddings module. */
export { cosine, row } from '../embeddings.ts';

/** Mean of vectors, in float64. vectors: n × [d] -> [d] */
export function mean(vectors: readonly ArrayLike<number>[], d: number): Float64Array {
  const out = new Float64Array(d);
  for (const v of vectors) for (let i = 0; i < d; i++) out[i] += v[i];
  if (vectors.length > 0) for (let i = 0; i < d; i++) out[i] /= vectors.length;
  return out;
}
