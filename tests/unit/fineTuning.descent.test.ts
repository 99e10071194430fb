// Chapter 10, Descent: gradient descent on the tilted valley. The regimes are checked by watching the loss along
// real walks (not by re-deriving the classifier), and the gradient against finite differences.
import { describe, expect, it } from 'vitest';
import { START, VALLEY, descentPath, gradientAt, lossAt, regimeOf, stableLimit, type Point2 } from '../../widgets/finetune/math/descentMath.ts';
import { PRESETS, descentSchema, descentView } from '../../widgets/finetune/math/descentModel.ts';

const losses = (eta: number, steps: number) => descentPath(VALLEY, START, eta, steps).map((p) => p.loss);

describe('the valley', () => {
  it('is lowest (0.2) at its minimum and higher everywhere else', () => {
    expect(lossAt(VALLEY, [0, 0])).toBeCloseTo(0.2, 12);
    for (const w of [[1, 0], [0, 1], [-2, 3], [0.01, -0.01]] as Point2[]) expect(lossAt(VALLEY, w)).toBeGreaterThan(0.2);
  });
  it('has curvature 1 along its 30° direction and 4 across it', () => {
    const along: Point2 = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const across: Point2 = [-Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)];
    // L = 0.2 + ½ λ t² along a unit direction: t = 2 gives 0.2 + 2λ.
    expect(lossAt(VALLEY, [2 * along[0], 2 * along[1]])).toBeCloseTo(2.2, 10);
    expect(lossAt(VALLEY, [2 * across[0], 2 * across[1]])).toBeCloseTo(8.2, 10);
  });
  it('has a gradient that matches finite differences', () => {
    for (const w of [START, [1.3, -0.7], [0, 2]] as Point2[]) {
      const g = gradientAt(VALLEY, w);
      const h = 1e-6;
      expect((lossAt(VALLEY, [w[0] + h, w[1]]) - lossAt(VALLEY, [w[0] - h, w[1]])) / (2 * h)).toBeCloseTo(g[0], 5);
      expect((lossAt(VALLEY, [w[0], w[1] + h]) - lossAt(VALLEY, [w[0], w[1] - h])) / (2 * h)).toBeCloseTo(g[1], 5);
    }
  });
  it('diverges above η = 2 / 4 = 0.5', () => expect(stableLimit(VALLEY)).toBe(0.5));
});

describe('the three preset learning rates behave as the lesson says', () => {
  const [small, good, large] = PRESETS.map((p) => p.eta);
  it('too small (0.01): the loss falls at every step but has not come even three quarters of the way down after 20 steps', () => {
    const l = losses(small, 20);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
    expect(l[20] - 0.2).toBeGreaterThan(0.25 * (l[0] - 0.2));
    expect(regimeOf(VALLEY, small)).toBe('too-small');
  });
  it('good (0.35): within 0.01 of the floor after 20 steps', () => {
    expect(losses(good, 20)[20]).toBeLessThan(0.21);
    expect(regimeOf(VALLEY, good)).toBe('good');
  });
  it('too large (0.55): the loss grows without bound', () => {
    const l = losses(large, 40);
    expect(l[40]).toBeGreaterThan(100 * l[0]);
    expect(regimeOf(VALLEY, large)).toBe('diverges');
  });
  it('η = 0.5 bounces forever: after the gentle direction settles, the loss stays at one level above 1', () => {
    const l = losses(0.5, 81);
    expect(l[80]).toBeGreaterThan(1.2);
    expect(Math.abs(l[81] - l[40])).toBeLessThan(1e-9);
    expect(regimeOf(VALLEY, 0.5)).toBe('edge');
  });
  it('every η below 0.5 eventually reaches the floor; every η above it does not', () => {
    for (const eta of [0.1, 0.25, 0.45, 0.49]) expect(losses(eta, 2000)[2000]).toBeLessThan(0.2001);
    for (const eta of [0.51, 0.6]) expect(losses(eta, 200)[200]).toBeGreaterThan(1e6);
  });
});

describe('the Descent view and schema', () => {
  it('replays the walk: steps + 1 points, settling reported for the good rate only', () => {
    const good = descentView({ eta: 0.35, steps: 40 });
    expect(good.path).toHaveLength(41);
    expect(good.settledAt).not.toBeNull();
    expect(descentView({ eta: 0.01, steps: 40 }).settledAt).toBeNull();
  });
  it('never throws on junk and the schema refuses out-of-range values', () => {
    expect(descentView({ eta: Number.NaN, steps: Number.NaN }).path).toHaveLength(1);
    expect(descentSchema.safeParse({ eta: 0.7, steps: 0 }).success).toBe(false);
    expect(descentSchema.safeParse({ eta: 0.3, steps: 101 }).success).toBe(false);
    expect(descentSchema.safeParse({ eta: 0.3, steps: 10 }).success).toBe(true);
  });
});
