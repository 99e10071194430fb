/**
 * The GPT forward pass: pre-LN blocks, x += attn(ln1(x)); x += mlp(ln2(x)); logits = lnf(x)·wteᵀ
 * (tied embeddings). Without a trace the pass reuses module-level buffers and allocates little
 * beyond the returned logits; with a trace every intermediate is a fresh array the caller owns.
 */
import type { ModelConfig } from './config.ts';
import { validateConfig } from './config.ts';
import type { Params } from './params.ts';
import { layerWeights, validateParams } from './params.ts';
import type { Scratch } from './scratch.ts';
import { freshScratch, reusableScratch } from './scratch.ts';
import type { LayerTrace, Trace } from './trace.ts';
import { selfAttention } from './attention.ts';
import { mlp } from './mlp.ts';
import { addPositionSignal, positionSignal, rotaryFrequencies } from './positions.ts';
import { add, embedding, layerNorm, matmulTransB } from './tensor.ts';

/** A configuration plus its weights. */
export interface Model {
  config: ModelConfig;
  params: Params;
}

/** Switches for one forward call. */
export interface ForwardOptions {
  /** Default true; false switches the causal mask off (masking chapter). */
  causal?: boolean;
  /** Overrides config.ropeBase at inference (rotary only). */
  ropeBase?: number;
  /** [dk/2] multiplies each pair's frequency (rotary only); default all 1. */
  ropeFreqScale?: Float32Array;
  /** When true, return every intermediate (see Trace); cheap when false. */
  trace?: boolean;
}

/** Result of a forward call: logits [T, V] (caller-owned) and, if asked, the trace. */
export interface ForwardResult {
  logits: Float32Array;
  trace?: Trace;
}

// Without a trace, stages computed in place share one buffer each.
const FAST_ALIASES: Record<string, string> = {
  tokenEmbeddings: 'resid', x0: 'resid', residAfterAttn: 'resid', residAfterMlp: 'resid',
  ln1Out: 'ln', ln2Out: 'ln', finalLnOut: 'ln',
  qProj: 'proj', kProj: 'proj', vProj: 'proj',
  rawScores: 'scores', scaledScores: 'scores', maskedScores: 'scores', weights: 'scores',
  attnOut: 'blockOut', mlpOut: 'blockOut',
  hiddenPre: 'hidden', hiddenPost: 'hidden',
};
const fastScratch = reusableScratch(FAST_ALIASES);
const checkedParams = new WeakSet<Params>();

/** Throws a readable error for ids the model cannot run. */
export function validateIds(config: ModelConfig, ids: readonly number[]): void {
  if (ids.length === 0) throw new RangeError('forward: the input is empty; give at least one token id.');
  if (ids.length > config.contextLength) {
    throw new RangeError(`forward: ${ids.length} tokens exceed the context length of ${config.contextLength}.`);
  }
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t];
    if (!Number.isInteger(id) || id < 0 || id >= config.vocabSize) {
      throw new RangeError(`forward: token id ${String(id)} at position ${t} is outside 0..${config.vocabSize - 1}.`);
    }
  }
}

/** Validates a model once per params object (shape checks are not free on every call). */
export function checkModel(model: Model): void {
  if (checkedParams.has(model.params)) return;
  validateConfig(model.config);
  validateParams(model.config, model.params);
  checkedParams.add(model.params);
}

/** Rotary frequencies for this call, or undefined when positions are not rotary. [dk/2] */
export function rotaryOmegaFor(config: ModelConfig, opts: Pick<ForwardOptions, 'ropeBase' | 'ropeFreqScale'>): Float64Array | undefined {
  if (config.positions !== 'rotary') return undefined;
  return rotaryFrequencies(config.dModel / config.nHeads, opts.ropeBase ?? config.ropeBase, opts.ropeFreqScale);
}

/** Runs the model on a sequence. ids: [T] -> logits: [T, V] (+ trace) */
export function forward(model: Model, ids: readonly number[], opts: ForwardOptions = {}): ForwardResult {
  checkModel(model);
  const { config, params } = model;
  validateIds(config, ids);
  const { dModel: d, nHeads, dFF, vocabSize: V } = config;
  const T = ids.length;
  const wantTrace = opts.trace === true;
  const scratch: Scratch = wantTrace ? freshScratch() : fastScratch;
  const settings = { T, dModel: d, nHeads, causal: opts.causal !== false, rotaryOmega: rotaryOmegaFor(config, opts) };

  const tokenEmbeddings = embedding(params.wte, ids, d, scratch.get('tokenEmbeddings', T * d));
  let x: Float32Array;
  let positionEmbeddings: Float32Array | undefined;
  if (wantTrace) {
    positionEmbeddings = positionSignal(config, params, T);
    x = add(tokenEmbeddings, positionEmbeddings, scratch.get('x0', T * d));
  } else {
    x = addPositionSignal(tokenEmbeddings, config, params, T, 0);
  }
  const x0 = x;

  const layers: LayerTrace[] = [];
  for (let l = 0; l < config.nLayers; l++) {
    const w = layerWeights(params, l);
    const residIn = x;
    const ln1Out = layerNorm(x, w.ln1Gain, w.ln1Bias, T, d, scratch.get('ln1Out', T * d));
    const attn = selfAttention(ln1Out, w, settings, scratch);
    const residAfterAttn = add(residIn, attn.out, scratch.get('residAfterAttn', T * d));
    const ln2Out = layerNorm(residAfterAttn, w.ln2Gain, w.ln2Bias, T, d, scratch.get('ln2Out', T * d));
    const ffn = mlp(ln2Out, w, T, d, dFF, scratch);
    const residAfterMlp = add(residAfterAttn, ffn.out, scratch.get('residAfterMlp', T * d));
    x = residAfterMlp;
    if (wantTrace) {
      layers.push({
        residIn, ln1Out, q: attn.q, k: attn.k, v: attn.v,
        rawScores: attn.rawScores, scaledScores: attn.scaledScores, maskedScores: attn.maskedScores, weights: attn.weights,
        headOutputs: attn.headOutputs, attnOut: attn.out, residAfterAttn, ln2Out,
        mlpHiddenPre: ffn.hiddenPre, mlpHiddenPost: ffn.hiddenPost, mlpOut: ffn.out, residAfterMlp,
      });
    }
  }

  const finalLnOut = layerNorm(x, params['lnf.gain'], params['lnf.bias'], T, d, scratch.get('finalLnOut', T * d));
  // The logits always get a fresh array: the caller keeps them while later calls reuse the scratch.
  const logits = matmulTransB(finalLnOut, params.wte, T, d, V, new Float32Array(T * V));
  if (!wantTrace) return { logits };
  const trace: Trace = {
    dims: { T, d, nHeads, dk: d / nHeads, dFF, V, nLayers: config.nLayers },
    ids: [...ids], tokenEmbeddings, positionEmbeddings: positionEmbeddings!, x0, layers, finalLnOut, logits,
  };
  return { logits, trace };
}
