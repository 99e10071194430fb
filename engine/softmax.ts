import { EngineError } from './errors.ts';

/** Result of turning scores into probabilities, with the intermediates a lesson shows. */
export interface SoftmaxResult {
  /** The scores divided by τ: z_i/τ. */
  scaled: number[];
  /** e^(z_i/τ), unshifted, for display; may overflow to Infinity for huge scores (the probs never do). */
  exps: number[];
  /** Sum of `exps` (again for display). */
  sum: number;
  /** The probabilities: positive, summing to 1, in the order of the scores. */
  probs: number[];
}

/** Rejects inputs no probability can come from: empty lists, NaN and infinities. */
export function assertFiniteScores(scores: readonly number[]): void {
  if (scores.length === 0) throw new EngineError('bad-input', 'There are no scores yet: enter at least one number.');
  const bad = scores.findIndex((s) => typeof s !== 'number' || !Number.isFinite(s));
  if (bad >= 0) {
    const what = Number.isNaN(scores[bad]) || typeof scores[bad] !== 'number' ? 'is empty or not a number' : 'is infinite';
    throw new EngineError('bad-input', `Score ${bad + 1} ${what}: enter an ordinary number such as 2.5 or -1.`);
  }
}

/**
 * Softmax with temperature τ. τ = 0 is the limit τ → 0: all mass on the largest score, shared equally on ties.
 * scores: [n] -> probs: [n]
 */
export function softmaxWithTemperature(scores: readonly number[], temperature: number): SoftmaxResult {
  assertFiniteScores(scores);
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new EngineError('bad-input', `Temperature must be zero or a positive number, not ${String(temperature)}.`);
  }
  const max = Math.max(...scores);
  if (temperature === 0) {
    const winners = scores.map((s) => (s === max ? 1 : 0));
    const count = winners.reduce((a: number, b) => a + b, 0);
    const probs = winners.map((w) => w / count);
    return { scaled: scores.map((s) => (s === max ? Infinity : -Infinity)), exps: winners, sum: count, probs };
  }
  const scaled = scores.map((s) => s / temperature);
  const exps = scaled.map((z) => Math.exp(z));
  // Subtracting the max before exponentiating keeps every weight ≤ 1, so scores of ±1000 cannot overflow.
  const shifted = scores.map((s) => Math.exp((s - max) / temperature));
  const shiftedSum = shifted.reduce((a, b) => a + b, 0);
  return { scaled, exps, sum: exps.reduce((a, b) => a + b, 0), probs: shifted.map((e) => e / shiftedSum) };
}

/** The naive alternative a lesson contrasts with softmax: each score over the sum (fails for negative scores). */
export function divideBySum(scores: readonly number[]): number[] {
  assertFiniteScores(scores);
  const sum = scores.reduce((a, b) => a + b, 0);
  return scores.map((s) => s / sum);
}

/** Entropy in nats of a probability vector; zero-probability entries contribute nothing. */
export function entropy(probs: readonly number[]): number {
  let h = 0;
  for (const p of probs) if (p > 0) h -= p * Math.log(p);
  return h;
}
