/**
 * Backward of the position signals. Rotary turns each (2i, 2i+1) pair by an angle, an orthogonal
 * map, so its gradient is the same turn backwards. A learned table gets, at row t, the sum of the
 * residual-stream gradients of every sequence's position t; the fixed sinusoidal table and 'none'
 * have nothing to learn.
 */
import { applyRotary } from '../positions.ts';

/**
 * Gradient through rotary for every (sequence, head) block, in place: rotates by −t·ω_i.
 * dRotated: [B·H, T, dk] (gradient w.r.t. rotated q or k) -> [B·H, T, dk] (w.r.t. unrotated)
 */
export function rotaryBackward(dRotated: Float32Array, blocks: number, T: number, dk: number, omega: Float64Array): Float32Array {
  for (let i = 0; i < blocks; i++) {
    const block = dRotated.subarray(i * T * dk, (i + 1) * T * dk);
    applyRotary(block, T, dk, omega, 0, block, -1);
  }
  return dRotated;
}

/** Learned position table gradient: dWpe[t] = Σ_b dx0[b, t] for t < T, zero beyond. dx0: [B·T, d] -> dWpe: [contextLength, d] (overwritten) */
export function positionTableBackward(dx0: Float32Array, B: number, T: number, d: number, dWpe: Float32Array): Float32Array {
  dWpe.fill(0);
  for (let b = 0; b < B; b++) {
    const o = b * T * d;
    for (let i = 0; i < T * d; i++) dWpe[i] += dx0[o + i];
  }
  return dWpe;
}
