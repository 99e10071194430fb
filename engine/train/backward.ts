/**
 * The whole model's backward pass: from the gradient of the loss with respect to the logits back
 * to every parameter, walking the blocks in reverse. Each op's rule lives in its own file; this
 * file only threads the residual-stream gradient through them. Every parameter gradient is
 * overwritten (nothing needs zeroing first), so one call gives one batch's gradient.
 */
import type { Model } from '../model.ts';
import { layerParam, layerWeights } from '../params.ts';
import type { Scratch } from '../scratch.ts';
import { matmul, matmulTransA } from '../tensor.ts';
import { attentionBackward } from './attentionBackward.ts';
import type { AttentionGrads } from './attentionBackward.ts';
import { embeddingBackward } from './embeddingBackward.ts';
import type { Activations } from './forwardForTraining.ts';
import type { Grads } from './grads.ts';
import { layerNormBackward } from './layerNormBackward.ts';
import { mlpBackward } from './mlpBackward.ts';
import type { MlpGrads } from './mlpBackward.ts';
import { positionTableBackward } from './positionsBackward.ts';

/** Block l's attention gradients, looked up by name. */
function attentionGrads(grads: Grads, l: number): AttentionGrads {
  const g = (s: string) => grads[layerParam(l, `attn.${s}`)];
  return { wq: g('wq'), wk: g('wk'), wv: g('wv'), wo: g('wo'), bq: g('bq'), bk: g('bk'), bv: g('bv'), bo: g('bo') };
}

/** Block l's MLP gradients, looked up by name. */
function mlpGrads(grads: Grads, l: number): MlpGrads {
  const g = (s: string) => grads[layerParam(l, `mlp.${s}`)];
  return { w1: g('w1'), b1: g('b1'), w2: g('w2'), b2: g('b2') };
}

/**
 * Backpropagates dLogits through the model, writing every parameter's gradient into `grads`.
 * dLogits: [B·T, V], inputs: [B·T] ids -> grads (one tensor per parameter)
 */
export function backward(model: Model, acts: Activations, inputs: Int32Array, dLogits: Float32Array, grads: Grads, scratch: Scratch): Grads {
  const { config, params } = model;
  const { dModel: d, nHeads: H, dFF, vocabSize: V, nLayers } = config;
  const { B, T } = acts;
  const R = B * T;

  // Tied unembedding: logits = lnf·wteᵀ gives dLnf = dLogits·wte and dWte = dLogitsᵀ·lnf.
  const dLn = scratch.get('grad.dLn', R * d);
  matmul(dLogits, params.wte, R, V, d, dLn);
  matmulTransA(dLogits, acts.lnf.out, V, R, d, grads.wte);

  // The residual-stream gradient, carried down through the blocks.
  let dx = scratch.get('grad.dxA', R * d);
  let dxNext = scratch.get('grad.dxB', R * d);
  const last = acts.blocks[nLayers - 1]?.residOut ?? acts.x0;
  grads['lnf.gain'].fill(0);
  grads['lnf.bias'].fill(0);
  layerNormBackward(dLn, last, acts.lnf.mean, acts.lnf.rstd, params['lnf.gain'], R, d, dx, grads['lnf.gain'], grads['lnf.bias']);

  for (let l = nLayers - 1; l >= 0; l--) {
    const a = acts.blocks[l];
    const w = layerWeights(params, l);
    const name = (s: string) => layerParam(l, s);
    // x_out = x_mid + mlp(ln2(x_mid)): the residual passes dx straight through, plus the MLP path.
    mlpBackward(dx, a.ln2.out, a.hiddenPre, a.hiddenPost, w, R, d, dFF, mlpGrads(grads, l), dLn, scratch);
    dxNext.set(dx);
    grads[name('ln2.gain')].fill(0);
    grads[name('ln2.bias')].fill(0);
    const dLnPath = scratch.get('grad.dLnPath', R * d);
    layerNormBackward(dLn, a.residMid, a.ln2.mean, a.ln2.rstd, w.ln2Gain, R, d, dLnPath, grads[name('ln2.gain')], grads[name('ln2.bias')]);
    for (let i = 0; i < R * d; i++) dxNext[i] += dLnPath[i];
    [dx, dxNext] = [dxNext, dx];

    // x_mid = x_in + attn(ln1(x_in)).
    attentionBackward(dx, { x: a.ln1.out, q: a.q, k: a.k, v: a.v, weights: a.weights, merged: a.merged }, w, B, T, d, H, acts.rotaryOmega, attentionGrads(grads, l), dLn, scratch);
    dxNext.set(dx);
    grads[name('ln1.gain')].fill(0);
    grads[name('ln1.bias')].fill(0);
    layerNormBackward(dLn, a.residIn, a.ln1.mean, a.ln1.rstd, w.ln1Gain, R, d, dLnPath, grads[name('ln1.gain')], grads[name('ln1.bias')]);
    for (let i = 0; i < R * d; i++) dxNext[i] += dLnPath[i];
    [dx, dxNext] = [dxNext, dx];
  }

  // x0 = wte[ids] (+ wpe[t]).
  embeddingBackward(dx, inputs, d, grads.wte);
  if (config.positions === 'learned') positionTableBackward(dx, B, T, d, grads.wpe);
  return grads;
}
