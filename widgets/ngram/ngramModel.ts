// NgramVsModel's plain data: settings, URL schema and the view exercise checks read.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';

/** The learner's settings: how many words of context, and the context itself. */
export interface NgramSettings { model: string; k: number; text: string }

/** Most words of context the slider offers (a 6-gram). */
export const MAX_K = 5;

/** Defaults: a bigram on a phrase with many continuations. */
export const DEFAULT_NGRAM: NgramSettings = { model: 'tw-learned', k: 1, text: 'the bear ate the' };

/** Version 1 of the URL state. */
export const ngramState = defineWidgetState<NgramSettings>({
  version: 1,
  defaults: DEFAULT_NGRAM,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    k: z.number().int().min(1).max(MAX_K),
    text: z.string().max(2000),
  }),
});

/** One row of either table. */
export interface NextRow { token: string; value: number }

/** What checks read: how often the context occurred, and how sure the model is of its top token. */
export interface NgramView {
  ngramMatches: number;
  /** Continuations with their counts, most frequent first. */
  ngramNext: NextRow[];
  /** The model's top tokens with probabilities. */
  modelNext: NextRow[];
  modelTop1Prob: number;
}

/** The name of the n-gram a context of k words makes (k + 1 tokens, the predicted one included). */
export function ngramName(k: number): string {
  const names: Record<number, string> = { 2: 'bigram', 3: 'trigram' };
  return names[k + 1] ?? `${k + 1}-gram`;
}
