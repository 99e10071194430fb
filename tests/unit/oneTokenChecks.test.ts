// Chapter 1's exercise checks on hand-made widget states (the live model's answers are covered end to end).
import { describe, expect, test } from 'vitest';
import { oneTokenChecks, parseProbability } from '../../lessons/checks/oneToken.ts';
import { DEFAULT_NEXT_TOKEN, contextText, nextTokenView, type NextTokenSettings } from '../../widgets/nextToken/nextTokenModel.ts';
import { DEFAULT_NGRAM, ngramName } from '../../widgets/ngram/ngramModel.ts';
import { runCheck } from '../../lessons/checks/types.ts';

const stepper = (over: Partial<NextTokenSettings>, candidates = [{ token: '<eos>', prob: 0.42 }, { token: 'the', prob: 0.2 }]) => {
  const state = { ...DEFAULT_NEXT_TOKEN, ...over };
  return { state, view: nextTokenView(state, candidates, 8, 64) };
};

describe('ex-three-steps: greedy from "the capital of france is" until <eos>', () => {
  const check = oneTokenChecks['ex-three-steps'];
  test('not solved at the start, solved after paris . <eos>', () => {
    expect(runCheck(check, { ...stepper({}), answer: '' })).toBe(false);
    expect(runCheck(check, { ...stepper({ generated: ['paris', '.', '<eos>'] }), answer: '' })).toBe(true);
  });
  test('a different prompt or a forced wrong first token does not count', () => {
    expect(runCheck(check, { ...stepper({ prompt: 'the capital of spain is', generated: ['paris', '.', '<eos>'] }), answer: '' })).toBe(false);
    expect(runCheck(check, { ...stepper({ generated: ['rome', '.', '<eos>'] }), answer: '' })).toBe(false);
  });
  test('the view stops the loop at <eos> and at a full context', () => {
    expect(stepper({ generated: ['paris', '.', '<eos>'] }).view.stopped).toBe('eos');
    expect(nextTokenView(DEFAULT_NEXT_TOKEN, [], 64, 64).stopped).toBe('context-full');
  });
});

describe('ex-stop-probability: type P(<eos>) within 0.01', () => {
  const check = oneTokenChecks['ex-stop-probability'];
  const base = stepper({ prompt: 'the king ate the bread .' });
  test.each([['0.42', true], ['42 %', true], ['42%', true], ['0.415', true], ['0,42', true], ['0.44', false], ['42', false], ['', false], ['about half', false]])(
    'answer %j → %s', (answer, solved) => expect(runCheck(check, { ...base, answer })).toBe(solved));
  test('after appending tokens the shown distribution is another one, so it does not count', () => {
    expect(runCheck(check, { ...stepper({ prompt: 'the king ate the bread .', generated: ['the'] }), answer: '0.42' })).toBe(false);
  });
  test('parseProbability reads fractions and percentages', () => {
    expect([parseProbability('0.5'), parseProbability('50 %'), parseProbability('.5')]).toEqual([0.5, 0.5, 0.5]);
    expect(parseProbability('five')).toBeNaN();
  });
});

describe('ex-sparsity-hunt: no 4-word match, model ≥ 0.3', () => {
  const check = oneTokenChecks['ex-sparsity-hunt'];
  const view = (ngramMatches: number, top: number) => ({ ngramMatches, ngramNext: [], modelNext: [{ token: 'x', value: top }], modelTop1Prob: top });
  test('not solved at the start (k = 1)', () => {
    expect(runCheck(check, { state: DEFAULT_NGRAM, view: view(5000, 0.4), answer: '' })).toBe(false);
  });
  test('solved only with k ≥ 4, zero matches and a confident model', () => {
    expect(runCheck(check, { state: { ...DEFAULT_NGRAM, k: 4 }, view: view(0, 0.31), answer: '' })).toBe(true);
    expect(runCheck(check, { state: { ...DEFAULT_NGRAM, k: 3 }, view: view(0, 0.9), answer: '' })).toBe(false);
    expect(runCheck(check, { state: { ...DEFAULT_NGRAM, k: 5 }, view: view(1, 0.9), answer: '' })).toBe(false);
    expect(runCheck(check, { state: { ...DEFAULT_NGRAM, k: 5 }, view: view(0, 0.29), answer: '' })).toBe(false);
  });
  test('n-grams are named by context + 1 (the curriculum correction: one word of context is a bigram)', () => {
    expect([1, 2, 3, 4].map(ngramName)).toEqual(['bigram', 'trigram', '4-gram', '5-gram']);
  });
  test('the model reads the prompt plus everything appended', () => {
    expect(contextText({ prompt: ' the capital of france is ', generated: ['paris', '.'] })).toBe('the capital of france is paris .');
  });
});
