/** Backward of the token-embedding lookup: each input position sends its gradient to its token's row. */

/**
 * Adds dx0[r] to dWte[ids[r]] for every row r, in row order (so the sum is deterministic).
 * With tied embeddings dWte already holds the unembedding gradient, hence "adds".
 * dx0: [R, d], ids: [R] -> dWte: [V, d] (accumulated)
 */
export function embeddingBackward(dx0: Float32Array, ids: Int32Array, d: number, dWte: Float32Array): Float32Array {
  for (let r = 0; r < ids.length; r++) {
    const o = r * d;
    const e = ids[r] * d;
    for (let c = 0; c < d; c++) dWte[e + c] += dx0[o + c];
  }
  return dWte;
}
