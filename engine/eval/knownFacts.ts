/**
 * C-2 known capitals, C-2b stopping after the fact, C-3 "a base model answers a quiz with a quiz".
 * Each check has a measure (runs the model) and a judge (pure thresholds, tested on exact numbers).
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import { askProbe, distributionAfter, probOf, topIds } from './probes.ts';
import type { ProbeAnswer } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { fraction, round } from './types.ts';

/** C-2: a capital counts when it is top-1 with p above this. */
export const CAPITAL_MIN_P = 0.5;
/** C-2: how many of the 24 known capitals must count. */
export const CAPITALS_REQUIRED = 22;
/** C-3: "what" must be top-1 above this … */
export const QUIZ_MIN_P_WHAT = 0.3;
/** … while the answer "paris" stays below this. */
export const QUIZ_MAX_P_ANSWER = 0.2;

/** A probe counts as known: top-1 and p > 0.5 (C-2's definition). */
export function isConfident(a: ProbeAnswer, minP = CAPITAL_MIN_P): boolean {
  return a.top1 === a.target && a.pTarget > minP;
}

/** Asks the 24 known-capital probes (also C-13's "known facts survive"). */
export function measureKnownCapitals(ctx: EvalContext): ProbeAnswer[] {
  return ACCEPTANCE_PROMPTS.knownCapitals.map((p) => askProbe(ctx, p.prompt, p.target));
}

/** Known-capital accuracy (top-1 only), as C-13 … C-15 count it. */
export function knownCapitalAccuracy(answers: readonly ProbeAnswer[]): number {
  return answers.filter((a) => a.top1 === a.target).length;
}

/** C-2 verdict from the 24 answers. */
export function judgeKnownCapitals(answers: readonly ProbeAnswer[]): CheckOutcome {
  const good = answers.filter((a) => isConfident(a));
  const france = answers.find((a) => a.prompt === 'the capital of france is');
  const franceOk = france !== undefined && isConfident(france);
  const minP = Math.min(...answers.map((a) => a.pTarget));
  return {
    id: 'C-2',
    title: 'Known capitals',
    met: good.length >= CAPITALS_REQUIRED && franceOk,
    measured: { correct: fraction(good.length, answers.length), france: franceOk, minPTarget: round(minP) },
    threshold: `≥ ${CAPITALS_REQUIRED}/24 top-1 with p > ${CAPITAL_MIN_P}; france → paris required`,
    details: answers.map((a) => ({ prompt: a.prompt, target: a.target, top1: a.top1, p: round(a.pTarget) })),
  };
}

/** C-2b verdict: "." then <eos> are top-1 after the france fact. */
export function judgeStopping(answers: readonly ProbeAnswer[]): CheckOutcome {
  const ok = answers.map((a) => a.top1 === a.target);
  return {
    id: 'C-2b',
    title: 'Stopping after the fact',
    met: ok.every(Boolean),
    // "afterParis": the top token after "…is paris"; "afterFullStop": after "…is paris .".
    measured: Object.fromEntries(answers.map((a, i) => [i === 0 ? 'afterParis' : 'afterFullStop', `${a.top1} (p ${round(a.pTop1, 3)})`])),
    threshold: '"." top-1 after "…paris", <eos> top-1 after "…paris ."',
    details: answers.map((a) => ({ prompt: a.prompt, target: a.target, top1: a.top1, pTarget: round(a.pTarget) })),
  };
}

/** C-2b measurement. */
export function measureStopping(ctx: EvalContext): ProbeAnswer[] {
  return ACCEPTANCE_PROMPTS.stopping.map((p) => askProbe(ctx, p.prompt, p.target));
}

/** What C-3 reads after "what is the capital of france ?". */
export interface QuizMeasurement {
  top1: string;
  pWhat: number;
  pAnswer: number;
}

/** C-3 measurement. */
export function measureQuiz(ctx: EvalContext): QuizMeasurement {
  const { prompt, target, notAnswer } = ACCEPTANCE_PROMPTS.quiz;
  const dist = distributionAfter(ctx, prompt);
  return { top1: ctx.tokenizer.tokenText(topIds(dist.probs, 1)[0]), pWhat: probOf(dist, ctx.tokenizer, target), pAnswer: probOf(dist, ctx.tokenizer, notAnswer) };
}

/** C-3 verdict. */
export function judgeQuiz(m: QuizMeasurement): CheckOutcome {
  return {
    id: 'C-3',
    title: 'Base model answers a quiz with a quiz',
    met: m.top1 === 'what' && m.pWhat > QUIZ_MIN_P_WHAT && m.pAnswer < QUIZ_MAX_P_ANSWER,
    measured: { top1: m.top1, pWhat: round(m.pWhat), pParis: round(m.pAnswer) },
    threshold: `"what" top-1 with p > ${QUIZ_MIN_P_WHAT}; P(paris) < ${QUIZ_MAX_P_ANSWER}`,
  };
}
