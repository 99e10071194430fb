// SamplingPanel's plain data: decoding settings, their URL schema, and the view exercise checks read.
// No runes, so unit tests and the content schema can import it in Node.
import { z } from 'zod';
import { createRng } from '../../engine/rng.ts';
import { drawFrom, samplingDistribution, type SamplingDistribution, type SamplingOptions } from '../../engine/sample.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Greedy takes the top token every time; sample draws from the (truncated) distribution with a seeded generator. */
export type DecodeMode = 'greedy' | 'sample';

/** The model the panel reads (the course default). */
export const SAMPLING_MODEL = 'tw-learned';
/** Temperature slider ends (log scale), as in the softmax lab. */
export const TAU_MIN = 0.05;
export const TAU_MAX = 5;
/** Most samples one batch may draw, and most tokens one generation may add. */
export const MAX_SAMPLES = 100;
export const MAX_STEPS = 200;
/** Longest prompt the panel sends to the model (the URL schema's limit too); the model reads at most 64 tokens anyway. */
export const MAX_PROMPT_CHARS = 2000;

/** What the learner sets: the prompt and the decoding settings. topK 0 and topP 1 switch truncation off. */
export interface SamplingSettings {
  prompt: string;
  mode: DecodeMode;
  tau: number;
  topK: number;
  topP: number;
  seed: number;
  /** How many next tokens to draw from the one cached distribution. */
  n: number;
  /** How many tokens "Generate" adds, one forward pass each. */
  steps: number;
}

/** Defaults: the lesson's shop prompt, sampling at τ = 1 with nothing truncated, 20 draws. */
export const DEFAULT_SAMPLING: SamplingSettings = {
  prompt: 'in the store , i bought an', mode: 'sample', tau: 1, topK: 0, topP: 1, seed: 1, n: 20, steps: 40,
};

/** Version 1 of the URL state. */
export const samplingState = defineWidgetState<SamplingSettings>({
  version: 1,
  defaults: DEFAULT_SAMPLING,
  schema: z.object({
    prompt: z.string().max(MAX_PROMPT_CHARS),
    mode: z.enum(['greedy', 'sample']),
    tau: z.number().min(TAU_MIN).max(TAU_MAX),
    topK: z.number().int().min(0).max(1000),
    topP: z.number().gt(0).max(1),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    n: z.number().int().min(1).max(MAX_SAMPLES),
    steps: z.number().int().min(1).max(MAX_STEPS),
  }),
});

/** The model's logits for the token after one prompt, as the worker returned them. */
export interface CachedLogits {
  /** The prompt these logits belong to (trimmed). */
  prompt: string;
  /** One score per vocabulary token: [V]. */
  logits: Float32Array;
  vocabulary: readonly string[];
}

/** What checks read and the view shows. */
export interface SamplingView {
  /** The prompt the samples were drawn after ('' before the model answered). */
  forPrompt: string;
  /** The drawn tokens in draw order; empty until logits for the current prompt are known. */
  samples: string[];
  /** How many different tokens the samples contain. */
  distinct: number;
  /** The tokens that can be drawn (after greedy/top-k/top-p), most likely first, and their renormalised probabilities. */
  kept: string[];
  keptProbs: number[];
  /** Entropy in nats of the distribution drawn from. */
  entropy: number;
}

/** The engine's sampling options for these settings (greedy is τ = 0, which ignores truncation). */
export function samplingOptions(s: Pick<SamplingSettings, 'mode' | 'tau' | 'topK' | 'topP'>): SamplingOptions {
  return s.mode === 'greedy' ? { temperature: 0 } : { temperature: s.tau, topK: s.topK, topP: s.topP };
}

/** Draws n token ids from one distribution with a fresh generator seeded by `seed`: same seed, same draws. */
export function drawSamples(distribution: SamplingDistribution, seed: number, n: number): number[] {
  const rng = createRng(seed);
  // A one-token distribution consumes no random numbers, like the engine's sampleToken.
  return Array.from({ length: n }, () => (distribution.ids.length === 1 ? distribution.ids[0] : drawFrom(distribution, rng())));
}

const EMPTY_VIEW: SamplingView = { forPrompt: '', samples: [], distinct: 0, kept: [], keptProbs: [], entropy: 0 };

/** Computes the view from cached logits with the engine's pure sampling functions; never throws. */
export function samplingView(settings: SamplingSettings, cached: CachedLogits | null): SamplingView {
  if (!cached || cached.prompt !== settings.prompt.trim()) return EMPTY_VIEW;
  try {
    const distribution = samplingDistribution(cached.logits, samplingOptions(settings));
    const samples = drawSamples(distribution, settings.seed, settings.n).map((id) => cached.vocabulary[id]);
    return {
      forPrompt: cached.prompt,
      samples,
      distinct: new Set(samples).size,
      kept: distribution.ids.map((id) => cached.vocabulary[id]),
      keptProbs: distribution.probs,
      entropy: distribution.entropy,
    };
  } catch {
    return EMPTY_VIEW;
  }
}

/** One row of the distribution table: a token, its probability at τ before truncation, and what truncation did. */
export interface DistributionRow { token: string; logit: number; prob: number; kept: boolean; renormalised: number; count: number }

/**
 * The `top` most likely tokens at the current τ (greedy shows τ = 1), each marked kept or cut, with its
 * renormalised probability and how often it was drawn. logits: [V] -> rows: [top]
 */
export function distributionRows(settings: SamplingSettings, cached: CachedLogits, view: SamplingView, top: number): DistributionRow[] {
  const before = samplingDistribution(cached.logits, { temperature: settings.mode === 'greedy' ? 1 : settings.tau });
  const renormalised = new Map(view.kept.map((token, i) => [token, view.keptProbs[i]]));
  const counts = new Map<string, number>();
  for (const token of view.samples) counts.set(token, (counts.get(token) ?? 0) + 1);
  return before.ids.slice(0, top).map((id, i) => {
    const token = cached.vocabulary[id];
    return { token, logit: cached.logits[id], prob: before.probs[i], kept: renormalised.has(token), renormalised: renormalised.get(token) ?? 0, count: counts.get(token) ?? 0 };
  });
}
