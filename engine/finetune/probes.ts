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

/**
 * Mean next-token cross-entropy (nats per predicted token) over whole sentences, one forward pass each:
 * the validation loss of the lab's curve. Returns undefined when there are no usable sentences.
 */
export function sentenceLoss(model: Model, tokenizer: Tokenizer, sentences: readonly string[]): number | undefined {
  const V = model.config.vocabSize;
  let sum = 0;
  let count = 0;
  for (const sentence of sentences) {
    const ids = tokenizer.encode(sentence).ids.slice(0, model.config.contextLength + 1);
    if (ids.length < 2) continue;
    // logits: [T, V]; position t predicts ids[t + 1].
    const { logits } = forward(model, ids.slice(0, -1));
    for (let t = 0; t + 1 < ids.length; t++) {
      const row = logits.subarray(t * V, (t + 1) * V);
      let max = -Infinity;
      for (let i = 0; i < V; i++) if (row[i] > max) max = row[i];
      let z = 0;
      for (let i = 0; i < V; i++) z += Math.exp(row[i] - max);
      sum += Math.log(z) + max - row[ids[t + 1]];
      count++;
    }
  }
  return count ? sum / count : undefined;
}
