/**
 * The judgement half of every acceptance check, on exact numbers at and around each §2.5 threshold.
 * Expected verdicts come from the curriculum's wording, not from the code.
 */
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_PROMPTS } from '../../engine/corpus/acceptancePrompts.ts';
import { judgeAppleContinuations } from '../../engine/eval/appleSenses.ts';
import { CHEATER_MAX_PARSE_RATE, REFERENCE_MIN_PARSE_RATE, judgeCheater, judgeReferenceGrammar } from '../../engine/eval/cheater.ts';
import type { GreedyOutput } from '../../engine/eval/cheater.ts';
import { judgeAfterFineTune, judgeHeldOutFacts, judgeOverfitting, judgeSft } from '../../engine/eval/fineTuneFacts.ts';
import type { HeldOutReading } from '../../engine/eval/fineTuneFacts.ts';
import { judgeFit } from '../../engine/eval/fit.ts';
import { judgeKnownCapitals, judgeQuiz, judgeStopping } from '../../engine/eval/knownFacts.ts';
import { judgeCopying, judgeWordOrder } from '../../engine/eval/orderAndCopy.ts';
import type { ProbeAnswer } from '../../engine/eval/probes.ts';
import { judgeSequences } from '../../engine/eval/sequences.ts';
import { judgeStore } from '../../engine/eval/store.ts';

/** An answer to a probe: right (top-1 = target) with probability p, or wrong. */
function answer(prompt: string, target: string, right: boolean, p = 0.9): ProbeAnswer {
  return { prompt, target, top1: right ? target : 'the', pTop1: p, pTarget: right ? p : 0.01 };
}

const capitals = ACCEPTANCE_PROMPTS.knownCapitals;
/** 24 capital answers: the first `good` are right with p = 0.9 (france is index 0). */
function capitalAnswers(good: number, overrides: Partial<Record<number, ProbeAnswer>> = {}): ProbeAnswer[] {
  return capitals.map((c, i) => overrides[i] ?? answer(c.prompt, c.target, i < good));
}

describe('C-2 known capitals: ≥ 22/24 top-1 with p > 0.5, france required', () => {
  it('passes at exactly 22 and fails at 21', () => {
    expect(judgeKnownCapitals(capitalAnswers(22)).met).toBe(true);
    expect(judgeKnownCapitals(capitalAnswers(21)).met).toBe(false);
    expect(judgeKnownCapitals(capitalAnswers(22)).measured.correct).toBe('22/24');
  });
  it('p must be strictly above 0.5, and top-1', () => {
    const atHalf = capitalAnswers(22, { 1: answer(capitals[1].prompt, capitals[1].target, true, 0.5) });
    expect(judgeKnownCapitals(atHalf).met).toBe(false);
    const notTop: ProbeAnswer = { ...answer(capitals[1].prompt, capitals[1].target, true, 0.6), top1: 'lima' };
    expect(judgeKnownCapitals(capitalAnswers(22, { 1: notTop })).met).toBe(false);
  });
  it('fails with 23/24 when the missing one is france', () => {
    const noFrance = capitalAnswers(24, { 0: answer(capitals[0].prompt, 'paris', false) });
    const verdict = judgeKnownCapitals(noFrance);
    expect(verdict.measured.correct).toBe('23/24');
    expect(verdict.measured.france).toBe(false);
    expect(verdict.met).toBe(false);
  });
});

describe('C-2b and C-3', () => {
  it('C-2b needs both "." and <eos> on top', () => {
    const [dot, eos] = ACCEPTANCE_PROMPTS.stopping;
    expect(judgeStopping([answer(dot.prompt, '.', true, 0.4), answer(eos.prompt, '<eos>', true, 0.3)]).met).toBe(true);
    expect(judgeStopping([answer(dot.prompt, '.', true), answer(eos.prompt, '<eos>', false)]).met).toBe(false);
  });
  it('C-3: "what" top-1 above 0.3 and paris below 0.2', () => {
    expect(judgeQuiz({ top1: 'what', pWhat: 0.31, pAnswer: 0.19 }).met).toBe(true);
    expect(judgeQuiz({ top1: 'what', pWhat: 0.3, pAnswer: 0.1 }).met).toBe(false);
    expect(judgeQuiz({ top1: 'what', pWhat: 0.5, pAnswer: 0.2 }).met).toBe(false);
    expect(judgeQuiz({ top1: 'paris', pWhat: 0.35, pAnswer: 0.1 }).met).toBe(false);
  });
});

describe('C-5, C-8, C-9, C-10, C-11', () => {
  const cont = (totals: number[]) => ACCEPTANCE_PROMPTS.appleContinuations.map((c, i) => ({ prompt: c.prompt, total: totals[i], minTotal: c.minTotal }));
  it('C-5 thresholds 0.5 / 0.6 / 0.5, strict', () => {
    expect(judgeAppleContinuations(cont([0.51, 0.61, 0.51])).met).toBe(true);
    expect(judgeAppleContinuations(cont([0.51, 0.6, 0.51])).met).toBe(false);
    expect(judgeAppleContinuations(cont([0.5, 0.9, 0.9])).met).toBe(false);
  });
  it('C-8: named prompts at p > 0.5 and counting ≥ 90 % (60/66 passes, 59/66 fails)', () => {
    const named = ACCEPTANCE_PROMPTS.sequences.map((s) => answer(s.prompt, s.target, true, 0.51));
    const counting = (right: number) => ACCEPTANCE_PROMPTS.counting.map((c, i) => answer(c.prompt, c.target, i < right));
    expect(ACCEPTANCE_PROMPTS.counting).toHaveLength(66);
    expect(judgeSequences({ named, counting: counting(60) }).met).toBe(true); // 60/66 = 0.909
    expect(judgeSequences({ named, counting: counting(59) }).met).toBe(false); // 59/66 = 0.894
    const weak = [...named.slice(0, 2), answer(named[2].prompt, named[2].target, true, 0.5)];
    expect(judgeSequences({ named: weak, counting: counting(66) }).met).toBe(false);
  });
  it('C-9 needs 27/30 and C-10 45/50', () => {
    const order = (right: number) => ACCEPTANCE_PROMPTS.wordOrder.map((p, i) => answer(p.prompt, p.target, i < right));
    const copy = (right: number) => ACCEPTANCE_PROMPTS.copying.map((p, i) => answer(p.prompt, p.target, i < right));
    expect([judgeWordOrder(order(27)).met, judgeWordOrder(order(26)).met]).toEqual([true, false]);
    expect([judgeCopying(copy(45)).met, judgeCopying(copy(44)).met]).toEqual([true, false]);
    expect(judgeWordOrder(order(26)).details).toHaveLength(4);
  });
  it('C-11: top 3 inside {apple, orange, egg, onion}, P(elephant) < 0.05, vowel nouns after "a" < 0.1', () => {
    const top = (tokens: string[]) => tokens.map((token, id) => ({ id, token, p: 0.3 }));
    const ok = { top3: top(['apple', 'egg', 'onion']), pElephant: 0.049, pVowelAfterA: 0.099 };
    expect(judgeStore(ok).met).toBe(true);
    expect(judgeStore({ ...ok, top3: top(['apple', 'egg', 'elephant']) }).met).toBe(false);
    expect(judgeStore({ ...ok, pElephant: 0.05 }).met).toBe(false);
    expect(judgeStore({ ...ok, pVowelAfterA: 0.1 }).met).toBe(false);
  });
});

describe('C-1 fit', () => {
  const m = { crossEntropy: 1.1, hGenSlice: 0.95, tokens: 1000, documents: 40, lnV: Math.log(400) };
  it('allows exactly H_gen + 0.15 and not more', () => {
    expect(judgeFit({ ...m, crossEntropy: 0.95 + 0.15 }).met).toBe(true);
    expect(judgeFit({ ...m, crossEntropy: 0.95 + 0.1501 }).met).toBe(false);
    expect(judgeFit(m).measured.lnV).toBeCloseTo(5.9915, 4);
  });
});

describe('fine-tuning checks', () => {
  const held = (p: number, i: number): HeldOutReading => ({ country: `c${i}`, target: `t${i}`, pTarget: p, top1: 'x', distractor: null, distractorRank: null });
  it('C-12: every held-out capital below 0.05', () => {
    expect(judgeHeldOutFacts(Array.from({ length: 9 }, (_, i) => held(0.049, i))).met).toBe(true);
    expect(judgeHeldOutFacts(Array.from({ length: 9 }, (_, i) => held(i === 8 ? 0.05 : 0.01, i))).met).toBe(false);
  });
  it('C-13: 7/8 new facts, quorvia, 20/24 known, ≤ 60 s', () => {
    const newFacts = (right: number) => Array.from({ length: 8 }, (_, i) => answer(`p${i}`, `t${i}`, i < right, 0.6));
    const known = (right: number) => capitalAnswers(right);
    const velmora = answer('the capital of velmora is', 'quorvia', true, 0.51);
    const base = { newFacts: newFacts(7), velmora, known: known(20), paraphrases: [], seconds: 60 };
    expect(judgeAfterFineTune(base).met).toBe(true);
    expect(judgeAfterFineTune({ ...base, newFacts: newFacts(6) }).met).toBe(false);
    expect(judgeAfterFineTune({ ...base, known: known(19) }).met).toBe(false);
    expect(judgeAfterFineTune({ ...base, velmora: answer(velmora.prompt, 'quorvia', true, 0.5) }).met).toBe(false);
    expect(judgeAfterFineTune({ ...base, seconds: 60.5 }).met).toBe(false);
  });
  it('C-14: ≤ 2/8 before and ≥ 6/8 after', () => {
    const qa = (right: number) => Array.from({ length: 8 }, (_, i) => ({ prompt: `q${i}`, target: `a${i}`, answer: i < right ? `a${i} .` : 'the', correct: i < right }));
    expect(judgeSft(qa(2), qa(6)).met).toBe(true);
    expect(judgeSft(qa(3), qa(8)).met).toBe(false);
    expect(judgeSft(qa(0), qa(5)).met).toBe(false);
  });
  it('C-15: loss ends ≥ 10 % above its minimum and known capitals drop by ≥ 3', () => {
    expect(judgeOverfitting([2, 1.5, 1, 1.1], 24, 21).met).toBe(true);
    expect(judgeOverfitting([2, 1.5, 1, 1.09], 24, 21).met).toBe(false);
    expect(judgeOverfitting([2, 1.5, 1, 1.2], 24, 22).met).toBe(false);
  });
});

describe('C-16', () => {
  const outputs = (parsing: number): GreedyOutput[] => Array.from({ length: 20 }, (_, i) => ({ prompt: 'p', text: 't', complete: true, parses: i < parsing }));
  it('tw-nomask: under 30 % parse (5/20 passes, 6/20 fails) and loss ratio under 0.3 when known', () => {
    expect(judgeCheater(outputs(5)).met).toBe(true);
    expect(judgeCheater(outputs(6)).met).toBe(false);
    expect(judgeCheater(outputs(0), { nomask: 0.29, learned: 1 }).met).toBe(true);
    expect(judgeCheater(outputs(0), { nomask: 0.3, learned: 1 }).met).toBe(false);
    expect(judgeCheater(outputs(0)).measured.lossRatio).toBe('not available');
  });
  it('tw-learned side: calibrated to at least 60 % parse (12/20 passes, 11/20 fails), and says so with the curriculum\'s 90 %', () => {
    expect(judgeReferenceGrammar(outputs(12)).met).toBe(true);
    expect(judgeReferenceGrammar(outputs(11)).met).toBe(false);
    const { calibration } = judgeReferenceGrammar(outputs(20));
    expect(calibration?.curriculum).toBe('parse rate ≥ 90 %');
    expect(calibration?.reason).toMatch(/30 %/);
  });
  it('the calibrated bar still keeps the honest model at least twice the cheater\'s ceiling', () => {
    expect(REFERENCE_MIN_PARSE_RATE).toBeGreaterThanOrEqual(2 * CHEATER_MAX_PARSE_RATE);
  });
});
