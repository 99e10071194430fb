// n-gram counts from the TinyWorld training split, regenerated in the worker from its seed (a few seconds once)
// instead of downloading tables: the counts are exact and cost no bandwidth.
import { EngineError } from '../errors.ts';
import type { HandlerContext } from '../handlers.ts';
import { generateCorpus } from '../corpus/generator.ts';
import { courseVocabulary } from '../corpus/vocabulary.ts';
import { continuationCounts } from '../ngram.ts';
import { createWordTokenizer } from '../tokenizer/word.ts';
import type { Tokenizer } from '../tokenizer/types.ts';

/** Longest context the widget asks about (k = 5: a 6-gram). */
export const MAX_NGRAM_CONTEXT = 5;

let corpus: { seed: number; stream: Uint16Array; tokenizer: Tokenizer } | null = null;

function trainingStream(seed: number, ctx: HandlerContext): { stream: Uint16Array; tokenizer: Tokenizer } {
  if (corpus?.seed === seed) return corpus;
  ctx.progress(0, 1, 'Generating the TinyWorld training text');
  const tokenizer = createWordTokenizer(courseVocabulary());
  const { trainText } = generateCorpus({ seed });
  const stream = Uint16Array.from(tokenizer.encode(trainText).ids);
  corpus = { seed, stream, tokenizer };
  ctx.progress(1, 1, 'Generating the TinyWorld training text');
  return corpus;
}

/** Result of `ngramCounts`: the context used, how often it occurs, and what followed it. */
export interface NgramResult { context: string[]; matches: number; next: { token: string; count: number }[]; streamTokens: number }

/** Counts what followed the last k words of `text` in the training split of TinyWorld at `seed`. */
export function ngramCountsVerb(params: { text: string; k: number; seed?: number; top?: number }, ctx: HandlerContext): NgramResult {
  if (!Number.isInteger(params.k) || params.k < 1 || params.k > MAX_NGRAM_CONTEXT) {
    throw new EngineError('bad-input', `Use the last 1 to ${MAX_NGRAM_CONTEXT} words, not ${String(params.k)}.`);
  }
  const { stream, tokenizer } = trainingStream(params.seed ?? 1234, ctx);
  const encoding = tokenizer.encode(typeof params.text === 'string' ? params.text : '');
  if (encoding.unknown.length) throw new EngineError('bad-input', `"${encoding.unknown[0].word}" never occurs in TinyWorld, so no n-gram has seen it.`);
  if (encoding.ids.length < params.k) throw new EngineError('bad-input', `Type at least ${params.k} word${params.k > 1 ? 's' : ''} for a ${params.k + 1}-gram.`);
  const context = encoding.ids.slice(-params.k);
  const { matches, next } = continuationCounts(stream, context);
  const top = Math.max(1, Math.min(params.top ?? 10, 50));
  return {
    context: context.map((id) => tokenizer.tokenText(id)),
    matches,
    next: next.slice(0, top).map(({ id, count }) => ({ token: tokenizer.tokenText(id), count })),
    streamTokens: stream.length,
  };
}
