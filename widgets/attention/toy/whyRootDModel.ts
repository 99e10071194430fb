// WhyRootD's plain data: the head width d_k and the ÷√d_k switch, and seeded trials of one random query
// against 8 random keys: how far the scores spread, and how peaked the softmax over them becomes.
import { z } from 'zod';
import { createNormal, createRng } from '../../../engine/rng.ts';
import { entropy, softmaxWithTemperature } from '../../../engine/softmax.ts';
import { defineWidgetState } from '../../kit/urlState.ts';
import { dotRows } from './matrixMath.ts';

/** The head widths the slider offers: powers of two from 1 to 512. */
export const WIDTHS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] as const;
/** Random trials per width: one query and KEY_COUNT keys each. */
export const TRIALS = 1000;
/** Keys per trial, as in the curriculum's example (e). */
export const KEY_COUNT = 8;
/** Fixed seed so every reader and every test sees the same numbers. */
export const SEED = 6;

/** Settings: the head width d_k and whether scores are divided by √d_k. */
export interface WhyRootDSettings { dk: number; scaled: boolean }

/** Starts at GPT-2's head width, unscaled, where the saturation is plain to see. */
export const DEFAULT_SETTINGS: WhyRootDSettings = { dk: 64, scaled: false };

/** Version 1 of the URL state. */
export const whyRootDSchema = z.object({
  dk: z.number().int().refine((d) => (WIDTHS as readonly number[]).includes(d), 'd_k must be a power of two from 1 to 512'),
  scaled: z.boolean(),
});

/** WhyRootD's shareable state. */
export const whyRootDState = defineWidgetState<WhyRootDSettings>({ version: 1, schema: whyRootDSchema, defaults: DEFAULT_SETTINGS });

/** How peaked the softmax rows are, averaged over the trials. */
export interface Saturation {
  /** Mean over trials of the largest of the 8 weights (1/8 = 0.125 means flat, 1 means one-hot). */
  meanMaxWeight: number;
  /** Mean entropy of a row in nats (ln 8 ≈ 2.079 is flat, 0 is one-hot). */
  meanEntropy: number;
}

/** Everything the widget draws for one setting. */
export interface WhyRootDView {
  /** TRIALS × KEY_COUNT scores q·k (÷√d_k when scaled). */
  scores: Float64Array;
  /** Their standard deviation, to set next to √d_k. */
  scoreStd: number;
  /** The first trial's 8 weights under the current setting. */
  exampleWeights: number[];
  /** Saturation of the softmax without and with the scaling (both shown, so the switch's effect is a comparison). */
  raw: Saturation;
  scaledBy: Saturation;
}

/** Population standard deviation. xs: [n] -> scalar */
export function standardDeviation(xs: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  let sq = 0;
  for (let i = 0; i < xs.length; i++) sq += (xs[i] - mean) ** 2;
  return Math.sqrt(sq / xs.length);
}

/** Raw scores per width, cached: toggling the scaling must not redraw them. */
const cache = new Map<number, Float64Array>();

/** Draws TRIALS queries and KEY_COUNT keys each, i.i.d. N(0, 1) entries; returns the raw dot products. -> [TRIALS * KEY_COUNT] */
export function rawScores(dk: number): Float64Array {
  const cached = cache.get(dk);
  if (cached) return cached;
  const normal = createNormal(createRng(SEED * 7919 + dk));
  // Preallocated rows: at d_k = 512 this draws 4.6 million numbers, so no per-vector allocation.
  const q = new Float64Array(dk);
  const k = new Float64Array(dk);
  const fill = (v: Float64Array) => { for (let i = 0; i < dk; i++) v[i] = normal(); };
  const scores = new Float64Array(TRIALS * KEY_COUNT);
  for (let t = 0; t < TRIALS; t++) {
    fill(q);
    for (let j = 0; j < KEY_COUNT; j++) {
      fill(k);
      scores[t * KEY_COUNT + j] = dotRows(q, k);
    }
  }
  cache.set(dk, scores);
  return scores;
}

/** The softmax weights of trial t's 8 scores, each divided by `divisor`. scores: [TRIALS*KEY_COUNT] -> [KEY_COUNT] */
export function trialWeights(scores: Float64Array, t: number, divisor: number): number[] {
  return softmaxWithTemperature(Array.from(scores.subarray(t * KEY_COUNT, (t + 1) * KEY_COUNT)), divisor).probs;
}

/** Mean largest weight and mean entropy over all trials. */
export function saturation(scores: Float64Array, divisor: number): Saturation {
  let maxSum = 0;
  let entropySum = 0;
  for (let t = 0; t < TRIALS; t++) {
    const w = trialWeights(scores, t, divisor);
    maxSum += Math.max(...w);
    entropySum += entropy(w);
  }
  return { meanMaxWeight: maxSum / TRIALS, meanEntropy: entropySum / TRIALS };
}

/** The samples and statistics for the settings. */
export function whyRootDView(settings: WhyRootDSettings): WhyRootDView {
  const raw = rawScores(settings.dk);
  const root = Math.sqrt(settings.dk);
  const divisor = settings.scaled ? root : 1;
  const scores = settings.scaled ? raw.map((x) => x / root) : raw;
  return {
    scores,
    scoreStd: standardDeviation(scores),
    exampleWeights: trialWeights(raw, 0, divisor),
    raw: saturation(raw, 1),
    scaledBy: saturation(raw, root),
  };
}
