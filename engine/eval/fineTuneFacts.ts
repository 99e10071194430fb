/**
 * Fine-tuning checks. C-12 runs on the base model (held-out capitals are unknown before fine-tuning).
 * C-13, C-13b, C-14 and C-15 need fine-tuned models: the fine-tuning code calls these functions with the
 * model after (or before and after) its run.
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import { FT_HELDOUT_CAPITALS } from '../corpus/fineTuneSets.ts';
import type { FactProbe } from '../corpus/fineTuneSets.ts';
import { knownCapitalAccuracy, measureKnownCapitals } from './knownFacts.ts';
import { askProbe, distributionAfter, encodeStrict, idOfStrict, rankOf, topIds } from './probes.ts';
import { generate } from '../sampling/generate.ts';
import type { ProbeAnswer } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { fraction, round } from './types.ts';

/** C-12: before fine-tuning, every held-out capital stays below this probability. */
export const UNKNOWN_MAX_P = 0.05;
/** C-13: a new fact counts when top-1 with p above this. */
export const LEARNED_MIN_P = 0.5;
/** C-13: new facts required (of 8). */
export const NEW_FACTS_REQUIRED = 7;
/** C-13 / C-13b: known capitals that must survive (of 24). */
export const KNOWN_KEPT_REQUIRED = 20;
/** C-13: the default preset's time budget in the worker. */
export const FINE_TUNE_MAX_SECONDS = 60;
/** C-14: dialogue answers allowed before ft-qa-format, and required after (of 8). */
export const SFT_MAX_BEFORE = 2;
export const SFT_MIN_AFTER = 6;
/** C-15: validation loss must end this far above its minimum … */
export const OVERFIT_MIN_RISE = 0.1;
/** … and known-capital accuracy must drop by at least this many. */
export const OVERFIT_MIN_KNOWN_DROP = 3;

/** A C-12 reading: the capital's probability, the top-1 guess and the big city's rank. */
export interface HeldOutReading {
  country: string;
  target: string;
  pTarget: number;
  top1: string;
  distractor: string | null;
  distractorRank: number | null;
}

/** C-12 measurement: the 8 held-out countries and velmora. */
export function measureHeldOutFacts(ctx: EvalContext): HeldOutReading[] {
  return ACCEPTANCE_PROMPTS.heldOutFacts.map((f) => {
    const dist = distributionAfter(ctx, f.prompt);
    const distractor = f.distractor ?? null;
    return {
      country: f.country,
      target: f.target,
      pTarget: dist.probs[idOfStrict(ctx.tokenizer, f.target)],
      top1: ctx.tokenizer.tokenText(topIds(dist.probs, 1)[0]),
      distractor,
      distractorRank: distractor === null ? null : rankOf(dist.probs, idOfStrict(ctx.tokenizer, distractor)),
    };
  });
}

/** C-12 verdict (top-1 guesses and distractor ranks are reported for chapter 10). */
export function judgeHeldOutFacts(readings: readonly HeldOutReading[]): CheckOutcome {
  const unknown = readings.filter((r) => r.pTarget < UNKNOWN_MAX_P).length;
  return {
    id: 'C-12',
    title: 'Held-out capitals unknown before fine-tuning',
    met: unknown === readings.length,
    measured: { unknown: fraction(unknown, readings.length), maxPTarget: round(Math.max(...readings.map((r) => r.pTarget))) },
    threshold: `P(true capital) < ${UNKNOWN_MAX_P} for all 8 held-out countries and velmora`,
    details: readings.map((r) => ({ country: r.country, pTarget: round(r.pTarget, 6), top1: r.top1, distractor: r.distractor, distractorRank: r.distractorRank })),
  };
}

const confident = (a: ProbeAnswer): boolean => a.top1 === a.target && a.pTarget > LEARNED_MIN_P;
const ask = (ctx: EvalContext, probes: readonly FactProbe[]): ProbeAnswer[] => probes.map((p) => askProbe(ctx, p.prompt, p.target));

/** What C-13 reads from a fine-tuned model. */
export interface AfterFineTuneMeasurement {
  newFacts: ProbeAnswer[];
  velmora: ProbeAnswer;
  known: ProbeAnswer[];
  paraphrases: ProbeAnswer[];
  /** Wall-clock seconds of the fine-tuning run, when the caller timed it. */
  seconds?: number;
}

/** C-13 measurement on the model after the default preset (ft-heldout-capitals + ft-velmora, with replay). */
export function measureAfterFineTune(ctx: EvalContext, seconds?: number): AfterFineTuneMeasurement {
  return {
    newFacts: ask(ctx, FT_HELDOUT_CAPITALS.probes),
    velmora: askProbe(ctx, ACCEPTANCE_PROMPTS.velmora.prompt, ACCEPTANCE_PROMPTS.velmora.target),
    known: measureKnownCapitals(ctx),
    paraphrases: ask(ctx, ACCEPTANCE_PROMPTS.paraphraseProbes),
    seconds,
  };
}

/** C-13 verdict; the paraphrase accuracy is reported, not judged. */
export function judgeAfterFineTune(m: AfterFineTuneMeasurement): CheckOutcome {
  const learned = m.newFacts.filter(confident).length;
  const known = knownCapitalAccuracy(m.known);
  const timeOk = m.seconds === undefined || m.seconds <= FINE_TUNE_MAX_SECONDS;
  return {
    id: 'C-13',
    title: 'After the default fine-tuning preset',
    met: learned >= NEW_FACTS_REQUIRED && confident(m.velmora) && known >= KNOWN_KEPT_REQUIRED && timeOk,
    measured: {
      newFacts: fraction(learned, m.newFacts.length),
      pQuorvia: round(m.velmora.pTarget),
      known: fraction(known, m.known.length),
      paraphrases: fraction(m.paraphrases.filter((a) => a.top1 === a.target).length, m.paraphrases.length),
      seconds: m.seconds === undefined ? null : round(m.seconds, 2),
    },
    threshold: `≥ ${NEW_FACTS_REQUIRED}/8 new and quorvia top-1 with p > ${LEARNED_MIN_P}; known ≥ ${KNOWN_KEPT_REQUIRED}/24; ≤ ${FINE_TUNE_MAX_SECONDS} s`,
    details: m.newFacts.map((a) => ({ prompt: a.prompt, top1: a.top1, p: round(a.pTarget) })),
  };
}

/** C-13 from the fine-tuned model (and, when timed, the run's seconds). */
export function checkAfterFineTune(ctx: EvalContext, seconds?: number): CheckOutcome {
  return judgeAfterFineTune(measureAfterFineTune(ctx, seconds));
}

/** C-13b on the model after the default preset on ft-velmora alone. */
export function checkVelmoraAlone(ctx: EvalContext): CheckOutcome {
  const velmora = askProbe(ctx, ACCEPTANCE_PROMPTS.velmora.prompt, ACCEPTANCE_PROMPTS.velmora.target);
  const known = knownCapitalAccuracy(measureKnownCapitals(ctx));
  return {
    id: 'C-13b',
    title: 'Velmora alone',
    met: velmora.pTarget > LEARNED_MIN_P && known >= KNOWN_KEPT_REQUIRED,
    measured: { pQuorvia: round(velmora.pTarget), known: fraction(known, 24) },
    threshold: `P(quorvia) > ${LEARNED_MIN_P}; known ≥ ${KNOWN_KEPT_REQUIRED}/24`,
  };
}

/** Longest answer C-14 reads: a full-sentence answer ("the capital of x is y .") is 7 tokens. */
export const SFT_MAX_ANSWER_TOKENS = 12;

/** One C-14 dialogue: the model's greedy answer up to its first full stop, and whether it names the capital. */
export interface SftAnswer {
  prompt: string;
  target: string;
  answer: string;
  correct: boolean;
}

/**
 * C-14 count: reserved capitals answered right in `<user> … ? <bot>` format. The answer is read greedily up to
 * the first "." (or <eos>), because ft-qa-format teaches two answer forms, "madrid ." and "the capital of spain is
 * madrid .": judging only the first token would mark the full-sentence answer wrong.
 */
export function measureSft(ctx: EvalContext): SftAnswer[] {
  const stop = ['.', '<eos>'].map((t) => ctx.tokenizer.idOf(t)).filter((id): id is number => id !== undefined);
  return ACCEPTANCE_PROMPTS.qaReserved.map(({ prompt, target }) => {
    const ids = encodeStrict(ctx.tokenizer, prompt);
    const maxTokens = Math.min(SFT_MAX_ANSWER_TOKENS, ctx.model.config.contextLength - ids.length);
    const out = generate(ctx.model, ids, { temperature: 0, maxTokens, seed: 0, stopIds: stop, forwardOptions: ctx.forwardOptions });
    const words = out.ids.map((id) => ctx.tokenizer.tokenText(id));
    return { prompt, target, answer: words.join(' '), correct: words.includes(target) };
  });
}

/** C-14 verdict from the answers before and after ft-qa-format. */
export function judgeSft(before: readonly Pick<SftAnswer, 'correct'>[], after: readonly SftAnswer[]): CheckOutcome {
  const right = (list: readonly Pick<SftAnswer, 'correct'>[]) => list.filter((a) => a.correct).length;
  return {
    id: 'C-14',
    title: 'SFT carries the answer format to unseen facts',
    met: right(before) <= SFT_MAX_BEFORE && right(after) >= SFT_MIN_AFTER,
    measured: { before: fraction(right(before), before.length), after: fraction(right(after), after.length) },
    threshold: `≤ ${SFT_MAX_BEFORE}/8 before, ≥ ${SFT_MIN_AFTER}/8 after (greedy answer up to its first full stop names the capital)`,
    details: after.map((a) => ({ prompt: a.prompt, answer: a.answer, correct: a.correct })),
  };
}

/** C-14 from the two models. */
export function checkSft(before: EvalContext, after: EvalContext): CheckOutcome {
  return judgeSft(measureSft(before), measureSft(after));
}

/** C-15 verdict: the overfitting preset's validation-loss curve and the known-capital counts around it. */
export function judgeOverfitting(validationLosses: readonly number[], knownBefore: number, knownAfter: number): CheckOutcome {
  const min = validationLosses.length ? Math.min(...validationLosses) : NaN;
  const last = validationLosses.length ? validationLosses[validationLosses.length - 1] : NaN;
  const rise = last / min - 1;
  const drop = knownBefore - knownAfter;
  return {
    id: 'C-15',
    title: 'Overfitting preset',
    met: rise >= OVERFIT_MIN_RISE && drop >= OVERFIT_MIN_KNOWN_DROP,
    measured: { finalLoss: round(last), minLoss: round(min), rise: round(rise), knownBefore, knownAfter },
    threshold: `final validation loss ≥ ${(1 + OVERFIT_MIN_RISE).toFixed(2)} × its minimum; known capitals drop by ≥ ${OVERFIT_MIN_KNOWN_DROP}`,
  };
}

/** C-15 from the models before and after the overfitting preset plus its validation-loss curve. */
export function checkOverfitting(before: EvalContext, after: EvalContext, validationLosses: readonly number[]): CheckOutcome {
  return judgeOverfitting(validationLosses, knownCapitalAccuracy(measureKnownCapitals(before)), knownCapitalAccuracy(measureKnownCapitals(after)));
}
