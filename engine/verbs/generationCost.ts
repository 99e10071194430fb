/**
 * Multiply–add counts for one generation step, with and without a KV cache, from a model's config alone.
 * They count what this engine's kernels do: every projection, the attention over the visible positions
 * (the uncached pass computes the full T × T score matrix and masks it), and the logits of every row
 * it computes (a cached step computes one row; a full pass computes T).
 */
import type { ModelConfig } from '../config.ts';

/** Per position per block: the four d × d projections and the two FFN matrices. */
export function denseMacsPerPosition(config: ModelConfig): number {
  const { dModel: d, dFF } = config;
  return 4 * d * d + 2 * d * dFF;
}

/** One new position with a cache holding `T` positions (the new one included): n·(4d² + 2d·d_ff + 2Td) + Vd. */
export function cachedStepMacs(config: ModelConfig, T: number): number {
  const { dModel: d, nLayers, vocabSize: V } = config;
  return nLayers * (denseMacsPerPosition(config) + 2 * T * d) + V * d;
}

/** A full forward pass over T positions, as an uncached step runs it: n·(T(4d² + 2d·d_ff) + 2T²d) + TVd. */
export function fullPassMacs(config: ModelConfig, T: number): number {
  const { dModel: d, nLayers, vocabSize: V } = config;
  return nLayers * (T * denseMacsPerPosition(config) + 2 * T * T * d) + T * V * d;
}

/** Filling a cache with a P-token prompt, one position at a time (each position also computes its logits). */
export function prefillMacs(config: ModelConfig, P: number): number {
  let total = 0;
  for (let T = 1; T <= P; T++) total += cachedStepMacs(config, T);
  return total;
}

/**
 * Cost of generated token number `step` (1-based) after a P-token prompt. Step 1 reads the prompt (prefill with a
 * cache, one full pass without); step s > 1 adds one position to a context of P + s − 1 tokens.
 */
export function generationStepMacs(config: ModelConfig, P: number, step: number, kvCache: boolean): number {
  const T = P + step - 1;
  if (kvCache) return step === 1 ? prefillMacs(config, P) : cachedStepMacs(config, T);
  return fullPassMacs(config, T);
}

/** Numbers a KV cache holds for T positions: a key and a value row of width d per block. 2·n·T·d */
export function kvCacheNumbers(config: ModelConfig, T: number): number {
  return 2 * config.nLayers * T * config.dModel;
}
