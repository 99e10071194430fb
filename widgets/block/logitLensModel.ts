// LogitLens's plain data: settings, URL schema, and the rows and "first block with X on top" that checks read.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';

/** What the learner chose: the text, and whether to show the half-steps after each block's attention. */
export interface LogitLensSettings {
  model: string;
  text: string;
  halfSteps: boolean;
}

/** Defaults: the C-2 prompt, whole blocks only. */
export const DEFAULT_LOGIT_LENS: LogitLensSettings = { model: 'tw-learned', text: 'the capital of france is', halfSteps: false };

/** Version 1 of the URL state. */
export const logitLensState = defineWidgetState<LogitLensSettings>({
  version: 1,
  defaults: DEFAULT_LOGIT_LENS,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    text: z.string().max(2000),
    halfSteps: z.boolean(),
  }),
});

/** Tokens shown per row (curriculum W9.2: the top 5). */
export const LENS_TOP = 5;

/** One stage as the engine's logitLens verb reports it. */
export interface LensStageResult { stage: string; layer: number; top: { token: string; prob: number }[] }

/** One row of the table. */
export interface LensRow {
  label: string;
  /** 0 for the embeddings, b for "after block b" (1-based); half-steps carry the block they sit in. */
  block: number;
  /** True for a whole block's output (or the embeddings), false for a half-step after attention. */
  whole: boolean;
  top: { token: string; prob: number }[];
}

/** What checks read. */
export interface LogitLensView {
  rows: LensRow[];
  /** The top-1 token after the embeddings and after each whole block (index 0 = embeddings). */
  top1: string[];
  /** The first whole block (1-based) whose top-1 token is `token`; 0 if already the embeddings; null if never. */
  firstBlockWithTop1: (token: string) => number | null;
}

/** Turns the verb's stages into labelled rows, keeping half-steps only when asked. */
export function lensRows(stages: readonly LensStageResult[], halfSteps: boolean): LensRow[] {
  return stages
    .filter((s) => halfSteps || s.stage !== 'attn')
    .map((s) => {
      const block = s.layer + 1;
      if (s.stage === 'embeddings') return { label: 'embedding (+ position)', block: 0, whole: true, top: s.top };
      if (s.stage === 'attn') return { label: `block ${block}, after attention`, block, whole: false, top: s.top };
      return { label: `after block ${block}`, block, whole: true, top: s.top };
    });
}

/** Builds the view from rows. */
export function logitLensView(rows: readonly LensRow[]): LogitLensView {
  const whole = rows.filter((r) => r.whole);
  const top1 = whole.map((r) => r.top[0]?.token ?? '');
  return {
    rows: [...rows],
    top1,
    firstBlockWithTop1: (token) => {
      const at = whole.findIndex((r) => r.top[0]?.token === token);
      return at < 0 ? null : whole[at].block;
    },
  };
}

/** Reads a typed block number ("3", "block 3", "after block 3"); NaN otherwise. */
export function parseBlockNumber(answer: string): number {
  const match = /^\s*(?:after\s+)?(?:block\s*)?(\d+)\s*$/i.exec(answer);
  return match ? Number(match[1]) : Number.NaN;
}
