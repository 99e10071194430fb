// Probing a model while it trains: the probability of each probe's target and whether it is the top token.
import { forward, type Model } from '../model.ts';
import type { Tokenizer } from '../tokenizer/types.ts';
import type { FactProbe } from '../corpus/fineTuneSets.ts';

/** One probe's reading. */
export interface ProbeReading { prompt: string; target: string; prob: number; top1: boolean; topToken: string }

/** Reads every probe with one forward pass each. */
export function readProbes(model: Model, tokenizer: Tokenizer, probes: readonly FactProbe[]): ProbeReading[] {
  const V = model.config.vocabSize;
  return probes.map(({ prompt, target }) => {
    const ids = tokenizer.encode(prompt).ids;
    const { logits } = forward(model, ids);
    const row = logits.subarray((ids.length - 1) * V, ids.length * V);
    let max = -Infinity;
    let best = 0;
    for (let i = 0; i < V; i++) if (row[i] > max) { max = row[i]; best = i; }
    let sum = 0;
    for (let i = 0; i < V; i++) sum += Math.exp(row[i] - max);
    const targetId = tokenizer.idOf(target) ?? -1;
    const prob = targetId >= 0 ? Math.exp(row[targetId] - max) / sum : 0;
    return { prompt, target, prob, top1: best === targetId, topToken: tokenizer.tokenText(best) };
  });
}
