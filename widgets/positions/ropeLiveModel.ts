// RopeLive's settings and the numbers it derives from one forward pass of the rotary course model: the mean
// cross-entropy of the sample text (−ln p of each actual next token), one head's attention map, and that head's
// mean score against offset. Pure functions over the engine's flat arrays, so tests can check them in Node.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import { DEFAULT_ROPE_FREQUENCIES, ropeFrequencyFields, type RopeFrequencySettings } from './ropeFrequencies.ts';

/** The course model trained with rotary positions. */
export const ROPE_LIVE_MODEL = 'tw-rope';
/** Blocks and heads of a TinyWorld model (curriculum §2.1). */
export const TINYWORLD_LAYERS = 4;
export const TINYWORLD_HEADS = 4;
/** Longest sample text the widget runs, in characters (the model's context is 64 tokens anyway). */
export const SAMPLE_TEXT_MAX_CHARS = 600;

/** A short TinyWorld text: a swap, a fact, and two counting runs, so both near and far positions matter. */
export const DEFAULT_SAMPLE_TEXT = 'the capital of ireland is dublin . yellow grey red . again : yellow grey red . i counted four five six seven eight nine ten eleven . the goat ate the bread because it was sleepy .';

/** Everything a RopeLive link carries. */
export interface RopeLiveSettings extends RopeFrequencySettings {
  /** Block whose attention is drawn, 0-based. */
  layer: number;
  /** Head within that block, 0-based. */
  head: number;
  text: string;
}

/** Trained settings: base 10,000, every multiplier 1, and block 0 head 2, which looks mostly one token back. */
export const DEFAULT_ROPE_LIVE: RopeLiveSettings = { ...DEFAULT_ROPE_FREQUENCIES, freqScale: [...DEFAULT_ROPE_FREQUENCIES.freqScale], layer: 0, head: 2, text: DEFAULT_SAMPLE_TEXT };

const schema = z.object({
  ...ropeFrequencyFields,
  layer: z.number().int().min(0).max(TINYWORLD_LAYERS - 1),
  head: z.number().int().min(0).max(TINYWORLD_HEADS - 1),
  text: z.string().max(SAMPLE_TEXT_MAX_CHARS),
});

/** Versioned URL state of RopeLive. */
export const ropeLiveState = defineWidgetState<RopeLiveSettings>({ version: 1, schema, defaults: DEFAULT_ROPE_LIVE });

/** True when the settings are the ones the model was trained with. */
export function isTrainedSetting(settings: RopeFrequencySettings, trainedBase = 10000): boolean {
  return settings.ropeBase === trainedBase && settings.freqScale.every((m) => m === 1);
}

/** Mean next-token loss of a text, and its parts. */
export interface TextLoss {
  /** −ln p(actual next token) at positions 0 … T−2. */
  perToken: number[];
  /** Mean of perToken, nats per token. */
  mean: number;
  /** e^mean: the model is as unsure as a uniform choice among this many tokens. */
  perplexity: number;
}

// logits: [T, V], ids: [T] -> loss of predicting ids[t+1] from row t, for t = 0 … T−2
/** Cross-entropy of each actual next token under the logits (log-sum-exp in float64), their mean and perplexity. */
export function textLoss(logits: Float32Array, ids: readonly number[], V: number): TextLoss {
  const perToken: number[] = [];
  for (let t = 0; t + 1 < ids.length; t++) {
    const base = t * V;
    let max = -Infinity;
    for (let j = 0; j < V; j++) max = Math.max(max, logits[base + j]);
    let sum = 0;
    for (let j = 0; j < V; j++) sum += Math.exp(logits[base + j] - max);
    perToken.push(max + Math.log(sum) - logits[base + ids[t + 1]]);
  }
  const mean = perToken.length ? perToken.reduce((a, b) => a + b, 0) / perToken.length : NaN;
  return { perToken, mean, perplexity: Math.exp(mean) };
}

// scores: [H, T, T] -> [T, T], row t = query position, column s = key position
/** One head's square of a per-head [H, T, T] array (attention weights or scores). */
export function headSlice(scores: Float32Array, T: number, head: number): Float32Array {
  return scores.slice(head * T * T, (head + 1) * T * T);
}

/** A head's mean score at one offset t − s, over every query that can see that far back. */
export interface OffsetScore {
  offset: number;
  /** Mean scaled score q·k/√d_k over the pairs (t, t − offset). */
  score: number;
  /** How many (t, s) pairs were averaged. */
  count: number;
}

// scaled: [H, T, T] (before the mask) -> one row per offset 0 … T−1
/** Mean scaled score by offset t − s ≥ 0 for one head: what the head thinks of a token `offset` places back, on average. */
export function meanScoreByOffset(scaled: Float32Array, T: number, head: number): OffsetScore[] {
  const base = head * T * T;
  return Array.from({ length: T }, (_, offset) => {
    let sum = 0;
    for (let t = offset; t < T; t++) sum += scaled[base + t * T + (t - offset)];
    const count = T - offset;
    return { offset, score: sum / count, count };
  });
}
