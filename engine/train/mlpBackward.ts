/** Backward of the feed-forward block out = GELU(x·W1 + b1)·W2 + b2, and of GELU itself. */
import type { LayerWeights } from '../params.ts';
import type { Scratch } from '../scratch.ts';
import { linearBackward } from './linearBackward.ts';

const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * GELU (tanh form) backward: with u = c·(x + 0.044715x³), y = ½x(1 + tanh u), so
 * dy/dx = ½(1 + tanh u) + ½x·(1 − tanh²u)·c·(1 + 3·0.044715x²).
 * dy, x (the pre-activation): [n] -> dx: [n]
 */
export function geluBackward(dy: Float32Array, x: Float32Array, dx: Float32Array = new Float32Array(x.length)): Float32Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const th = Math.tanh(GELU_C * (v + 0.044715 * v * v * v));
    const slope = 0.5 * (1 + th) + 0.5 * v * (1 - th * th) * GELU_C * (1 + 3 * 0.044715 * v * v);
    dx[i] = dy[i] * slope;
  }
  return dx;
}

/** Where the MLP's parameter gradients go. */
export interface MlpGrads {
  w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array;
}

/**
 * MLP backward. Overwrites the four parameter gradients and dx.
 * dOut, x (ln2 output): [R, d], hiddenPre, hiddenPost: [R, dFF] -> dx: [R, d]
 */
export function mlpBackward(
  dOut: Float32Array, x: Float32Array, hiddenPre: Float32Array, hiddenPost: Float32Array, w: LayerWeights,
  R: number, d: number, dFF: number, grads: MlpGrads, dx: Float32Array, scratch: Scratch,
): Float32Array {
  const dHidden = scratch.get('mlp.dHidden', R * dFF);
  linearBackward(dOut, hiddenPost, w.w2, R, dFF, d, grads.w2, grads.b2, dHidden);
  geluBackward(dHidden, hiddenPre, dHidden);
  linearBackward(dHidden, x, w.w1, R, d, dFF, grads.w1, grads.b1, dx);
  return dx;
}
