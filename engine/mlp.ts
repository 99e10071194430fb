/** The position-wise feed-forward network of a block: out = GELU(x·W1 + b1)·W2 + b2. */
import type { LayerWeights } from './params.ts';
import type { Scratch } from './scratch.ts';
import { addBias, gelu, matmul } from './tensor.ts';

/** The MLP's intermediates: hidden pre-/post-activation [T, dFF] and output [T, d]. */
export interface MlpParts {
  hiddenPre: Float32Array;
  hiddenPost: Float32Array;
  out: Float32Array;
}

/** Feed-forward block. x (ln2 output): [T, d] -> out: [T, d] (hidden: [T, dFF]) */
export function mlp(x: Float32Array, w: LayerWeights, T: number, d: number, dFF: number, scratch: Scratch): MlpParts {
  const hiddenPre = matmul(x, w.w1, T, d, dFF, scratch.get('hiddenPre', T * dFF));
  addBias(hiddenPre, w.b1, T, dFF, hiddenPre);
  const hiddenPost = gelu(hiddenPre, scratch.get('hiddenPost', T * dFF));
  const out = matmul(hiddenPost, w.w2, T, dFF, d, scratch.get('mlpOut', T * d));
  addBias(out, w.b2, T, d, out);
  return { hiddenPre, hiddenPost, out };
}
