/** Global-norm gradient clipping: if ‖g‖ > maxNorm, scale every gradient by maxNorm/‖g‖. */
import { globalNorm } from './grads.ts';

/** Clips in place and returns the norm BEFORE clipping (what a progress line reports). flat: [n] -> [n] */
export function clipGlobalNorm(flat: Float32Array, maxNorm: number): number {
  const norm = globalNorm(flat);
  if (maxNorm > 0 && norm > maxNorm) {
    const factor = maxNorm / norm;
    for (let i = 0; i < flat.length; i++) flat[i] *= factor;
  }
  return norm;
}
