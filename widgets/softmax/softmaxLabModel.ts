// SoftmaxLab's plain data: its settings, their URL schema, and the derived view exercise checks read.
// Pure TypeScript (no runes) so unit tests and the content schema can use it in Node.
import { z } from 'zod';
import { divideBySum, softmaxWithTemperature } from '../../engine/softmax.ts';
import { samplingDistribution } from '../../engine/sample.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Fewest scores the learner can edit. */
export const MIN_SCORES = 2;
/** Most scores the learner can edit (one per token name). */
export const MAX_SCORES = 6;
/** Largest τ the exact box accepts (the slider stops at 5). */
export const TAU_LIMIT = 100;

/** How scores become probabilities in the widget. */
export type Mode = 'softmax' | 'divide';

/** Settings a learner can change; plain data so it fits in a link. topK 0 and topP 1 mean "no truncation". */
export interface SoftmaxLabSettings { scores: number[]; tau: number; mode: Mode; topK: number; topP: number }

/** The defaults: scores 4, 3, 1 at τ = 1 with softmax, nothing truncated. */
export const DEFAULT_SETTINGS: SoftmaxLabSettings = { scores: [4, 3, 1], tau: 1, mode: 'softmax', topK: 0, topP: 1 };

/** Version 1 of the URL state: every field required, so a link always reproduces the whole widget (zod 4 numbers are finite). */
export const softmaxLabSchema = z.object({
  scores: z.array(z.number().min(-1000).max(1000)).min(MIN_SCORES).max(MAX_SCORES),
  tau: z.number().min(0).max(TAU_LIMIT),
  mode: z.enum(['softmax', 'divide']),
  topK: z.number().int().min(0).max(MAX_SCORES),
  topP: z.number().gt(0).max(1),
});

/** SoftmaxLab's shareable state. */
export const softmaxLabState = defineWidgetState<SoftmaxLabSettings>({ version: 1, schema: softmaxLabSchema, defaults: DEFAULT_SETTINGS });

/** What exercise checks read: probabilities before truncation, and the tokens truncation keeps. */
export interface SoftmaxLabView {
  /** One probability per score (softmax at τ, or score/sum in divide mode); empty while an input is invalid. */
  probs: number[];
  /** Indices of the tokens top-k/top-p keep, most likely first (all tokens in divide mode). */
  kept: number[];
  /** The renormalised probabilities of `kept`, in the same order. */
  keptProbs: number[];
}

/** Whether truncation is switched on at all. */
export const truncates = (s: Pick<SoftmaxLabSettings, 'topK' | 'topP'>): boolean => s.topK > 0 || s.topP < 1;

/** Computes the view with the engine's pure functions; never throws (invalid input gives empty lists). */
export function softmaxLabView(settings: SoftmaxLabSettings): SoftmaxLabView {
  try {
    if (settings.mode === 'divide') {
      const probs = divideBySum(settings.scores);
      return { probs, kept: probs.map((_, i) => i), keptProbs: probs };
    }
    const probs = softmaxWithTemperature(settings.scores, settings.tau).probs;
    const kept = samplingDistribution(settings.scores, { temperature: settings.tau, topK: settings.topK, topP: settings.topP });
    return { probs, kept: kept.ids, keptProbs: kept.probs };
  } catch {
    return { probs: [], kept: [], keptProbs: [] };
  }
}
