// WeightDiff's plain data (W10.3): the (tiny) shareable state, readable names for the matrices, the heatmap grid
// and the sorted table, and the view the who-changed-most check reads. No runes: Node tests import it.
import { z } from 'zod';
import type { MatrixChange } from '../../../engine/finetune/weightDiff.ts';
import { defineWidgetState } from '../../kit/urlState.ts';

/** What a WeightDiff link carries: which model's fine-tuned copy, and that it shows the latest run. */
export interface WeightDiffSettings { model: string; run: 'last' }

/** Defaults: the course model's latest run. */
export const DEFAULT_WEIGHT_DIFF: WeightDiffSettings = { model: 'tw-learned', run: 'last' };

/** Version 1 of the URL state. */
export const weightDiffState = defineWidgetState<WeightDiffSettings>({
  version: 1,
  defaults: DEFAULT_WEIGHT_DIFF,
  schema: z.object({ model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), run: z.literal('last') }),
});

/** The symbol the lessons use for each kind of matrix. */
export const KIND_SYMBOLS: Record<string, string> = {
  'attn.wq': 'W_Q', 'attn.wk': 'W_K', 'attn.wv': 'W_V', 'attn.wo': 'W_O', 'mlp.w1': 'W_1', 'mlp.w2': 'W_2', wte: 'E', wpe: 'P',
};

/** The heatmap's rows, top to bottom: attention, then MLP. */
export const BLOCK_KINDS = ['attn.wq', 'attn.wk', 'attn.wv', 'attn.wo', 'mlp.w1', 'mlp.w2'] as const;

/** "block 3 W_V" (blocks counted from 1, as in the lab), or "E" / "P" for the embeddings. */
export function matrixLabel(c: Pick<MatrixChange, 'block' | 'kind'>): string {
  const symbol = KIND_SYMBOLS[c.kind] ?? c.kind;
  return c.block === null ? symbol : `block ${c.block + 1} ${symbol}`;
}

/** Lower case, no spaces, underscores or dots: "Block 3 W_V", "block3wv" and "blocks.2.attn.wv" stay distinguishable. */
const squash = (s: string): string => s.toLowerCase().replace(/[\s_.·-]+/g, '');

/** True when a typed answer names this matrix, by its file name ("blocks.2.attn.wv") or its label ("block 3 W_V"). */
export function answerMatches(answer: string, c: { name: string; label: string }): boolean {
  const a = squash(answer);
  return a.length > 0 && (a === squash(c.name) || a === squash(c.label));
}

/** What the view and the check read. */
export interface WeightDiffView {
  /** Step of the run the numbers describe (0: nothing has changed). */
  step: number;
  /** The matrix with the largest ‖ΔW‖/‖W‖, or null before any run. */
  maxRelChange: { name: string; label: string; relChange: number } | null;
  /** Every matrix, largest relative change first. */
  sorted: (MatrixChange & { label: string })[];
}

/** Builds the view from the engine's per-matrix changes. */
export function weightDiffView(changes: readonly MatrixChange[], step: number): WeightDiffView {
  const sorted = changes.map((c) => ({ ...c, label: matrixLabel(c) })).sort((a, b) => b.relChange - a.relChange || a.name.localeCompare(b.name));
  const top = sorted[0];
  return { step, maxRelChange: top && top.relChange > 0 ? { name: top.name, label: top.label, relChange: top.relChange } : null, sorted };
}

/** Heatmap cells: one row per kind of block matrix, one column per block (missing cells are null). */
export function heatmapGrid(changes: readonly MatrixChange[], blocks: number): (MatrixChange | null)[][] {
  return BLOCK_KINDS.map((kind) => Array.from({ length: blocks }, (_, b) => changes.find((c) => c.block === b && c.kind === kind) ?? null));
}
