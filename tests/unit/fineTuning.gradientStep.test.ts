// Chapter 10, W10.1: cross-entropy, its gradient p − y and one gradient step on the logits, checked against the
// curriculum's worked numbers and against a softmax written out here by hand (independent of the engine's).
import { describe, expect, it } from 'vitest';
import { argmax, crossEntropy, crossEntropyGradient, descend, etaToOvertake, gradientStep, probabilities } from '../../widgets/finetune/math/crossEntropy.ts';
import { DEFAULT_SETTINGS, gradientStepSchema, gradientStepView } from '../../widgets/finetune/math/gradientStepModel.ts';
import { createRng } from '../../engine/rng.ts';

/** Softmax the long way, as an oracle: e^z / Σ e^z. */
const oracleSoftmax = (z: number[]) => {
  const e = z.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
const close = (actual: number[], expected: number[], digits = 3) => expected.forEach((x, i) => expect(actual[i], `entry ${i}`).toBeCloseTo(x, digits));
const ROME_PARIS_OSLO = [2, 1, 0];
const PARIS = 1;

describe('loss values −ln p', () => {
  it('are 0.105, 0.693 and 2.996 for p = 0.9, 0.5 and 0.05', () => {
    // Two logits [ln p, ln(1 − p)] give the target probability exactly p.
    for (const [p, loss] of [[0.9, 0.105], [0.5, 0.693], [0.05, 2.996]]) {
      expect(crossEntropy([Math.log(p), Math.log(1 - p)], 0)).toBeCloseTo(loss, 3);
    }
  });
  it('a uniform guess over 400 tokens costs ln 400 = 5.99', () => {
    expect(crossEntropy(new Array(400).fill(0.3), 17)).toBeCloseTo(5.991, 3);
  });
  it('stays finite for huge logits', () => {
    expect(crossEntropy([1000, 0, -1000], 0)).toBeCloseTo(0, 9);
    expect(crossEntropy([1000, 0, -1000], 1)).toBeCloseTo(1000, 6);
  });
});

describe('one step on Rome 2, Paris 1, Oslo 0 with target Paris', () => {
  it('p = (0.665, 0.245, 0.090), loss 1.408, gradient (0.665, −0.755, 0.090)', () => {
    close(probabilities(ROME_PARIS_OSLO), [0.665, 0.245, 0.09]);
    expect(crossEntropy(ROME_PARIS_OSLO, PARIS)).toBeCloseTo(1.408, 3);
    close(crossEntropyGradient(ROME_PARIS_OSLO, PARIS), [0.665, -0.755, 0.09]);
  });
  it('η = 1 gives z = (1.335, 1.755, −0.090), p = (0.362, 0.551, 0.087), loss 0.596', () => {
    const z = gradientStep(ROME_PARIS_OSLO, PARIS, 1);
    close(z, [1.335, 1.755, -0.09]);
    close(probabilities(z), [0.362, 0.551, 0.087]);
    expect(crossEntropy(z, PARIS)).toBeCloseTo(0.596, 3);
  });
  it('η = 0.5 gives p(Paris) = 0.388 and loss 0.947', () => {
    const z = gradientStep(ROME_PARIS_OSLO, PARIS, 0.5);
    expect(probabilities(z)[PARIS]).toBeCloseTo(0.388, 3);
    expect(crossEntropy(z, PARIS)).toBeCloseTo(0.947, 3);
  });
  it('Paris becomes the top choice once η > 0.7040, and not before', () => {
    expect(argmax(gradientStep(ROME_PARIS_OSLO, PARIS, 0.7039))).toBe(0);
    expect(argmax(gradientStep(ROME_PARIS_OSLO, PARIS, 0.7041))).toBe(PARIS);
    expect(etaToOvertake(ROME_PARIS_OSLO, PARIS)).toBeGreaterThan(0.7039);
    expect(etaToOvertake(ROME_PARIS_OSLO, PARIS)).toBeLessThan(0.7041);
    expect(etaToOvertake(ROME_PARIS_OSLO, 0)).toBe(0); // Rome is already on top
  });
});

describe('facts that hold for any logits (random cases, seeded)', () => {
  const rng = createRng(20261130);
  const cases = Array.from({ length: 200 }, () => {
    const n = 2 + Math.floor(rng() * 4);
    return { z: Array.from({ length: n }, () => (rng() - 0.5) * 12), target: Math.floor(rng() * n), eta: rng() * 5 + 1e-3 };
  });

  it('the gradient is p − y: it sums to 0, is negative only at the target', () => {
    for (const { z, target } of cases) {
      const g = crossEntropyGradient(z, target);
      const p = oracleSoftmax(z);
      g.forEach((gi, i) => expect(gi).toBeCloseTo(p[i] - (i === target ? 1 : 0), 9));
      expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
      expect(g[target]).toBeLessThan(0);
    }
  });
  it('the gradient matches a finite-difference slope of the loss', () => {
    for (const { z, target } of cases.slice(0, 30)) {
      const g = crossEntropyGradient(z, target);
      for (let i = 0; i < z.length; i++) {
        const h = 1e-5;
        const up = [...z]; up[i] += h;
        const down = [...z]; down[i] -= h;
        expect((crossEntropy(up, target) - crossEntropy(down, target)) / (2 * h)).toBeCloseTo(g[i], 5);
      }
    }
  });
  it('each step widens every margin z_y − z_j by η(1 − p_y + p_j)', () => {
    for (const { z, target, eta } of cases) {
      const p = oracleSoftmax(z);
      const after = gradientStep(z, target, eta);
      for (let j = 0; j < z.length; j++) {
        if (j === target) continue;
        expect(after[target] - after[j] - (z[target] - z[j])).toBeCloseTo(eta * (1 - p[target] + p[j]), 9);
      }
    }
  });
  it('the loss falls at every step for any η > 0, however large', () => {
    for (const { z, target, eta } of cases.slice(0, 50)) {
      const losses = descend(z, target, eta * 4, 20).map((point) => point.loss);
      for (let s = 1; s < losses.length; s++) {
        // Once the loss is below float precision it can only stay there.
        if (losses[s - 1] > 1e-12) expect(losses[s], `step ${s}`).toBeLessThan(losses[s - 1]);
      }
    }
  });
});

describe('the GradientStep view and schema', () => {
  it('replays the run from the start: 20 steps at η = 1 keep lowering the loss below 0.1', () => {
    const view = gradientStepView({ ...DEFAULT_SETTINGS, steps: 20 });
    expect(view.history).toHaveLength(21);
    expect(view.history[0].loss).toBeCloseTo(1.408, 3);
    expect(view.history[1].loss).toBeCloseTo(0.596, 3);
    expect(view.current!.loss).toBeLessThan(0.1);
    expect(view.argmaxAfter).toBe(PARIS);
  });
  it('η = 0 changes nothing: Rome stays on top', () => {
    const view = gradientStepView({ ...DEFAULT_SETTINGS, eta: 0, steps: 3 });
    expect(view.argmaxAfter).toBe(0);
    expect(view.current!.loss).toBeCloseTo(1.408, 3);
  });
  it('gives an empty view, not an exception, for a blank logit or a target out of range', () => {
    expect(gradientStepView({ ...DEFAULT_SETTINGS, logits: [2, Number.NaN, 0] }).argmaxAfter).toBe(-1);
    expect(gradientStepView({ ...DEFAULT_SETTINGS, target: 5 }).history).toEqual([]);
  });
  it('the schema accepts the exercise start and refuses a target outside the logits', () => {
    expect(gradientStepSchema.safeParse({ logits: [2, 1, 0], target: 1, eta: 0, steps: 0 }).success).toBe(true);
    expect(gradientStepSchema.safeParse({ logits: [2, 1], target: 2, eta: 0, steps: 0 }).success).toBe(false);
    expect(gradientStepSchema.safeParse({ logits: [2, 1, 0], target: 1, eta: -1, steps: 0 }).success).toBe(false);
  });
});
