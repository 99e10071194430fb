/**
 * Small read-outs every check (and several lessons) use: encode a prompt strictly, get the next-token
 * distribution, the top k tokens, a token's probability and rank.
 */
import type { ForwardOptions, Model } from '../model.ts';
import { forward } from '../model.ts';
import type { Tokenizer } from '../tokenizer/types.ts';
import type { EvalContext } from './types.ts';

/** The model's belief about the token after a prompt. */
export interface NextTokenDistribution {
  /** Prompt token ids. [T] */
  ids: number[];
  /** Raw logits at the last position. [V] */
  logits: Float32Array;
  /** Softmax of the logits, computed in float64. [V] */
  probs: Float64Array;
}

/** One entry of a ranked list. */
export interface RankedToken {
  id: number;
  token: string;
  p: number;
}

/** Encodes a prompt, refusing words outside the vocabulary: a check must never silently score `<unk>`. */
export function encodeStrict(tokenizer: Tokenizer, prompt: string): number[] {
  const { ids, unknown } = tokenizer.encode(prompt);
  if (unknown.length > 0) {
    throw new RangeError(`The prompt "${prompt}" has words the model's vocabulary lacks: ${unknown.map((u) => u.word).join(', ')}.`);
  }
  if (ids.length === 0) throw new RangeError('A probe prompt needs at least one token.');
  return ids;
}

/** The id of a token that must exist (a probe's target). */
export function idOfStrict(tokenizer: Tokenizer, token: string): number {
  const id = tokenizer.idOf(token);
  if (id === undefined) throw new RangeError(`The token "${token}" is not in the model's vocabulary.`);
  return id;
}

/** Softmax in float64 with the max subtracted. logits: [V] -> probs: [V] */
export function softmax64(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** Last-position logits for token ids. ids: [T] -> [V] */
export function lastLogits(model: Model, ids: readonly number[], opts: Omit<ForwardOptions, 'trace'> = {}): Float32Array {
  const { logits } = forward(model, ids, opts);
  const V = model.config.vocabSize;
  return logits.slice((ids.length - 1) * V, ids.length * V);
}

/** The next-token distribution after a text prompt (for lessons and checks). prompt -> probs: [V] */
export function nextTokenDistribution(model: Model, tokenizer: Tokenizer, prompt: string, opts: Omit<ForwardOptions, 'trace'> = {}): NextTokenDistribution {
  const ids = encodeStrict(tokenizer, prompt);
  const logits = lastLogits(model, ids, opts);
  return { ids, logits, probs: softmax64(logits) };
}

/** The same, from an evaluation context. */
export function distributionAfter(ctx: EvalContext, prompt: string): NextTokenDistribution {
  return nextTokenDistribution(ctx.model, ctx.tokenizer, prompt, ctx.forwardOptions);
}

/** The k most probable ids, most probable first; ties go to the lower id. probs: [V] -> [k] */
export function topIds(probs: ArrayLike<number>, k: number): number[] {
  const order = Array.from({ length: probs.length }, (_, i) => i);
  order.sort((a, b) => probs[b] - probs[a] || a - b);
  return order.slice(0, Math.max(0, k));
}

/** The k most probable tokens with their text and probability. */
export function topK(probs: ArrayLike<number>, k: number, tokenizer: Tokenizer): RankedToken[] {
  return topIds(probs, k).map((id) => ({ id, token: tokenizer.tokenText(id), p: probs[id] }));
}

/** 1-based rank of an id (1 = most probable), ordering ties like `topIds` (lower id first). */
export function rankOf(probs: ArrayLike<number>, id: number): number {
  let rank = 1;
  for (let i = 0; i < probs.length; i++) if (i !== id && (probs[i] > probs[id] || (probs[i] === probs[id] && i < id))) rank++;
  return rank;
}

/** Probability of a token by its text. */
export function probOf(dist: NextTokenDistribution, tokenizer: Tokenizer, token: string): number {
  return dist.probs[idOfStrict(tokenizer, token)];
}

/** Total probability of a set of tokens (each counted once). */
export function totalProb(dist: NextTokenDistribution, tokenizer: Tokenizer, tokens: readonly string[]): number {
  return [...new Set(tokens)].reduce((sum, t) => sum + probOf(dist, tokenizer, t), 0);
}

/** Greedy (top-1) answer and the target's probability for one fact probe. */
export interface ProbeAnswer {
  prompt: string;
  target: string;
  top1: string;
  pTop1: number;
  pTarget: number;
}

/** Asks one fact probe. */
export function askProbe(ctx: EvalContext, prompt: string, target: string): ProbeAnswer {
  const dist = distributionAfter(ctx, prompt);
  const top = topIds(dist.probs, 1)[0];
  return { prompt, target, top1: ctx.tokenizer.tokenText(top), pTop1: dist.probs[top], pTarget: probOf(dist, ctx.tokenizer, target) };
}
