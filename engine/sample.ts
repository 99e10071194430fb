/**
 * Choosing the next token from logits: greedy, temperature, top-k and top-p, applied in the standard order
 * temperature → top-k → top-p, then one seeded draw. Every function returns the distribution it drew from
 * (kept ids and renormalised probabilities) so a widget can show exactly what the choice was made over.
 */
import { EngineError } from './errors.ts';

/** Decoding settings. Leaving a field out switches that step off. */
export interface SamplingOptions {
  /** τ ≥ 0; logits are divided by τ. 0 means greedy (always the top token). Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens (k ≥ 1). 0 or undefined: keep all. */
  topK?: number;
  /** Keep the smallest most-likely-first set whose probability adds up to at least p, 0 < p ≤ 1. Default 1 (all). */
  topP?: number;
}

/** The distribution a token is drawn from: kept token ids, most likely first, and their renormalised probabilities. */
export interface SamplingDistribution {
  ids: number[];
  probs: number[];
  /** Entropy of `probs` in nats (0 when one token is certain). */
  entropy: number;
}

/** A drawn token together with the distribution it came from. */
export interface SampleResult extends SamplingDistribution {
  token: number;
}

/** Throws a learner-readable error unless every logit is a finite number and there is at least one. */
export function assertValidLogits(logits: ArrayLike<number>): void {
  if (logits.length === 0) throw new EngineError('bad-input', 'There are no logits to sample from (the list is empty).');
  for (let i = 0; i < logits.length; i++) {
    if (!Number.isFinite(logits[i])) {
      throw new EngineError('bad-input', `Logit ${i} is ${String(logits[i])}, not a finite number, so no probabilities can be computed from it.`);
    }
  }
}

function assertValidOptions({ temperature = 1, topK = 0, topP = 1 }: SamplingOptions): void {
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new EngineError('bad-input', `Temperature must be 0 (greedy) or a positive number, not ${String(temperature)}.`);
  }
  if (!Number.isInteger(topK) || topK < 0) {
    throw new EngineError('bad-input', `Top-k must be a whole number ≥ 1 (or 0 for off), not ${String(topK)}.`);
  }
  if (!(topP > 0 && topP <= 1)) {
    throw new EngineError('bad-input', `Top-p must be above 0 and at most 1, not ${String(topP)}.`);
  }
}

/** Index of the largest logit; ties go to the lowest id so greedy decoding is deterministic. logits: [V] -> id */
export function argmax(logits: ArrayLike<number>): number {
  assertValidLogits(logits);
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  return best;
}

function entropyOf(probs: readonly number[]): number {
  let h = 0;
  for (const p of probs) if (p > 0) h -= p * Math.log(p);
  return h;
}

/**
 * The distribution decoding draws from. Top-p is measured on the distribution left after top-k (renormalised),
 * as in common libraries. Floating-point sums get a 1e-12 allowance so p = 1 always keeps every token.
 * logits: [V] -> ids: [n], probs: [n], n ≤ V
 */
export function samplingDistribution(logits: ArrayLike<number>, options: SamplingOptions = {}): SamplingDistribution {
  assertValidLogits(logits);
  assertValidOptions(options);
  const { temperature = 1, topK = 0, topP = 1 } = options;
  if (temperature === 0) return { ids: [argmax(logits)], probs: [1], entropy: 0 };
  // Rank by logit (same order as by probability); ties keep the lower id first.
  const order = Array.from({ length: logits.length }, (_, i) => i);
  order.sort((a, b) => logits[b] - logits[a] || a - b);
  const kept = topK > 0 && topK < order.length ? order.slice(0, topK) : order;
  // Softmax in float64 with the max subtracted, so logits of ±1000 cannot overflow.
  const max = logits[kept[0]];
  const weights = kept.map((id) => Math.exp((logits[id] - max) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let probs = weights.map((w) => w / total);
  let ids = kept;
  if (topP < 1) {
    let mass = 0;
    let count = 0;
    while (count < probs.length && mass < topP - 1e-12) mass += probs[count++];
    ids = ids.slice(0, count);
    probs = probs.slice(0, count).map((p) => p / mass);
  }
  return { ids, probs, entropy: entropyOf(probs) };
}

/** Draws one id from a distribution with a uniform random number u in [0, 1) (inverse-CDF). */
export function drawFrom(distribution: SamplingDistribution, u: number): number {
  let cumulative = 0;
  for (let i = 0; i < distribution.ids.length; i++) {
    cumulative += distribution.probs[i];
    if (u < cumulative) return distribution.ids[i];
  }
  // Rounding can leave the sum a hair under 1; the last kept token takes that sliver.
  return distribution.ids[distribution.ids.length - 1];
}

/**
 * Picks the next token. Greedy (τ = 0) consumes no random number, so mixing greedy and sampled steps keeps
 * later draws reproducible. logits: [V] -> token id, plus the distribution drawn from
 */
export function sampleToken(logits: ArrayLike<number>, options: SamplingOptions, rng: () => number): SampleResult {
  const distribution = samplingDistribution(logits, options);
  const token = distribution.ids.length === 1 ? distribution.ids[0] : drawFrom(distribution, rng());
  return { token, ...distribution };
}
