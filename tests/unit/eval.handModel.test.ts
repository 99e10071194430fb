/**
 * The measurement half of the checks, end to end through the real forward pass, on hand-built models
 * whose answers are known in advance (see evalFixtures.ts): a bigram lookup model, and constant models
 * whose logits are set exactly so a probability sits just above or below a threshold.
 */
import { describe, expect, it } from 'vitest';
import { greedyOutput } from '../../engine/eval/cheater.ts';
import { measureHeldOutFacts } from '../../engine/eval/fineTuneFacts.ts';
import { measureQuiz } from '../../engine/eval/knownFacts.ts';
import { nextTokenDistribution, rankOf, topK } from '../../engine/eval/probes.ts';
import { measureStore } from '../../engine/eval/store.ts';
import { runSuite } from '../../engine/eval/suite.ts';
import { judgeQuiz } from '../../engine/eval/knownFacts.ts';
import { judgeStore } from '../../engine/eval/store.ts';
import { bigramAnswers, courseTokenizer, exactMixture, logitForProbability, lookupModel } from './evalFixtures.ts';

const tokenizer = courseTokenizer();
const V = tokenizer.vocabSize;
const bigram = lookupModel(tokenizer, { next: bigramAnswers() });

describe('hand-built lookup model (sanity of the fixture)', () => {
  it('predicts the chosen successor of the last token, and mixtures in weight order', () => {
    expect(topK(nextTokenDistribution(bigram, tokenizer, 'after friday comes').probs, 1, tokenizer)[0].token).toBe('saturday');
    expect(topK(nextTokenDistribution(bigram, tokenizer, 'i bought an').probs, 3, tokenizer).map((t) => t.token)).toEqual(['apple', 'orange', 'egg']);
  });
  it('constant logits give the intended probability', () => {
    const model = lookupModel(tokenizer, { next: {}, constantLogits: { what: logitForProbability(0.31, V) } });
    const dist = nextTokenDistribution(model, tokenizer, 'the king ate');
    expect(dist.probs[tokenizer.idOf('what')!]).toBeCloseTo(0.31, 5);
  });
});

describe('the suite on the bigram model: exactly the checks a last-token model can pass', () => {
  it('passes C-2b, C-3, C-5, C-8, C-11, C-12 and fails C-2 (only france) and C-4 (no context, no senses)', () => {
    const result = runSuite({ model: bigram, tokenizer }, { variant: 'tw-learned', only: ['C-2', 'C-2b', 'C-3', 'C-4', 'C-5', 'C-8', 'C-11', 'C-12'] });
    const verdict = Object.fromEntries(result.checks.map((c) => [c.id, c.pass]));
    expect(verdict).toEqual({ 'C-2': false, 'C-2b': true, 'C-3': true, 'C-4': false, 'C-5': true, 'C-8': true, 'C-11': true, 'C-12': true });
    const c2 = result.checks.find((c) => c.id === 'C-2')!;
    expect(c2.measured.correct).toBe('1/24');
    expect(c2.measured.france).toBe(true);
    const c4 = result.checks.find((c) => c.id === 'C-4')!;
    // A model that reads only the last token gives the same vector at "apple" in every context.
    expect(c4.measured.withinMinusAcross).toBe(0);
    expect(c4.measured.embeddingDifference).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.gatingFailures).toEqual(['C-2', 'C-4']);
  });
  it('the same failures only report for tw-sin, which C-2 and C-4 do not gate', () => {
    const result = runSuite({ model: bigram, tokenizer }, { variant: 'tw-sin', only: ['C-2', 'C-4'] });
    expect(result.checks.map((c) => c.pass)).toEqual(['report', 'report']);
    expect(result.checks.map((c) => c.met)).toEqual([false, false]);
    expect(result.passed).toBe(true);
  });
});

describe('exact probabilities at the thresholds, through the forward pass', () => {
  const constant = (logits: Record<string, number>) => ({ model: lookupModel(tokenizer, { next: {}, constantLogits: logits }), tokenizer });
  it('C-3: P(what) 0.31 passes, 0.29 fails', () => {
    // Two raised tokens: "what" and a filler, so "what" stays top-1 at 0.29 as well.
    const withWhat = (p: number) => {
      const filler = 0.2;
      const rest = 1 - p - filler;
      const base = Math.log(rest / (V - 2));
      return constant({ what: Math.log(p) - base, today: Math.log(filler) - base });
    };
    const above = measureQuiz(withWhat(0.31));
    const below = measureQuiz(withWhat(0.29));
    expect(above.pWhat).toBeCloseTo(0.31, 5);
    expect(below.pWhat).toBeCloseTo(0.29, 5);
    expect([judgeQuiz(above).met, judgeQuiz(below).met]).toEqual([true, false]);
  });
  it('C-11: P(elephant) 0.04 passes and 0.06 fails, with the right top 3 and few vowel nouns after "a"', () => {
    const store = (pElephant: number) => {
      const { weights, sharpness } = exactMixture({ apple: 0.3, orange: 0.25, egg: 0.2, elephant: pElephant }, V);
      return measureStore({ model: lookupModel(tokenizer, { next: { an: weights, a: { banana: 1 } }, sharpness }), tokenizer });
    };
    const low = store(0.04);
    expect(low.pElephant).toBeCloseTo(0.04, 5);
    expect(low.top3.map((t) => t.token)).toEqual(['apple', 'orange', 'egg']);
    expect(low.pVowelAfterA).toBeLessThan(0.01);
    expect(judgeStore(low).met).toBe(true);
    const high = store(0.06);
    expect(high.pElephant).toBeCloseTo(0.06, 5);
    expect(judgeStore(high).met).toBe(false);
  });
  it('C-12 reports the big-city distractor rank', () => {
    const readings = measureHeldOutFacts(constant({ istanbul: 3, casablanca: 2, paris: 4 }));
    const turkey = readings.find((r) => r.country === 'turkey')!;
    const morocco = readings.find((r) => r.country === 'morocco')!;
    expect([turkey.top1, turkey.distractorRank, morocco.distractorRank]).toEqual(['paris', 2, 3]);
    expect(readings.find((r) => r.country === 'velmora')!.distractorRank).toBeNull();
    expect(rankOf([0.1, 0.5, 0.1], 2)).toBe(3);
  });
});

describe('C-16 greedy outputs on the bigram model', () => {
  it('parses a chain the grammar allows and rejects one it does not', () => {
    const good = greedyOutput({ model: bigram, tokenizer }, 'after friday comes');
    expect(good).toMatchObject({ text: 'after friday comes saturday . <eos>', complete: true, parses: true });
    // "after monday comes saturday" is not a TinyWorld sentence: the day pair must be consecutive.
    const bad = greedyOutput({ model: bigram, tokenizer }, 'after monday comes');
    expect(bad).toMatchObject({ text: 'after monday comes saturday . <eos>', parses: false });
  });
  it('a run that fills the context without <eos> is incomplete and judged as cut short', () => {
    const loop = greedyOutput({ model: bigram, tokenizer }, 'the king');
    expect(loop.complete).toBe(false);
    expect(loop.text.split(' ')).toHaveLength(64);
    expect(loop.parses).toBe(false);
  });
});
