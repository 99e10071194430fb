// TrainVsGenerate's plain data: settings, URL schema and the view exercise checks read (no runes, testable in Node).
import { z } from 'zod';
import type { AppendCompareResult, PositionLoss } from '../../engine/verbs/maskingVerbs.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Train: one teacher-forced pass; Generate: one pass per new token; Append: what a new token does to earlier rows. */
export type TrainMode = 'train' | 'generate' | 'append';

/** The two course models this widget can run, and whether each was trained with the causal mask. */
export const MASKING_MODELS = [
  { name: 'tw-learned', trainedCausal: true },
  { name: 'tw-nomask', trainedCausal: false },
] as const;

/** A model name the widget accepts. */
export type MaskingModel = (typeof MASKING_MODELS)[number]['name'];

/** Whether `model` was trained with the causal mask (the fallback when its manifest has not been read yet). */
export function trainedCausal(model: MaskingModel): boolean {
  return MASKING_MODELS.find((m) => m.name === model)?.trainedCausal ?? true;
}

/** The training setting recorded in a loaded model's manifest (`provenance.settings.causal`), or null if absent. */
export function manifestCausal(provenance: Record<string, unknown> | null | undefined): boolean | null {
  const settings = provenance?.settings;
  if (typeof settings !== 'object' || settings === null) return null;
  const causal = (settings as Record<string, unknown>).causal;
  return typeof causal === 'boolean' ? causal : null;
}

/** What the learner set: the model, whether its causal mask is on at inference, the mode, the text and the additions. */
export interface TrainVsGenerateSettings {
  model: MaskingModel;
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

/**
 * A widget's first settings from a partial start (an exercise or a page): unless the start says otherwise, the mask
 * is as the chosen model was trained, so tw-nomask opens without it.
 */
export function startSettings(start: Partial<TrainVsGenerateSettings>): TrainVsGenerateSettings {
  const model = start.model ?? DEFAULT_TRAIN_VS_GENERATE.model;
  return { ...DEFAULT_TRAIN_VS_GENERATE, causal: trainedCausal(model), ...start };
}

/** Version 1 of the URL state; links from before the model switch (always tw-learned) still parse. */
export const trainVsGenerateState = defineWidgetState<TrainVsGenerateSettings>({
  version: 1,
  defaults: DEFAULT_TRAIN_VS_GENERATE,
  schema: z.object({
    model: z.enum(MASKING_MODELS.map((m) => m.name) as [MaskingModel, ...MaskingModel[]]).default('tw-learned'),
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
 * A loss in nats for the page: three decimals, but three significant digits below 0.1, so the cheater's tiny mean
 * loss does not round to a misleading 0.000.
 */
export function formatLoss(nats: number): string {
  return nats >= 0.1 || nats === 0 ? nats.toFixed(3) : nats.toPrecision(3);
}

/** One measured mean loss: a model, its mask at inference, the text, and the engine's mean over the text's predictions. */
export interface MeanLossEntry { model: MaskingModel; causal: boolean; text: string; meanLoss: number }

/** The entries with `entry` added, replacing an older one for the same model and mask (the latest text wins). */
export function recordMeanLoss(entries: readonly MeanLossEntry[], entry: MeanLossEntry): MeanLossEntry[] {
  return [...entries.filter((e) => !(e.model === entry.model && e.causal === entry.causal)), entry];
}

/** One row of the comparison table: a model's mean loss on the text with and without the mask (null: not run yet). */
export interface MeanLossRow { model: MaskingModel; trainedCausal: boolean; withMask: number | null; withoutMask: number | null }

/** Every model's mean losses measured on exactly `text`, one row per model in the widget's order. */
export function meanLossRows(entries: readonly MeanLossEntry[], text: string): MeanLossRow[] {
  const find = (model: MaskingModel, causal: boolean) =>
    entries.find((e) => e.model === model && e.causal === causal && e.text === text)?.meanLoss ?? null;
  return MASKING_MODELS.map((m) => ({ model: m.name, trainedCausal: m.trainedCausal, withMask: find(m.name, true), withoutMask: find(m.name, false) }));
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
