/**
 * C-4: the vector at "apple" (last block's output) separates the fruit and company senses, while the
 * token embedding cannot (it is one row for both). C-5: what follows "apple" fits the sense.
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import type { AppleProbe } from '../corpus/heldOut.ts';
import { forward } from '../model.ts';
import { distributionAfter, encodeStrict, idOfStrict, totalProb } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { fraction, round } from './types.ts';
import { cosine, mean, row } from './vectors.ts';

/** Mean within-sense cosine minus mean across-sense cosine must reach this. */
export const SENSE_MIN_SEPARATION = 0.15;
/** Leave-one-out nearest-centroid accuracy must reach this. */
export const SENSE_MIN_LOO_ACCURACY = 0.9;

/** Mean cosine over pairs with the same label minus over pairs with different labels. */
export function withinMinusAcross(vectors: readonly ArrayLike<number>[], labels: readonly string[]): { within: number; across: number; difference: number } {
  let within = 0;
  let nWithin = 0;
  let across = 0;
  let nAcross = 0;
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const c = cosine(vectors[i], vectors[j]);
      if (labels[i] === labels[j]) {
        within += c;
        nWithin++;
      } else {
        across += c;
        nAcross++;
      }
    }
  }
  within = nWithin ? within / nWithin : 0;
  across = nAcross ? across / nAcross : 0;
  return { within, across, difference: within - across };
}

/**
 * Leave-one-out nearest-centroid accuracy: each vector is assigned to the label whose centroid (built
 * without that vector) is closest by cosine. Ties count as wrong.
 */
export function leaveOneOutAccuracy(vectors: readonly ArrayLike<number>[], labels: readonly string[], d: number): number {
  const names = [...new Set(labels)];
  let right = 0;
  vectors.forEach((v, i) => {
    const scores = names.map((name) => {
      const members = vectors.filter((_, j) => j !== i && labels[j] === name);
      return members.length === 0 ? -Infinity : cosine(v, mean(members, d));
    });
    const best = Math.max(...scores);
    const winners = names.filter((_, k) => scores[k] === best);
    if (winners.length === 1 && winners[0] === labels[i]) right++;
  });
  return vectors.length ? right / vectors.length : 0;
}

/** The vectors at "apple" for every probe, at the token-embedding level and after the last block. */
export interface AppleVectors {
  labels: string[];
  embedding: Float32Array[];
  lastBlock: Float32Array[];
  d: number;
}

/** C-4 measurement: one traced forward pass per probe. */
export function measureAppleVectors(ctx: EvalContext, probes: readonly AppleProbe[] = ACCEPTANCE_PROMPTS.appleProbes): AppleVectors {
  const d = ctx.model.config.dModel;
  const appleId = idOfStrict(ctx.tokenizer, 'apple');
  const out: AppleVectors = { labels: [], embedding: [], lastBlock: [], d };
  for (const probe of probes) {
    const ids = encodeStrict(ctx.tokenizer, probe.text);
    const at = ids.lastIndexOf(appleId);
    if (at < 0) throw new RangeError(`The apple probe "${probe.text}" has no "apple" token.`);
    const { trace } = forward(ctx.model, ids, { ...ctx.forwardOptions, trace: true });
    const layers = trace!.layers;
    out.labels.push(probe.sense);
    out.embedding.push(row(trace!.tokenEmbeddings, at, d).slice());
    out.lastBlock.push(row(layers[layers.length - 1].residAfterMlp, at, d).slice());
  }
  return out;
}

/** C-4 verdict. */
export function judgeAppleVectors(m: AppleVectors): CheckOutcome {
  const deep = withinMinusAcross(m.lastBlock, m.labels);
  const flat = withinMinusAcross(m.embedding, m.labels);
  const loo = leaveOneOutAccuracy(m.lastBlock, m.labels, m.d);
  // At the embedding level every probe reads the same row, so the difference is 0 up to float rounding.
  const embeddingDifference = round(flat.difference, 9);
  return {
    id: 'C-4',
    title: 'The vector at "apple" knows its sense',
    met: deep.difference >= SENSE_MIN_SEPARATION && loo >= SENSE_MIN_LOO_ACCURACY && embeddingDifference === 0,
    measured: {
      withinMinusAcross: round(deep.difference),
      within: round(deep.within),
      across: round(deep.across),
      looAccuracy: round(loo),
      embeddingDifference,
    },
    threshold: `within − across ≥ ${SENSE_MIN_SEPARATION}; LOO nearest-centroid ≥ ${SENSE_MIN_LOO_ACCURACY * 100} %; embedding level exactly 0`,
  };
}

/** One C-5 prompt: the total probability of its allowed continuations. */
export interface ContinuationMeasurement {
  prompt: string;
  total: number;
  minTotal: number;
}

/** C-5 measurement. */
export function measureAppleContinuations(ctx: EvalContext): ContinuationMeasurement[] {
  return ACCEPTANCE_PROMPTS.appleContinuations.map((c) => ({
    prompt: c.prompt,
    total: totalProb(distributionAfter(ctx, c.prompt), ctx.tokenizer, c.tokens),
    minTotal: c.minTotal,
  }));
}

/** C-5 verdict. */
export function judgeAppleContinuations(m: readonly ContinuationMeasurement[]): CheckOutcome {
  const ok = m.map((c) => c.total > c.minTotal);
  return {
    id: 'C-5',
    title: 'What follows "apple"',
    met: ok.every(Boolean),
    measured: {
      fruitQualities: round(m[0]?.total ?? 0),
      techNouns: round(m[1]?.total ?? 0),
      tree: round(m[2]?.total ?? 0),
      passed: fraction(ok.filter(Boolean).length, m.length),
    },
    threshold: 'fruit qualities > 0.5; tech nouns > 0.6; "tree" > 0.5',
    details: m.map((c) => ({ prompt: c.prompt, total: round(c.total), min: c.minTotal })),
  };
}
