/**
 * Autoregressive generation: run the model, sample the next token, append, repeat; stop at a stop token
 * (e.g. <eos>) or after maxTokens. Steps use the KV cache (one new position per step) while the text fits
 * the context; once it outgrows it, only the last contextLength tokens are fed (a sliding window) through
 * a full forward pass, because shifting the window changes every position. With the causal mask switched
 * off every step is a full forward pass too, since a cache is causal by construction.
 */
import type { ForwardOptions, Model } from '../model.ts';
import { forward } from '../model.ts';
import { createKvCache, decodeStep, prefill } from '../kvCache.ts';
import type { KvCache } from '../kvCache.ts';
import { createRng } from '../rng.ts';
import { sampleToken } from '../sample.ts';
import type { SamplingDistribution, SamplingOptions } from '../sample.ts';

/** Decoding settings plus how long to go on and where to stop. */
export interface GenerateOptions extends SamplingOptions {
  maxTokens: number;
  /** Seed of the sampling rng: the same seed and settings reproduce the same text. */
  seed: number;
  /** Generation stops after producing any of these ids (the stop token is included in the output). */
  stopIds?: readonly number[];
  forwardOptions?: Omit<ForwardOptions, 'trace'>;
}

/** One generated token and the distribution it was drawn from. */
export interface GeneratedStep {
  token: number;
  distribution: SamplingDistribution;
}

/** The generated continuation (prompt not included) and why generation ended. */
export interface GenerateResult {
  ids: number[];
  steps: GeneratedStep[];
  stoppedBy: 'stop-token' | 'max-tokens';
}

/** Logits for the token after `ids` (the last row of forward's output). ids: [T] -> [V] */
export function nextTokenLogits(model: Model, ids: readonly number[], options: Omit<ForwardOptions, 'trace'> = {}): Float32Array {
  const visible = ids.length > model.config.contextLength ? ids.slice(ids.length - model.config.contextLength) : ids;
  const { logits } = forward(model, visible, options);
  const V = model.config.vocabSize;
  return logits.slice((visible.length - 1) * V, visible.length * V);
}

/**
 * Yields one generated step at a time (so a worker can stream tokens and stop between them); the last
 * yielded step is the stop token when generation ended on one. promptIds: [T] -> steps
 */
export function* generateSteps(model: Model, promptIds: readonly number[], options: GenerateOptions): Generator<GeneratedStep, GenerateResult['stoppedBy']> {
  if (promptIds.length === 0) throw new RangeError('Generation needs a prompt of at least one token.');
  if (!Number.isInteger(options.maxTokens) || options.maxTokens < 0) throw new RangeError(`maxTokens must be a whole number ≥ 0, got ${options.maxTokens}.`);
  const rng = createRng(options.seed);
  const stop = new Set(options.stopIds ?? []);
  const context = [...promptIds];
  const forwardOptions = options.forwardOptions ?? {};
  const C = model.config.contextLength;
  let cache: KvCache | undefined;
  let logits: Float32Array;
  if (forwardOptions.causal !== false && context.length <= C) {
    cache = createKvCache(model, { ropeBase: forwardOptions.ropeBase, ropeFreqScale: forwardOptions.ropeFreqScale });
    logits = prefill(cache, context);
  } else {
    logits = nextTokenLogits(model, context, forwardOptions);
  }
  for (let i = 0; i < options.maxTokens; i++) {
    const { token, ids, probs, entropy } = sampleToken(logits, options, rng);
    yield { token, distribution: { ids, probs, entropy } };
    context.push(token);
    if (stop.has(token)) return 'stop-token';
    if (i + 1 === options.maxTokens) break;
    if (cache && cache.length < C) {
      logits = decodeStep(cache, token);
    } else {
      cache = undefined;
      logits = nextTokenLogits(model, context, forwardOptions);
    }
  }
  return 'max-tokens';
}

/** Generates up to maxTokens tokens after a non-empty prompt. promptIds: [T] -> continuation ids: [≤ maxTokens] */
export function generate(model: Model, promptIds: readonly number[], options: GenerateOptions): GenerateResult {
  const steps: GeneratedStep[] = [];
  const iterator = generateSteps(model, promptIds, options);
  for (let next = iterator.next(); ; next = iterator.next()) {
    if (next.done) return { ids: steps.map((s) => s.token), steps, stoppedBy: next.value };
    steps.push(next.value);
  }
}
