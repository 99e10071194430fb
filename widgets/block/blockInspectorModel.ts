// BlockInspector's plain data: settings, URL schema, the view exercise checks read, and answer parsing.
import { z } from 'zod';
import type { ModelConfig } from '../../engine/config.ts';
import type { TraceDims } from '../../engine/trace.ts';
import { defineWidgetState } from '../kit/urlState.ts';
import { STEP_IDS, allShapes, type StepId } from './blockSteps.ts';

/** What the learner chose: the text, which block and step to look at, which head, and the first column shown. */
export interface BlockInspectorSettings {
  model: string;
  text: string;
  /** Block index, 0-based (shown as block 1…n). */
  layer: number;
  step: StepId;
  /** Head index for per-head steps, 0-based. */
  head: number;
  /** First column of the visible window of the table. */
  colStart: number;
}

/** Columns shown at once: enough to see a pattern, few enough for a phone. */
export const COLUMN_WINDOW = 6;

/** Defaults: the C-2 prompt, block 1, the token embeddings. */
export const DEFAULT_BLOCK_INSPECTOR: BlockInspectorSettings = { model: 'tw-learned', text: 'the capital of france is', layer: 0, step: 'emb', head: 0, colStart: 0 };

/** Version 1 of the URL state. */
export const blockInspectorState = defineWidgetState<BlockInspectorSettings>({
  version: 1,
  defaults: DEFAULT_BLOCK_INSPECTOR,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    text: z.string().max(2000),
    layer: z.number().int().min(0).max(63),
    step: z.enum(STEP_IDS),
    head: z.number().int().min(0).max(63),
    colStart: z.number().int().min(0).max(100_000),
  }),
});

/** What checks read: every step's shape for the current text (empty until the engine answered). */
export interface BlockInspectorView {
  /** Tokens in the text (T), 0 before the first answer. */
  T: number;
  shapes: Partial<Record<StepId, number[]>>;
  /** The token the last row's logits rank first. */
  nextToken: string | null;
}

/** The dims a trace of T tokens would have for this config (for the diagram before the engine answers). */
export function dimsFor(config: ModelConfig, T: number): TraceDims {
  return { T, d: config.dModel, nHeads: config.nHeads, dk: config.dModel / config.nHeads, dFF: config.dFF, V: config.vocabSize, nLayers: config.nLayers };
}

/** Builds the view from the trace's dims (or nothing yet). */
export function blockInspectorView(dims: TraceDims | null, nextToken: string | null): BlockInspectorView {
  return dims ? { T: dims.T, shapes: allShapes(dims), nextToken } : { T: 0, shapes: {}, nextToken: null };
}

/** A rough token count for the server-rendered default (words and punctuation marks), before the engine answers. */
export function roughTokenCount(text: string): number {
  return (text.toLowerCase().match(/[a-z0-9]+|[^\sa-z0-9]/g) ?? []).length;
}

/** Reads a typed shape: "5 × 64", "5x64", "[5, 64]", "5 by 64" all give [5, 64]; anything else gives []. */
export function parseShape(answer: string): number[] {
  const cleaned = answer.trim().replace(/^[[(]\s*/, '').replace(/\s*[\])]$/, '');
  if (!/^\d+(\s*(?:×|x|X|\*|,|by)\s*\d+)*$/.test(cleaned)) return [];
  return cleaned.split(/\s*(?:×|x|X|\*|,|by)\s*/).map(Number);
}
