// The calculator's "where did this number come from" sentences: the products written out must be the ones that
// give the cell's value (example (c) of the curriculum), with masked cells explained as −∞ / 0.
import { describe, expect, test } from 'vitest';
import { attentionCalculatorView, DEFAULT_SETTINGS } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import { explainCell, short } from '../../widgets/attention/toy/calculatorExplain.ts';

const view = attentionCalculatorView(DEFAULT_SETTINGS);
const say = (step: Parameters<typeof explainCell>[0], i: number, j: number, settings = DEFAULT_SETTINGS) =>
  explainCell(step, i, j, settings, attentionCalculatorView(settings));

describe('explanations on example (c): bear (2,0), honey (0,2), it (1,1), animals ask for food', () => {
  test('a query entry is a row of X times a column of W_Q', () => {
    expect(say('Q', 0, 1)).toBe('Q[bear, 2] = row bear of X · column 2 of W_Q = 2×1 + 0×0 = 2');
  });
  test('a score is q · k divided by √2', () => {
    expect(say('S', 0, 1)).toBe('S[bear, honey] = q_bear · k_honey ÷ √2 = (0×0 + 2×2) ÷ √2 = 2.828');
    expect(say('S', 1, 0)).toBe('S[honey, bear] = q_honey · k_bear ÷ √2 = (0×2 + 0×0) ÷ √2 = 0');
  });
  test('a weight is e^score over the row\'s sum, 16.919 / 22.032 = 0.768 for bear → honey', () => {
    expect(say('A', 0, 1)).toBe('A[bear, honey] = e^2.828 / (e^0 + e^2.828 + e^1.414) = 16.919 / 22.032 = 0.768');
  });
  test('an output entry is the row of A times a column of V', () => {
    expect(say('out', 0, 1)).toBe(`output[bear, 2] = Σ over keys of A[bear, key] × V[key, 2] = ${short(view.A[0][0])}×0 + 0.768×2 + ${short(view.A[0][2])}×1 = 1.723`);
  });
  test('with the mask on, a later key is −∞ in M and gets weight 0', () => {
    const masked = { ...DEFAULT_SETTINGS, mask: true };
    expect(say('M', 0, 1, masked)).toContain('= −∞: honey comes after bear');
    expect(say('A', 0, 1, masked)).toContain('= 0: e^(−∞) = 0');
    expect(say('A', 1, 0, masked)).toBe('A[honey, bear] = e^0 / (e^0 + e^0) = 1 / 2 = 0.5');
  });
  test('short() trims zeros, uses a real minus and writes −∞', () => {
    expect(short(2)).toBe('2');
    expect(short(-0.5)).toBe('−0.5');
    expect(short(-Infinity)).toBe('−∞');
    expect(short(-1e-9)).toBe('0');
  });
});
