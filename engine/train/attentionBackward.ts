/**
 * Backward of multi-head self-attention, mirroring the forward's steps in reverse:
 * output projection → merge heads → (weights·V) → softmax → mask → scale → Q·Kᵀ → rotary →
 * split heads → Q, K, V projections. Masked entries have weight exactly 0, so they pass no
 * gradient and need no special case.
 */
import type { LayerWeights } from '../params.ts';
import type { Scratch } from '../scratch.ts';
import { mergeHeads, scoreScale, splitHeads } from '../attention.ts';
import { matmul, matmulTransA, matmulTransB } from '../tensor.ts';
import { linearBackward } from './linearBackward.ts';
import { rotaryBackward } from './positionsBackward.ts';

/**
 * Backward of row softmax followed by a constant scale: with A = softmax(scale·S),
 * dS_ij = scale·A_ij·(dA_ij − Σ_k dA_ik·A_ik). Works in place (out may be dA).
 * dA, A: [rows, cols] -> dS: [rows, cols]
 */
export function softmaxBackwardRows(dA: Float32Array, A: Float32Array, rows: number, cols: number, scale: number, out: Float32Array = new Float32Array(rows * cols)): Float32Array {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let dot = 0;
    for (let c = 0; c < cols; c++) dot += dA[o + c] * A[o + c];
    for (let c = 0; c < cols; c++) out[o + c] = scale * A[o + c] * (dA[o + c] - dot);
  }
  return out;
}

/** Temporary [T, T] buffers one head's backward uses. */
export interface HeadScratch {
  dWeights: Float32Array;
}

/**
 * One head's backward. q, k are the (rotated) queries and keys the scores were made from,
 * weights the softmax output, dOut the gradient of weights·V. Overwrites dq, dk, dv.
 * q, k, v, dOut: [T, dk], weights: [T, T] -> dq, dk, dv: [T, dk]
 */
export function headAttentionBackward(
  q: Float32Array, k: Float32Array, v: Float32Array, weights: Float32Array, dOut: Float32Array, T: number, dk: number,
  dq: Float32Array, dkOut: Float32Array, dv: Float32Array, dScores: Float32Array = new Float32Array(T * T),
): void {
  matmulTransB(dOut, v, T, dk, T, dScores); // dWeights = dOut·Vᵀ
  matmulTransA(weights, dOut, T, T, dk, dv); // dV = Aᵀ·dOut
  softmaxBackwardRows(dScores, weights, T, T, scoreScale(dk), dScores); // d(raw scores)
  matmul(dScores, k, T, T, dk, dq); // dQ = dS·K
  matmulTransA(dScores, q, T, T, dk, dkOut); // dK = dSᵀ·Q
}

/** Where attention's parameter gradients go. */
export interface AttentionGrads {
  wq: Float32Array; wk: Float32Array; wv: Float32Array; wo: Float32Array;
  bq: Float32Array; bk: Float32Array; bv: Float32Array; bo: Float32Array;
}

/** What the attention backward needs from the forward of one block. */
export interface AttentionSaved {
  /** The attention input (ln1 output). [R, d] */
  x: Float32Array;
  q: Float32Array; k: Float32Array; v: Float32Array; // [B, H, T, dk]
  weights: Float32Array; // [B, H, T, T]
  merged: Float32Array; // [R, d]
}

/**
 * Full attention backward for a batch of B sequences. Overwrites the eight parameter gradients and dx.
 * dOut: [R, d] (gradient of the attention output) -> dx: [R, d] (gradient of its input)
 */
export function attentionBackward(
  dOut: Float32Array, saved: AttentionSaved, w: LayerWeights, B: number, T: number, d: number, H: number,
  omega: Float64Array | undefined, grads: AttentionGrads, dx: Float32Array, scratch: Scratch,
): Float32Array {
  const R = B * T;
  const dk = d / H;
  const seq = (b: number) => [b * T * d, (b + 1) * T * d] as const;
  const flat = scratch.get('attn.flat', R * d);
  linearBackward(dOut, saved.merged, w.wo, R, d, d, grads.wo, grads.bo, flat);
  const dHeads = scratch.get('attn.dHeads', R * d);
  for (let b = 0; b < B; b++) splitHeads(flat.subarray(...seq(b)), T, H, dk, dHeads.subarray(...seq(b)));

  const dq = scratch.get('attn.dq', R * d);
  const dkAll = scratch.get('attn.dk', R * d);
  const dv = scratch.get('attn.dv', R * d);
  const dScores = scratch.get('attn.dScores', T * T);
  for (let bh = 0; bh < B * H; bh++) {
    const hd = [bh * T * dk, (bh + 1) * T * dk] as const;
    headAttentionBackward(
      saved.q.subarray(...hd), saved.k.subarray(...hd), saved.v.subarray(...hd), saved.weights.subarray(bh * T * T, (bh + 1) * T * T),
      dHeads.subarray(...hd), T, dk, dq.subarray(...hd), dkAll.subarray(...hd), dv.subarray(...hd), dScores,
    );
  }
  if (omega) {
    rotaryBackward(dq, B * H, T, dk, omega);
    rotaryBackward(dkAll, B * H, T, dk, omega);
  }

  // Each projection's input gradient is added into dx; the first overwrites it.
  const dxPart = scratch.get('attn.dxPart', R * d);
  const projections: [Float32Array, Float32Array, Float32Array, Float32Array][] = [
    [dq, w.wq, grads.wq, grads.bq], [dkAll, w.wk, grads.wk, grads.bk], [dv, w.wv, grads.wv, grads.bv],
  ];
  projections.forEach(([dHeadsOf, weight, dWeight, dBias], i) => {
    for (let b = 0; b < B; b++) mergeHeads(dHeadsOf.subarray(...seq(b)), T, H, dk, flat.subarray(...seq(b)));
    linearBackward(flat, saved.x, weight, R, d, d, dWeight, dBias, i === 0 ? dx : dxPart);
    if (i > 0) for (let j = 0; j < R * d; j++) dx[j] += dxPart[j];
  });
  return dx;
}
