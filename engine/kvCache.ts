/**
 * Incremental decoding with a key/value cache. Each step runs the model on one new token and
 * attends to the keys and values stored for all earlier positions, so generating n tokens costs
 * O(n) block evaluations instead of O(n²). The cache is always causal (a token cannot attend to
 * tokens not yet generated). Every step returns exactly (bit for bit) the last row of a full
 * forward over the same ids: both paths use the same kernels, whose per-element summation order
 * does not depend on how many rows are computed (see matmul.ts).
 */
import type { Model, ForwardOptions } from './model.ts';
import { checkModel, rotaryOmegaFor } from './model.ts';
import type { LayerWeights } from './params.ts';
import { layerWeights } from './params.ts';
import { headOutput, headScores, headWeights } from './attention.ts';
import { addPositionSignal, applyRotary } from './positions.ts';
import { addBias, embedding, gelu, layerNorm, matmul, matmulTransB } from './tensor.ts';

/** Inference-time options a cache fixes for its whole life (rotary only). */
export type KvCacheOptions = Pick<ForwardOptions, 'ropeBase' | 'ropeFreqScale'>;

/** Per-step working rows, allocated once per cache. */
interface StepBuffers {
  x: Float32Array; ln: Float32Array; q: Float32Array; k: Float32Array; v: Float32Array; // [d]
  scores: Float32Array; // [contextLength]
  heads: Float32Array; blockOut: Float32Array; // [d]
  hidden: Float32Array; // [dFF]
}

/** Cached keys/values plus everything a decode step needs. */
export interface KvCache {
  readonly model: Model;
  /** Number of positions already consumed (the next token goes at this position). */
  length: number;
  /** Ids consumed so far, in order. */
  ids: number[];
  /** Per layer, keys after rotary. [nHeads, contextLength, dk] each */
  keys: Float32Array[];
  /** Per layer, values. [nHeads, contextLength, dk] each */
  values: Float32Array[];
  readonly rotaryOmega?: Float64Array;
  readonly layers: LayerWeights[];
  readonly buffers: StepBuffers;
}

/** An empty cache for this model; allocates K/V storage for the full context length. */
export function createKvCache(model: Model, opts: KvCacheOptions = {}): KvCache {
  checkModel(model);
  const { contextLength: C, dModel: d, dFF, nLayers } = model.config;
  const layers = Array.from({ length: nLayers }, (_, l) => layerWeights(model.params, l));
  const row = () => new Float32Array(d);
  return {
    model, length: 0, ids: [],
    keys: layers.map(() => new Float32Array(C * d)),
    values: layers.map(() => new Float32Array(C * d)),
    rotaryOmega: rotaryOmegaFor(model.config, opts),
    layers,
    buffers: { x: row(), ln: row(), q: row(), k: row(), v: row(), scores: new Float32Array(C), heads: row(), blockOut: row(), hidden: new Float32Array(dFF) },
  };
}

/** Forgets positions ≥ length (e.g. to edit the end of a prompt); earlier entries stay valid. */
export function rewindKvCache(cache: KvCache, length: number): void {
  if (!Number.isInteger(length) || length < 0 || length > cache.length) {
    throw new RangeError(`rewindKvCache: length must be an integer in 0..${cache.length}, got ${length}.`);
  }
  cache.length = length;
  cache.ids.length = length;
}

/** One block's attention for the single newest position, reading and extending the cache. ln: [d] -> out: [d] */
function attendOneStep(cache: KvCache, l: number, w: LayerWeights, out: Float32Array): void {
  const { dModel: d, nHeads, contextLength: C } = cache.model.config;
  const dk = d / nHeads;
  const p = cache.length;
  const b = cache.buffers;
  const project = (weight: Float32Array, bias: Float32Array, dst: Float32Array) => addBias(matmul(b.ln, weight, 1, d, d, dst), bias, 1, d, dst);
  project(w.wq, w.bq, b.q);
  project(w.wk, w.bk, b.k);
  project(w.wv, w.bv, b.v);
  const keys = cache.keys[l];
  const values = cache.values[l];
  for (let h = 0; h < nHeads; h++) {
    const q = b.q.subarray(h * dk, (h + 1) * dk);
    const k = b.k.subarray(h * dk, (h + 1) * dk);
    if (cache.rotaryOmega) {
      applyRotary(q, 1, dk, cache.rotaryOmega, p);
      applyRotary(k, 1, dk, cache.rotaryOmega, p);
    }
    const slot = (h * C + p) * dk;
    keys.set(k, slot);
    values.set(b.v.subarray(h * dk, (h + 1) * dk), slot);
    const headKeys = keys.subarray(h * C * dk, (h * C + p + 1) * dk);
    const headValues = values.subarray(h * C * dk, (h * C + p + 1) * dk);
    const scores = b.scores.subarray(0, p + 1);
    headScores(q, headKeys, 1, p + 1, dk, scores);
    // All cached keys are at or before position p, so there is nothing to mask.
    headWeights(scores, scores, scores, scores, 1, p + 1, dk, false);
    headOutput(scores, headValues, 1, p + 1, dk, b.heads.subarray(h * dk, (h + 1) * dk));
  }
  addBias(matmul(b.heads, w.wo, 1, d, d, out), w.bo, 1, d, out);
}

/** Feeds one token at position cache.length and returns its next-token logits. id -> logits: [V] */
export function decodeStep(cache: KvCache, id: number): Float32Array {
  const { config, params } = cache.model;
  const { dModel: d, dFF, vocabSize: V } = config;
  const p = cache.length;
  if (p >= config.contextLength) {
    throw new RangeError(`decodeStep: the cache is full (${config.contextLength} positions); rewind it or start a new one.`);
  }
  if (!Number.isInteger(id) || id < 0 || id >= V) throw new RangeError(`decodeStep: token id ${String(id)} is outside 0..${V - 1}.`);
  const b = cache.buffers;
  embedding(params.wte, [id], d, b.x);
  addPositionSignal(b.x, config, params, 1, p);
  for (let l = 0; l < config.nLayers; l++) {
    const w = cache.layers[l];
    layerNorm(b.x, w.ln1Gain, w.ln1Bias, 1, d, b.ln);
    attendOneStep(cache, l, w, b.blockOut);
    for (let i = 0; i < d; i++) b.x[i] += b.blockOut[i];
    layerNorm(b.x, w.ln2Gain, w.ln2Bias, 1, d, b.ln);
    addBias(matmul(b.ln, w.w1, 1, d, dFF, b.hidden), w.b1, 1, dFF, b.hidden);
    gelu(b.hidden, b.hidden);
    addBias(matmul(b.hidden, w.w2, 1, dFF, d, b.blockOut), w.b2, 1, d, b.blockOut);
    for (let i = 0; i < d; i++) b.x[i] += b.blockOut[i];
  }
  layerNorm(b.x, params['lnf.gain'], params['lnf.bias'], 1, d, b.ln);
  cache.length = p + 1;
  cache.ids.push(id);
  return matmulTransB(b.ln, params.wte, 1, d, V, new Float32Array(V));
}

/** Feeds several tokens in order; returns the logits after the last one. ids: [n] -> [V] */
export function prefill(cache: KvCache, ids: readonly number[]): Float32Array {
  if (ids.length === 0) throw new RangeError('prefill: give at least one token id.');
  let logits: Float32Array = new Float32Array(0);
  for (const id of ids) logits = decodeStep(cache, id);
  return logits;
}
