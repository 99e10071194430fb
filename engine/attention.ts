/**
 * Multi-head causal self-attention, split into the per-head steps the lessons show (and a backward
 * pass mirrors): project → split heads → (rotary) → scores → scale → mask → softmax → weighted
 * values → merge heads → output projection. Head h owns columns [h·dk, (h+1)·dk).
 */
import type { LayerWeights } from './params.ts';
import type { Scratch } from './scratch.ts';
import { applyRotary } from './positions.ts';
import { addBias, matmul, matmulTransB, scale, softmaxRows } from './tensor.ts';

/** Sizes and switches one attention call needs. */
export interface AttentionSettings {
  T: number;
  dModel: number;
  nHeads: number;
  /** Causal mask on (default in the model) or off. */
  causal: boolean;
  /** Rotary frequencies [dk/2] when positions are rotary, otherwise undefined. */
  rotaryOmega?: Float64Array;
}

/** Every intermediate of one attention call; shapes as documented on LayerTrace. */
export interface AttentionParts {
  q: Float32Array; k: Float32Array; v: Float32Array; // [nHeads, T, dk]
  rawScores: Float32Array; scaledScores: Float32Array; maskedScores: Float32Array; weights: Float32Array; // [nHeads, T, T]
  headOutputs: Float32Array; // [nHeads, T, dk]
  out: Float32Array; // [T, d]
}

/** Regroups columns by head. x: [T, nHeads·dk] -> [nHeads, T, dk] */
export function splitHeads(x: Float32Array, T: number, nHeads: number, dk: number, out: Float32Array = new Float32Array(T * nHeads * dk)): Float32Array {
  const d = nHeads * dk;
  for (let h = 0; h < nHeads; h++) {
    for (let t = 0; t < T; t++) out.set(x.subarray(t * d + h * dk, t * d + h * dk + dk), (h * T + t) * dk);
  }
  return out;
}

/** Concatenates heads back along the feature axis. heads: [nHeads, T, dk] -> [T, nHeads·dk] */
export function mergeHeads(heads: Float32Array, T: number, nHeads: number, dk: number, out: Float32Array = new Float32Array(T * nHeads * dk)): Float32Array {
  const d = nHeads * dk;
  for (let h = 0; h < nHeads; h++) {
    for (let t = 0; t < T; t++) out.set(heads.subarray((h * T + t) * dk, (h * T + t) * dk + dk), t * d + h * dk);
  }
  return out;
}

/** Raw attention scores of one head: S = Q·Kᵀ. q: [Tq, dk], k: [Tk, dk] -> [Tq, Tk] */
export function headScores(q: Float32Array, k: Float32Array, Tq: number, Tk: number, dk: number, out: Float32Array = new Float32Array(Tq * Tk)): Float32Array {
  return matmulTransB(q, k, Tq, dk, Tk, out);
}

/** The 1/√dk factor that keeps score variance near 1 for unit-variance q and k. */
export function scoreScale(dk: number): number {
  return 1 / Math.sqrt(dk);
}

/**
 * Causal mask in place: query row i sits at absolute position queryStart + i and may only see
 * keys at positions ≤ its own; later keys become -Infinity. scores: [Tq, Tk] -> [Tq, Tk]
 */
export function applyCausalMask(scores: Float32Array, Tq: number, Tk: number, queryStart = 0): Float32Array {
  for (let i = 0; i < Tq; i++) {
    for (let j = queryStart + i + 1; j < Tk; j++) scores[i * Tk + j] = -Infinity;
  }
  return scores;
}

/** One head's output: attention-weighted sum of values. weights: [Tq, Tk], v: [Tk, dk] -> [Tq, dk] */
export function headOutput(weights: Float32Array, v: Float32Array, Tq: number, Tk: number, dk: number, out: Float32Array = new Float32Array(Tq * dk)): Float32Array {
  return matmul(weights, v, Tq, Tk, dk, out);
}

/** Scores → scaled → masked → softmax for one head; pass the same array several times to work in place. */
export function headWeights(
  raw: Float32Array, scaled: Float32Array, masked: Float32Array, weights: Float32Array,
  Tq: number, Tk: number, dk: number, causal: boolean, queryStart = 0,
): Float32Array {
  scale(raw, scoreScale(dk), scaled);
  if (masked !== scaled) masked.set(scaled);
  if (causal) applyCausalMask(masked, Tq, Tk, queryStart);
  return softmaxRows(masked, Tq, Tk, weights);
}

/** Full multi-head self-attention of one block. x (ln1 output): [T, d] -> out: [T, d] */
export function selfAttention(x: Float32Array, w: LayerWeights, s: AttentionSettings, scratch: Scratch): AttentionParts {
  const { T, dModel: d, nHeads } = s;
  const dk = d / nHeads;
  const project = (weight: Float32Array, bias: Float32Array, role: string, headsRole: string): Float32Array => {
    const flat = matmul(x, weight, T, d, d, scratch.get(role, T * d));
    addBias(flat, bias, T, d, flat);
    const heads = splitHeads(flat, T, nHeads, dk, scratch.get(headsRole, T * d));
    if (s.rotaryOmega && role !== 'vProj') {
      for (let h = 0; h < nHeads; h++) applyRotary(heads.subarray(h * T * dk, (h + 1) * T * dk), T, dk, s.rotaryOmega, 0);
    }
    return heads;
  };
  const q = project(w.wq, w.bq, 'qProj', 'q');
  const k = project(w.wk, w.bk, 'kProj', 'k');
  const v = project(w.wv, w.bv, 'vProj', 'v');

  const rawScores = scratch.get('rawScores', nHeads * T * T);
  const scaledScores = scratch.get('scaledScores', nHeads * T * T);
  const maskedScores = scratch.get('maskedScores', nHeads * T * T);
  const weights = scratch.get('weights', nHeads * T * T);
  const headOutputs = scratch.get('headOutputs', nHeads * T * dk);
  for (let h = 0; h < nHeads; h++) {
    const hd = [h * T * dk, (h + 1) * T * dk] as const;
    const ht = [h * T * T, (h + 1) * T * T] as const;
    headScores(q.subarray(...hd), k.subarray(...hd), T, T, dk, rawScores.subarray(...ht));
    headWeights(rawScores.subarray(...ht), scaledScores.subarray(...ht), maskedScores.subarray(...ht), weights.subarray(...ht), T, T, dk, s.causal);
    headOutput(weights.subarray(...ht), v.subarray(...hd), T, T, dk, headOutputs.subarray(...hd));
  }

  const merged = mergeHeads(headOutputs, T, nHeads, dk, scratch.get('merged', T * d));
  const out = matmul(merged, w.wo, T, d, d, scratch.get('attnOut', T * d));
  addBias(out, w.bo, T, d, out);
  return { q, k, v, rawScores, scaledScores, maskedScores, weights, headOutputs, out };
}
