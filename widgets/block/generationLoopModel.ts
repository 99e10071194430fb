// GenerationLoop's plain data: settings, URL schema, and the two runs (cache on, cache off) that checks compare.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';

/** What the learner set: prompt, seed, how many tokens, and whether the next run uses the KV cache. */
export interface GenerationLoopSettings {
  model: string;
  prompt: string;
  seed: number;
  /** Tokens to generate. */
  n: number;
  kvCache: boolean;
}

/** Most tokens one run may generate (the prompt plus these must fit the 64-token context). */
export const MAX_LOOP_TOKENS = 40;

/** Defaults: a short open prompt, seed 3, 10 tokens, cache off. */
export const DEFAULT_GENERATION_LOOP: GenerationLoopSettings = { model: 'tw-learned', prompt: 'the fox', seed: 3, n: 10, kvCache: false };

/** Version 1 of the URL state. */
export const generationLoopState = defineWidgetState<GenerationLoopSettings>({
  version: 1,
  defaults: DEFAULT_GENERATION_LOOP,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    prompt: z.string().max(2000),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    n: z.number().int().min(1).max(MAX_LOOP_TOKENS),
    kvCache: z.boolean(),
  }),
});

/** One step of a finished run, as the table shows it. */
export interface RunStep { token: string; prob: number; context: number; macs: number; cacheNumbers: number }

/** A finished run: its tokens and total multiply–adds. */
export interface LoopRun {
  tokens: string[];
  macs: number;
  steps: RunStep[];
  /** Cache size after the last step, in numbers (0 without a cache). */
  cacheNumbers: number;
}

/** What checks read: the latest run with the cache on and with it off, for the current prompt, seed and n. */
export interface GenerationLoopView {
  runs: { on: LoopRun | null; off: LoopRun | null };
  /** Both runs exist and gave the same tokens. */
  identical: boolean | null;
}

/** Builds a run from the verb's steps. */
export function loopRun(steps: readonly RunStep[]): LoopRun {
  return { tokens: steps.map((s) => s.token), macs: steps.reduce((sum, s) => sum + s.macs, 0), steps: [...steps], cacheNumbers: steps.at(-1)?.cacheNumbers ?? 0 };
}

/** Builds the view from the two runs. */
export function generationLoopView(on: LoopRun | null, off: LoopRun | null): GenerationLoopView {
  const identical = on && off ? on.tokens.length === off.tokens.length && on.tokens.every((t, i) => t === off.tokens[i]) : null;
  return { runs: { on, off }, identical };
}

/** The key a run is valid for: changing prompt, seed or n makes older runs incomparable. */
export function runKey(s: Pick<GenerationLoopSettings, 'prompt' | 'seed' | 'n'>): string {
  return JSON.stringify([s.prompt.trim(), s.seed, s.n]);
}
