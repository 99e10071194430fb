// Streamed, cancellable generation: each token goes to the page as a progress event the moment it is drawn.
import { EngineError } from '../errors.ts';
import type { HandlerContext } from '../handlers.ts';
import { requireModel } from '../modelStore.ts';
import type { SamplingOptions } from '../sample.ts';
import { generateSteps } from '../sampling/generate.ts';
import { forwardRunOptions, type RunOptions } from './modelVerbs.ts';
import { promptIds, tokenTexts } from './prompt.ts';

/** Most tokens one request may generate: enough for any lesson, small enough to never freeze a tab. */
export const MAX_GENERATE_TOKENS = 500;

/** What a streamed step carries (as progress `data`). */
export interface GeneratedToken { id: number; token: string; prob: number; entropy: number; kept: number }

/** Parameters of `generate`. */
export type GenerateParams = { model: string; text: string; maxTokens: number; seed: number } & SamplingOptions & RunOptions;

/** Result of `generate`: the continuation and why it ended. */
export interface GenerateVerbResult {
  promptTokens: string[];
  generated: GeneratedToken[];
  stoppedBy: 'stop-token' | 'max-tokens' | 'cancelled';
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Generates up to maxTokens tokens, streaming each as progress; stops early at <eos> or when cancelled. */
export async function generateVerb(params: GenerateParams, ctx: HandlerContext): Promise<GenerateVerbResult> {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  if (!Number.isInteger(params.maxTokens) || params.maxTokens < 1 || params.maxTokens > MAX_GENERATE_TOKENS) {
    throw new EngineError('bad-input', `Ask for between 1 and ${MAX_GENERATE_TOKENS} tokens, not ${String(params.maxTokens)}.`);
  }
  if (!Number.isInteger(params.seed)) throw new EngineError('bad-input', `The seed must be a whole number, not ${String(params.seed)}.`);
  const eos = entry.tokenizer.idOf('<eos>');
  const steps = generateSteps(entry.model, ids, {
    maxTokens: params.maxTokens, seed: params.seed, temperature: params.temperature, topK: params.topK, topP: params.topP,
    stopIds: eos === undefined ? [] : [eos], forwardOptions: forwardRunOptions(params, entry),
  });
  const generated: GeneratedToken[] = [];
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return { promptTokens: tokenTexts(entry, ids), generated, stoppedBy: next.value };
    const { token, distribution } = next.value;
    const at = distribution.ids.indexOf(token);
    const step = { id: token, token: entry.tokenizer.tokenText(token), prob: distribution.probs[at], entropy: distribution.entropy, kept: distribution.ids.length };
    generated.push(step);
    ctx.progress(generated.length, params.maxTokens, 'Generating', step);
    // Let a cancel message in between tokens.
    await yieldToEventLoop();
    if (ctx.isCancelled()) return { promptTokens: tokenTexts(entry, ids), generated, stoppedBy: 'cancelled' };
  }
}
