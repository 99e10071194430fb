/**
 * C-9 word order ("the one that ran away was the" → the chased animal) and C-10 copying
 * ("c1 c2 c3 . again : c1 c2" → c3), both greedy top-1 accuracy on held-out probes.
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import type { FactProbe } from '../corpus/fineTuneSets.ts';
import { askProbe } from './probes.ts';
import type { ProbeAnswer } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { fraction, round } from './types.ts';

/** Both checks need this share of greedy answers right. */
export const ORDER_COPY_MIN_ACCURACY = 0.9;

function ask(ctx: EvalContext, probes: readonly FactProbe[]): ProbeAnswer[] {
  return probes.map((p) => askProbe(ctx, p.prompt, p.target));
}

/** C-9 measurement: the 30 held-out animal pairs. */
export function measureWordOrder(ctx: EvalContext): ProbeAnswer[] {
  return ask(ctx, ACCEPTANCE_PROMPTS.wordOrder);
}

/** C-10 measurement: the 50 held-out colour triples. */
export function measureCopying(ctx: EvalContext): ProbeAnswer[] {
  return ask(ctx, ACCEPTANCE_PROMPTS.copying);
}

function judgeAccuracy(id: string, title: string, answers: readonly ProbeAnswer[]): CheckOutcome {
  const right = answers.filter((a) => a.top1 === a.target).length;
  const accuracy = answers.length === 0 ? 0 : right / answers.length;
  return {
    id,
    title,
    met: accuracy >= ORDER_COPY_MIN_ACCURACY,
    measured: { correct: fraction(right, answers.length), accuracy: round(accuracy) },
    threshold: `≥ ${ORDER_COPY_MIN_ACCURACY * 100} % top-1`,
    details: answers.filter((a) => a.top1 !== a.target).map((a) => ({ prompt: a.prompt, target: a.target, top1: a.top1 })),
  };
}

/** C-9 verdict. */
export function judgeWordOrder(answers: readonly ProbeAnswer[]): CheckOutcome {
  return judgeAccuracy('C-9', 'Word order', answers);
}

/** C-10 verdict. */
export function judgeCopying(answers: readonly ProbeAnswer[]): CheckOutcome {
  return judgeAccuracy('C-10', 'Copying', answers);
}
