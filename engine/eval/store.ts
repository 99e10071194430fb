/**
 * C-11 the store and a/an: after "in the store , i bought an" the top 3 are vowel-initial store items
 * and "elephant" is a small tail (p < 0.05, reported); after "i bought a" vowel-initial nouns total < 0.1.
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import { distributionAfter, probOf, topK, totalProb } from './probes.ts';
import type { RankedToken } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { round } from './types.ts';

/** P(elephant) after "… bought an" must stay below this. */
export const ELEPHANT_MAX_P = 0.05;
/** Vowel-initial nouns after "i bought a" must total below this. */
export const VOWEL_AFTER_A_MAX_P = 0.1;

/** What C-11 reads from the two prompts. */
export interface StoreMeasurement {
  top3: RankedToken[];
  pElephant: number;
  pVowelAfterA: number;
}

/** C-11 measurement. */
export function measureStore(ctx: EvalContext): StoreMeasurement {
  const { anPrompt, smallTail, aPrompt, vowelNouns } = ACCEPTANCE_PROMPTS.store;
  const an = distributionAfter(ctx, anPrompt);
  const a = distributionAfter(ctx, aPrompt);
  return {
    top3: topK(an.probs, 3, ctx.tokenizer),
    pElephant: probOf(an, ctx.tokenizer, smallTail),
    pVowelAfterA: totalProb(a, ctx.tokenizer, vowelNouns),
  };
}

/** C-11 verdict. */
export function judgeStore(m: StoreMeasurement): CheckOutcome {
  const allowed = new Set<string>(ACCEPTANCE_PROMPTS.store.top3Within);
  const top3Ok = m.top3.length === 3 && m.top3.every((t) => allowed.has(t.token));
  return {
    id: 'C-11',
    title: 'Store and a/an',
    met: top3Ok && m.pElephant < ELEPHANT_MAX_P && m.pVowelAfterA < VOWEL_AFTER_A_MAX_P,
    measured: { top3: m.top3.map((t) => t.token).join(' '), pElephant: round(m.pElephant, 6), pVowelAfterA: round(m.pVowelAfterA) },
    threshold: `top 3 after "…bought an" ⊂ {${[...allowed].join(', ')}}; P(elephant) < ${ELEPHANT_MAX_P}; vowel nouns after "i bought a" < ${VOWEL_AFTER_A_MAX_P}`,
    details: { top3: m.top3.map((t) => ({ token: t.token, p: round(t.p) })) },
  };
}
