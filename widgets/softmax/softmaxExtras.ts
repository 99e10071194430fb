// Pure numbers for SoftmaxLab's two extra tabs: seeded "Sample 100×" counts and the loss −ln p of each token.
import { samplingDistribution } from '../../engine/sample.ts';
import { drawSamples } from '../sampling/samplingModel.ts';
import type { SoftmaxLabSettings } from './softmaxLabModel.ts';

/** Draws in one press of "Sample 100×". */
export const SAMPLE_BATCH = 100;

/** One token's row in the sample table: what truncation left it, what 100 draws should give, and what they gave. */
export interface SampleCountRow { token: number; prob: number; expected: number; count: number }

/**
 * Draws `n` tokens (seeded) from the distribution the lab shows, τ and truncation included, and counts them per
 * token. Cut tokens get probability 0 and can never be drawn. scores: [k] -> rows: [k]
 */
export function sampleCounts(settings: SoftmaxLabSettings, seed: number, n = SAMPLE_BATCH): SampleCountRow[] {
  const distribution = samplingDistribution(settings.scores, { temperature: settings.tau, topK: settings.topK, topP: settings.topP });
  const counts = new Array<number>(settings.scores.length).fill(0);
  for (const token of drawSamples(distribution, seed, n)) counts[token] += 1;
  const prob = new Map(distribution.ids.map((id, i) => [id, distribution.probs[i]]));
  return settings.scores.map((_, token) => ({ token, prob: prob.get(token) ?? 0, expected: n * (prob.get(token) ?? 0), count: counts[token] }));
}

/** The training loss if `p` is the probability the model gave the correct token: −ln p in nats (∞ at p = 0). */
export function tokenLoss(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  return -Math.log(p);
}
