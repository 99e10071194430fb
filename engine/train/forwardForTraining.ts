/**
 * The forward pass over a whole batch, keeping exactly what the backward pass needs. It runs the
 * same kernels and attention steps as model.ts (so its logits match `forward` row by row), but
 * on [B·T, d] matrices at once: the projections and the MLP become a few large matrix products,
 * which is where the blocked matmul is fastest. Buffers come from a reusable scratch, so a
 * training loop allocates nothing per step; the returned activations are overwritten by the
 * next call with the same scratch.
 */
import type { Model } from '../model.ts';
import { checkModel, rotaryOmegaFor } from '../model.ts';
import type { LayerWeights } from '../params.ts';
import { layerWeights } from '../params.ts';
import type { Scratch } from '../scratch.ts';
import { headOutput, headScores, headWeights, mergeHeads, splitHeads } from '../attention.ts';
import { applyRotary, modelSinusoidalTable } from '../positions.ts';
import { add, addBias, gelu, layerNorm, matmul, matmulTransB } from '../tensor.ts';
import type { TokenBatch } from './batch.ts';

/** Switches of a training forward (a subset of ForwardOptions). */
export interface TrainingForwardOptions {
  /** Default true; false trains without the causal mask (the chapter 7 "cheater"). */
  causal?: boolean;
}

/** A layer norm's output and the per-row statistics its backward pass reuses. */
export interface LayerNormActivations {
  out: Float32Array; // [R, d]
  mean: Float32Array; // [R]
  rstd: Float32Array; // [R]
}

/** What one block keeps for the backward pass. R = B·T rows. */
export interface BlockActivations {
  residIn: Float32Array; // [R, d]
  ln1: LayerNormActivations;
  q: Float32Array; k: Float32Array; v: Float32Array; // [B, H, T, dk], q and k after rotary
  weights: Float32Array; // attention weights [B, H, T, T]
  merged: Float32Array; // head outputs concatenated [R, d]
  residMid: Float32Array; // residIn + attention output [R, d]
  ln2: LayerNormActivations;
  hiddenPre: Float32Array; hiddenPost: Float32Array; // [R, dFF]
  residOut: Float32Array; // residMid + MLP output [R, d]
}

/** Everything a batched forward produced. */
export interface Activations {
  B: number;
  T: number;
  causal: boolean;
  /** Rotary frequencies [dk/2] when positions are rotary. */
  rotaryOmega?: Float64Array;
  x0: Float32Array; // [R, d]
  blocks: BlockActivations[];
  lnf: LayerNormActivations;
  logits: Float32Array; // [R, V]
}

/** Gathers token rows and adds the position signal of each row's position t. inputs: [B, T] -> [B·T, d] */
function embed(model: Model, batch: TokenBatch, out: Float32Array): Float32Array {
  const { config, params } = model;
  const { B, T, inputs } = batch;
  const d = config.dModel;
  const V = config.vocabSize;
  const table = config.positions === 'learned' ? params.wpe : config.positions === 'sinusoidal' ? modelSinusoidalTable(config) : undefined;
  for (let r = 0; r < B * T; r++) {
    const id = inputs[r];
    if (!(id >= 0 && id < V)) throw new RangeError(`training batch: token id ${id} at row ${Math.floor(r / T)}, position ${r % T} is outside 0..${V - 1}.`);
    const o = r * d;
    const e = id * d;
    if (table) {
      const p = (r % T) * d;
      for (let c = 0; c < d; c++) out[o + c] = params.wte[e + c] + table[p + c];
    } else {
      out.set(params.wte.subarray(e, e + d), o);
    }
  }
  return out;
}

/** Layer norm that keeps its statistics. x: [R, d] -> out: [R, d] */
function normWithStats(x: Float32Array, gain: Float32Array, bias: Float32Array, R: number, d: number, scratch: Scratch, role: string): LayerNormActivations {
  const out = scratch.get(`${role}.out`, R * d);
  const mean = scratch.get(`${role}.mean`, R);
  const rstd = scratch.get(`${role}.rstd`, R);
  layerNorm(x, gain, bias, R, d, out, mean, rstd);
  return { out, mean, rstd };
}

/** x·W + b, split into heads per sequence, rotated when asked. x: [R, d] -> [B, H, T, dk] */
function projectHeads(
  x: Float32Array, weight: Float32Array, bias: Float32Array, B: number, T: number, d: number, H: number,
  omega: Float64Array | undefined, flat: Float32Array, out: Float32Array,
): Float32Array {
  const dk = d / H;
  matmul(x, weight, B * T, d, d, flat);
  addBias(flat, bias, B * T, d, flat);
  for (let b = 0; b < B; b++) splitHeads(flat.subarray(b * T * d, (b + 1) * T * d), T, H, dk, out.subarray(b * T * d, (b + 1) * T * d));
  if (omega) for (let bh = 0; bh < B * H; bh++) applyRotary(out.subarray(bh * T * dk, (bh + 1) * T * dk), T, dk, omega, 0);
  return out;
}

/** One block's forward on the whole batch. x: [R, d] -> residOut: [R, d] */
function blockForward(x: Float32Array, w: LayerWeights, l: number, model: Model, B: number, T: number, causal: boolean, omega: Float64Array | undefined, scratch: Scratch): BlockActivations {
  const { dModel: d, nHeads: H, dFF } = model.config;
  const R = B * T;
  const dk = d / H;
  const name = (role: string) => `block${l}.${role}`;
  const ln1 = normWithStats(x, w.ln1Gain, w.ln1Bias, R, d, scratch, name('ln1'));
  const flat = scratch.get('projection', R * d);
  const q = projectHeads(ln1.out, w.wq, w.bq, B, T, d, H, omega, flat, scratch.get(name('q'), R * d));
  const k = projectHeads(ln1.out, w.wk, w.bk, B, T, d, H, omega, flat, scratch.get(name('k'), R * d));
  const v = projectHeads(ln1.out, w.wv, w.bv, B, T, d, H, undefined, flat, scratch.get(name('v'), R * d));

  const weights = scratch.get(name('weights'), B * H * T * T);
  const heads = scratch.get('headOutputs', R * d);
  for (let bh = 0; bh < B * H; bh++) {
    const hd = [bh * T * dk, (bh + 1) * T * dk] as const;
    const scores = weights.subarray(bh * T * T, (bh + 1) * T * T);
    headScores(q.subarray(...hd), k.subarray(...hd), T, T, dk, scores);
    // Raw → scaled → masked → softmax in place: backward needs only the final weights.
    headWeights(scores, scores, scores, scores, T, T, dk, causal);
    headOutput(scores, v.subarray(...hd), T, T, dk, heads.subarray(...hd));
  }
  const merged = scratch.get(name('merged'), R * d);
  for (let b = 0; b < B; b++) mergeHeads(heads.subarray(b * T * d, (b + 1) * T * d), T, H, dk, merged.subarray(b * T * d, (b + 1) * T * d));
  const attnOut = scratch.get('blockOut', R * d);
  matmul(merged, w.wo, R, d, d, attnOut);
  addBias(attnOut, w.bo, R, d, attnOut);
  const residMid = add(x, attnOut, scratch.get(name('residMid'), R * d));

  const ln2 = normWithStats(residMid, w.ln2Gain, w.ln2Bias, R, d, scratch, name('ln2'));
  const hiddenPre = scratch.get(name('hiddenPre'), R * dFF);
  matmul(ln2.out, w.w1, R, d, dFF, hiddenPre);
  addBias(hiddenPre, w.b1, R, dFF, hiddenPre);
  const hiddenPost = gelu(hiddenPre, scratch.get(name('hiddenPost'), R * dFF));
  const mlpOut = scratch.get('blockOut', R * d);
  matmul(hiddenPost, w.w2, R, dFF, d, mlpOut);
  addBias(mlpOut, w.b2, R, d, mlpOut);
  const residOut = add(residMid, mlpOut, scratch.get(name('residOut'), R * d));
  return { residIn: x, ln1, q, k, v, weights, merged, residMid, ln2, hiddenPre, hiddenPost, residOut };
}

/** Batched forward that keeps activations for backward. batch: [B, T] ids -> logits [B·T, V] (+ activations) */
export function forwardForTraining(model: Model, batch: TokenBatch, scratch: Scratch, opts: TrainingForwardOptions = {}): Activations {
  checkModel(model);
  const { config, params } = model;
  const { B, T } = batch;
  if (T > config.contextLength) throw new RangeError(`training batch: T = ${T} exceeds the context length ${config.contextLength}.`);
  if (batch.inputs.length !== B * T || batch.targets.length !== B * T) throw new RangeError('training batch: inputs and targets must both hold B·T ids.');
  const { dModel: d, vocabSize: V } = config;
  const R = B * T;
  const causal = opts.causal !== false;
  const omega = rotaryOmegaFor(config, {});
  const x0 = embed(model, batch, scratch.get('x0', R * d));
  const blocks: BlockActivations[] = [];
  let x = x0;
  for (let l = 0; l < config.nLayers; l++) {
    const block = blockForward(x, layerWeights(params, l), l, model, B, T, causal, omega, scratch);
    blocks.push(block);
    x = block.residOut;
  }
  const lnf = normWithStats(x, params['lnf.gain'], params['lnf.bias'], R, d, scratch, 'lnf');
  const logits = matmulTransB(lnf.out, params.wte, R, d, V, scratch.get('logits', R * V));
  return { B, T, causal, rotaryOmega: omega, x0, blocks, lnf, logits };
}
