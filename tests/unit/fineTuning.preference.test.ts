// Chapter 10, preference tuning: Bradley–Terry probabilities and the KL-regularised optimum on the curriculum's
// worked numbers, the reward fit checked against its own objective, and the toy's over-optimisation story.
import { describe, expect, it } from 'vitest';
import { fitRewardWeights, klOptimum, preferenceProbability, sigmoid, type Comparison } from '../../widgets/finetune/math/preferenceMath.ts';
import { ANSWERS, DEFAULT_SETTINGS, PAIRS, preferenceSchema, preferenceView } from '../../widgets/finetune/math/preferenceModel.ts';

describe('Bradley–Terry', () => {
  it('a reward gap of 1 gives 0.731 and a gap of 2 gives 0.881', () => {
    expect(preferenceProbability(1, 0)).toBeCloseTo(0.731, 3);
    expect(preferenceProbability(2, 0)).toBeCloseTo(0.881, 3);
    expect(preferenceProbability(0, 0)).toBe(0.5);
  });
  it('sigmoid is symmetric and finite far out', () => {
    expect(sigmoid(3) + sigmoid(-3)).toBeCloseTo(1, 12);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('the KL-regularised optimum p*(y) ∝ p(y)·e^{r(y)/β} with p = (0.7, 0.3), r = (0, 1)', () => {
  const cases: [number, [number, number], number][] = [[10, [0.679, 0.321], 3], [1, [0.462, 0.538], 3], [0.5, [0.24, 0.76], 3], [0.1, [0.0001, 0.9999], 4]];
  for (const [beta, expected, digits] of cases) {
    it(`β = ${beta} gives (${expected.join(', ')})`, () => {
      const p = klOptimum([0.7, 0.3], [0, 1], beta);
      expect(p[0]).toBeCloseTo(expected[0], digits);
      expect(p[1]).toBeCloseTo(expected[1], digits);
    });
  }
  it('stays finite for a tiny β', () => {
    const p = klOptimum([0.7, 0.3], [0, 1], 1e-4);
    expect(p[1]).toBe(1);
    expect(p.every(Number.isFinite)).toBe(true);
  });
});

describe('fitting the reward weights', () => {
  const comparisons: Comparison[] = [
    { winner: [1, 0], loser: [0, 0] }, { winner: [1, 1], loser: [0, 1] }, { winner: [1, 1], loser: [1, 0] }, { winner: [0, 0], loser: [0, 1] },
  ];
  /** The objective written out independently: Σ ln σ(w·(x_w − x_l)) − ½·ridge·‖w‖². */
  const objective = (w: number[], ridge: number) =>
    comparisons.reduce((acc, c) => acc + Math.log(1 / (1 + Math.exp(-(w[0] * (c.winner[0] - c.loser[0]) + w[1] * (c.winner[1] - c.loser[1]))))), 0)
    - 0.5 * ridge * (w[0] ** 2 + w[1] ** 2);
  it('lands where the objective is flat and no nearby point is higher', () => {
    const w = fitRewardWeights(comparisons, 2, 0.5);
    const h = 1e-5;
    expect((objective([w[0] + h, w[1]], 0.5) - objective([w[0] - h, w[1]], 0.5)) / (2 * h)).toBeCloseTo(0, 6);
    expect((objective([w[0], w[1] + h], 0.5) - objective([w[0], w[1] - h], 0.5)) / (2 * h)).toBeCloseTo(0, 6);
    for (const [dx, dy] of [[0.05, 0], [-0.05, 0], [0, 0.05], [0, -0.05]]) expect(objective([w[0] + dx, w[1] + dy], 0.5)).toBeLessThan(objective(w, 0.5));
  });
  it('rewards being right (3 wins for right answers) and is split on the second feature (one win each way)', () => {
    const w = fitRewardWeights(comparisons, 2, 0.5);
    expect(w[0]).toBeGreaterThan(0.5);
    expect(Math.abs(w[1])).toBeLessThan(w[0]);
  });
});

describe('PreferenceToy: a reward model that likes flattery, optimised hard', () => {
  it('the heavily flattering answer is never among the labelled pairs', () => {
    const flattest = ANSWERS.findIndex((a) => a.flattery === 3);
    expect(PAIRS.flat()).not.toContain(flattest);
  });
  it('with the friendly rater, a small β collapses onto that never-labelled answer', () => {
    const view = preferenceView({ ...DEFAULT_SETTINGS, beta: 0.1 });
    expect(view.weights[1]).toBeGreaterThan(0);
    expect(ANSWERS[view.top].flattery).toBe(3);
    expect(view.flatteryAfter).toBeGreaterThan(2.9);
    expect(view.rightAfter).toBeGreaterThan(view.rightBefore);
  });
  it('at β = 1 that answer already gets more than 5 times its starting probability', () => {
    const view = preferenceView(DEFAULT_SETTINGS);
    const flattest = ANSWERS.findIndex((a) => a.flattery === 3);
    expect(view.pTuned[flattest]).toBeGreaterThan(5 * ANSWERS[flattest].pRef);
  });
  it('a large β stays close to the starting model', () => {
    const view = preferenceView({ ...DEFAULT_SETTINGS, beta: 20 });
    view.pTuned.forEach((p, i) => expect(Math.abs(p - ANSWERS[i].pRef)).toBeLessThan(0.05));
  });
  it('without the flattery feature the tuned model stops piling on compliments', () => {
    const view = preferenceView({ ...DEFAULT_SETTINGS, beta: 0.1, flatteryFeature: false });
    expect(view.weights[1]).toBe(0);
    expect(ANSWERS[view.top].text).toBe('paris .');
    expect(view.flatteryAfter).toBeLessThan(view.flatteryBefore + 0.01);
  });
  it('relabelling pairs 3 and 5 to prefer the plain answers gives flattery a negative weight', () => {
    const view = preferenceView({ ...DEFAULT_SETTINGS, choices: [0, 0, 0, 1, 0], beta: 0.1 });
    expect(view.weights[1]).toBeLessThan(0);
    expect(ANSWERS[view.top].flattery).toBe(0);
  });
  it('the schema refuses wrong-length choices and β out of range', () => {
    expect(preferenceSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(preferenceSchema.safeParse({ ...DEFAULT_SETTINGS, choices: [0, 1] }).success).toBe(false);
    expect(preferenceSchema.safeParse({ ...DEFAULT_SETTINGS, choices: [0, 0, 2, 1, 1] }).success).toBe(false);
    expect(preferenceSchema.safeParse({ ...DEFAULT_SETTINGS, beta: 0 }).success).toBe(false);
  });
});
