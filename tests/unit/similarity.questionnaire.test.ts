// QuestionnaireDot's math: products, a·b, a·D·bᵀ and the two directed scores, against sums written out by hand.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, questionnaireSchema, questionnaireView, weightedDot, type QuestionnaireSettings } from '../../widgets/similarity/questionnaireModel.ts';

const withChange = (change: Partial<QuestionnaireSettings>): QuestionnaireSettings => ({ ...DEFAULT_SETTINGS, ...change });

describe('questionnaireView', () => {
  test('the curriculum example: (+1)(+1) + (−1)(−1) + (+1)(−1) = 1', () => {
    const v = questionnaireView(DEFAULT_SETTINGS);
    expect(v.products).toEqual([1, 1, -1]);
    expect(v.plain).toBe(1);
    expect(v.weighted).toBe(1);
  });
  test('weighting the disagreeing question ×10: 1 + 1 − 10 = −8, while the plain dot product stays 1', () => {
    const v = questionnaireView(withChange({ w: [1, 1, 10] }));
    expect(v.weightedProducts).toEqual([1, 1, -10]);
    expect(v.weighted).toBe(-8);
    expect(v.plain).toBe(1);
  });
  test('a·D·bᵀ equals the matrix product with D = diag(w), computed as full matrices', () => {
    const a = [1, -1, 1, 1];
    const b = [-1, -1, 1, -1];
    const w = [0.5, 3, 2, 7];
    const D = w.map((wi, i) => w.map((_, j) => (i === j ? wi : 0)));
    const Db = D.map((row) => row.reduce((sum, x, j) => sum + x * b[j], 0));
    const expected = a.reduce((sum, x, i) => sum + x * Db[i], 0); // −0.5 + 3 + 2 − 7 = −2.5
    expect(expected).toBe(-2.5);
    expect(weightedDot(a, w, b)).toBe(expected);
  });
  test('wants and offers: the default pulls +3 one way and −1 the other', () => {
    const v = questionnaireView(DEFAULT_SETTINGS);
    // wantsA (1, −1, −1) against b (1, −1, −1): 1 + 1 + 1; wantsB (−1, 1, 1) against a (1, −1, 1): −1 − 1 + 1.
    expect(v.aWantsB).toBe(3);
    expect(v.bWantsA).toBe(-1);
  });
  test('when each person wants what they offer, both directions equal the symmetric score', () => {
    const s = withChange({ wantsA: [1, -1, 1], wantsB: [1, -1, -1], w: [2, 1, 4] });
    const v = questionnaireView(s);
    expect(v.aWantsB).toBe(v.weighted);
    expect(v.bWantsA).toBe(v.weighted);
    expect(v.weighted).toBe(2 + 1 - 4);
  });
});

describe('questionnaireSchema', () => {
  test('accepts the defaults and refuses mismatched lengths, answers other than ±1 and negative weights', () => {
    expect(questionnaireSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(questionnaireSchema.safeParse(withChange({ w: [1, 1] })).success).toBe(false);
    expect(questionnaireSchema.safeParse({ ...DEFAULT_SETTINGS, a: [1, 0, 1] }).success).toBe(false);
    expect(questionnaireSchema.safeParse(withChange({ w: [1, -1, 1] })).success).toBe(false);
    expect(questionnaireSchema.safeParse({ ...DEFAULT_SETTINGS, a: [], b: [], w: [], wantsA: [], wantsB: [] }).success).toBe(false);
  });
});
