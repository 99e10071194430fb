// TrainVsGenerate's plain data: settings, URL schema and the view exercise checks read (no runes, testable in Node).
import { z } from 'zod';
import type { AppendCompareResult, PositionLoss } from '../../engine/verbs/maskingVerbs.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Train: one teacher-forced pass; Generate: one pass per new token; Append: what a new token does to earlier rows. */
export type TrainMode = 'train' | 'generate' | 'append';

/** What the learner set: the model, whether its causal mask is on at inference, the mode, the text and the additions. */
export interface TrainVsGenerateSettings {
  model: string;
  causal: boolean;
  mode: TrainMode;
  text: string;
  /** Word(s) appended in Append mode. */
  appended: string;
  /** Tokens produced so far in Generate mode, one forward pass each. */
  generated: string[];
}

/** Most tokens Generate mode appends (the context of the course models is 64). */
export const MAX_GENERATED = 24;

/** Defaults: the lesson's sentence on the default model with its mask on. */
export const DEFAULT_TRAIN_VS_GENERATE: TrainVsGenerateSettings = {
  model: 'tw-learned', causal: true, mode: 'train', text: 'the bear ate the honey because it was hungry .', appended: '', generated: [],
};

/** Version 1 of the URL state. */
export const trainVsGenerateState = defineWidgetState<TrainVsGenerateSettings>({
  version: 1,
  defaults: DEFAULT_TRAIN_VS_GENERATE,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    causal: z.boolean(),
    mode: z.enum(['train', 'generate', 'append']),
    text: z.string().max(2000),
    appended: z.string().max(200),
    generated: z.array(z.string().max(64)).max(MAX_GENERATED),
  }),
});

/** What checks and the view read; every number comes from the engine worker. */
export interface TrainVsGenerateView {
  mode: TrainMode;
  /** Train mode: the loss at every position of the one pass, and their mean (null until computed). */
  losses: PositionLoss[] | null;
  meanLoss: number | null;
  /** Append mode: the comparison, and the appended text it was computed for. */
  compare: AppendCompareResult | null;
  comparedFor: string | null;
  /** Largest change of any earlier row's next-token probabilities (null until computed). */
  maxAbsDiffEarlier: number | null;
  /** Forward passes run: 1 in Train mode, one per generated token in Generate mode. */
  passes: number;
  /** Next-token predictions those passes produced. */
  predictions: number;
}

/** The text the model reads in Generate mode: the prompt plus every generated token. */
export function generationText(settings: Pick<TrainVsGenerateSettings, 'text' | 'generated'>): string {
  return [settings.text.trim(), ...settings.generated].filter(Boolean).join(' ');
}

/** Builds the view from the latest engine results for the current mode. */
export function trainVsGenerateView(
  settings: TrainVsGenerateSettings,
  results: { losses?: { losses: PositionLoss[]; meanLoss: number } | null; compare?: { result: AppendCompareResult; appended: string } | null },
): TrainVsGenerateView {
  const losses = settings.mode === 'train' ? results.losses ?? null : null;
  const compare = settings.mode === 'append' ? results.compare ?? null : null;
  const passes = settings.mode === 'train' ? (losses ? 1 : 0) : settings.mode === 'generate' ? settings.generated.length : compare ? 2 : 0;
  const predictions = settings.mode === 'train' ? losses?.losses.length ?? 0 : settings.mode === 'generate' ? settings.generated.length : 0;
  return {
    mode: settings.mode,
    losses: losses?.losses ?? null,
    meanLoss: losses?.meanLoss ?? null,
    compare: compare?.result ?? null,
    comparedFor: compare?.appended ?? null,
    maxAbsDiffEarlier: compare?.result.maxAbsDiffEarlier ?? null,
    passes,
    predictions,
  };
}

/**
 * Rows of the network computed by `steps` generation passes after a prompt of `promptTokens` tokens: without a cache
 * pass s recomputes all promptTokens + s rows; with a KV cache the first pass computes the prompt and each later pass
 * only its one new row, reading the cached keys and values of the rest.
 */
export function generationRowCounts(promptTokens: number, steps: number): { withoutCache: number; withCache: number } {
  if (steps <= 0) return { withoutCache: 0, withCache: 0 };
  return { withoutCache: steps * promptTokens + (steps * (steps - 1)) / 2, withCache: promptTokens + steps - 1 };
}
