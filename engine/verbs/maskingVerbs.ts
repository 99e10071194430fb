// Verbs for the masking chapter: the loss at every position of one training pass, and what appending
// tokens does to the rows before them (predictions, keys and values) with the causal mask on or off.
import { EngineError } from '../errors.ts';
import { createKvCache, prefill } from '../kvCache.ts';
import { forward } from '../model.ts';
import { requireModel } from '../modelStore.ts';
import { forwardRunOptions, type RunOptions } from './modelVerbs.ts';
import { promptIds, tokenTexts } from './prompt.ts';

/** One position of a teacher-forced pass: what came next, how likely the model found it, and its loss −ln p. */
export interface PositionLoss {
  position: number;
  token: string;
  next: string;
  /** p(actual next token | this position's logits). */
  prob: number;
  /** −ln prob, in nats. */
  loss: number;
  /** The model's own top guess at this position and its probability. */
  top: string;
  topProb: number;
}

/** Every next-token prediction one forward pass makes over a text, with the mean loss. */
export interface PositionLossesResult { tokens: string[]; losses: PositionLoss[]; meanLoss: number }

/** What appending tokens did to the rows that were already there. */
export interface AppendCompareResult {
  tokens: string[];
  appendedTokens: string[];
  /** Per earlier row, the largest |Δp| over the vocabulary of its next-token distribution. [T0] */
  rowChanges: number[];
  /** The largest entry of rowChanges: exactly 0 under the causal mask. */
  maxAbsDiffEarlier: number;
  /** Per earlier row, the top guess before and after appending. [T0] */
  topBefore: string[];
  topAfter: string[];
  /** Per layer, the largest |Δ| of any earlier key or value: what a KV cache would get wrong. [nLayers] */
  kvChangeByLayer: number[];
  /**
   * Largest |Δ| between the last row's logits from a KV-cache decode (one token at a time, earlier keys and
   * values reused) and from the full forward pass; null without the mask, where a cache does not apply.
   */
  cacheVsFull: number | null;
}

/** Next-token probabilities of one row of logits, in float64. logits: [V] -> [V] */
function rowProbs(logits: Float32Array, row: number, V: number): Float64Array {
  const slice = logits.subarray(row * V, (row + 1) * V);
  let max = -Infinity;
  for (const z of slice) if (z > max) max = z;
  const out = new Float64Array(V);
  let sum = 0;
  for (let i = 0; i < V; i++) sum += out[i] = Math.exp(slice[i] - max);
  for (let i = 0; i < V; i++) out[i] /= sum;
  return out;
}

const argmax = (p: Float64Array): number => p.reduce((best, x, i) => (x > p[best] ? i : best), 0);

/** The loss at every position of one teacher-forced pass. text: T tokens -> T − 1 losses */
export function positionLossesVerb(params: { model: string; text: string } & RunOptions): PositionLossesResult {
  const entry = requireModel(params.model);
  const ids = promptIds(entry, params.text);
  if (ids.length < 2) throw new EngineError('bad-input', 'Type at least two tokens: the last token has no next token to be scored against.');
  const V = entry.model.config.vocabSize;
  const { logits } = forward(entry.model, ids, forwardRunOptions(params, entry));
  const tokens = tokenTexts(entry, ids);
  const losses: PositionLoss[] = [];
  for (let t = 0; t < ids.length - 1; t++) {
    const p = rowProbs(logits, t, V);
    const best = argmax(p);
    const prob = p[ids[t + 1]];
    losses.push({ position: t, token: tokens[t], next: tokens[t + 1], prob, loss: -Math.log(prob), top: entry.tokenizer.tokenText(best), topProb: p[best] });
  }
  return { tokens, losses, meanLoss: losses.reduce((s, l) => s + l.loss, 0) / losses.length };
}

/** Runs the text and the text with tokens appended; reports how much every earlier row changed. */
export function appendCompareVerb(params: { model: string; text: string; appended: string } & RunOptions): AppendCompareResult {
  const entry = requireModel(params.model);
  const before = promptIds(entry, params.text);
  if (typeof params.appended !== 'string' || params.appended.trim() === '') throw new EngineError('bad-input', 'Type a word to append.');
  const after = promptIds(entry, `${params.text.trimEnd()} ${params.appended.trim()}`);
  if (after.length <= before.length || before.some((id, i) => after[i] !== id)) {
    throw new EngineError('bad-input', 'Appending changed how the earlier text splits into tokens, so the rows cannot be compared. Append a whole word.');
  }
  const options = forwardRunOptions(params, entry);
  const V = entry.model.config.vocabSize;
  const a = forward(entry.model, before, { ...options, trace: true });
  const b = forward(entry.model, after, { ...options, trace: true });
  const T0 = before.length;
  const rowChanges: number[] = [];
  const topBefore: string[] = [];
  const topAfter: string[] = [];
  for (let t = 0; t < T0; t++) {
    const pa = rowProbs(a.logits, t, V);
    const pb = rowProbs(b.logits, t, V);
    let change = 0;
    for (let i = 0; i < V; i++) change = Math.max(change, Math.abs(pa[i] - pb[i]));
    rowChanges.push(change);
    topBefore.push(entry.tokenizer.tokenText(argmax(pa)));
    topAfter.push(entry.tokenizer.tokenText(argmax(pb)));
  }
  const { nHeads, dModel } = entry.model.config;
  const dk = dModel / nHeads;
  // k and v are [nHeads, T, dk]: compare the first T0 rows of every head.
  const kvChangeByLayer = a.trace!.layers.map((la, l) => {
    const lb = b.trace!.layers[l];
    let change = 0;
    for (let h = 0; h < nHeads; h++) {
      for (let i = 0; i < T0 * dk; i++) {
        change = Math.max(change, Math.abs(la.k[h * T0 * dk + i] - lb.k[h * after.length * dk + i]), Math.abs(la.v[h * T0 * dk + i] - lb.v[h * after.length * dk + i]));
      }
    }
    return change;
  });
  let cacheVsFull: number | null = null;
  if (options.causal !== false) {
    const cache = createKvCache(entry.model, { ropeBase: options.ropeBase, ropeFreqScale: options.ropeFreqScale });
    const cached = prefill(cache, after);
    const last = after.length - 1;
    cacheVsFull = 0;
    for (let i = 0; i < V; i++) cacheVsFull = Math.max(cacheVsFull, Math.abs(cached[i] - b.logits[last * V + i]));
  }
  return {
    tokens: tokenTexts(entry, before), appendedTokens: tokenTexts(entry, after.slice(T0)),
    rowChanges, maxAbsDiffEarlier: Math.max(...rowChanges), topBefore, topAfter, kvChangeByLayer, cacheVsFull,
  };
}
