import { describe, expect, it } from 'vitest';
import type { PositionKind } from '../../engine/config.ts';
import { courseConfig } from '../../engine/config.ts';
import { forward } from '../../engine/model.ts';
import { initParams, paramCount, paramSpecs } from '../../engine/params.ts';
import { referenceForward64 } from './reference/forward64.ts';
import type { Reference64Options } from './reference/forward64.ts';
import { randomIds, randomModel, smallConfig } from './reference/randomModel.ts';

/** max |engine − reference| / max |reference| over all logits. */
function relativeError(engine: Float32Array, reference: number[][]): number {
  const V = reference[0].length;
  let maxRef = 0;
  let maxDiff = 0;
  reference.forEach((row, t) =>
    row.forEach((value, j) => {
      maxRef = Math.max(maxRef, Math.abs(value));
      maxDiff = Math.max(maxDiff, Math.abs(engine[t * V + j] - value));
    }),
  );
  return maxDiff / maxRef;
}

const KINDS: PositionKind[] = ['none', 'learned', 'sinusoidal', 'rotary'];
const freqScale = new Float32Array([1, 0.5, 2, 0.25]); // dk = 8 -> 4 pairs, deliberately non-uniform

describe('forward matches the independent float64 reference', () => {
  for (const positions of KINDS) {
    const rotaryVariants: { label: string; opts: Reference64Options }[] =
      positions === 'rotary'
        ? [
            { label: 'default base', opts: {} },
            { label: 'base 500', opts: { ropeBase: 500 } },
            { label: 'base 50000 + freqScale', opts: { ropeBase: 50000, ropeFreqScale: freqScale } },
          ]
        : [{ label: '', opts: {} }];
    for (const { label, opts } of rotaryVariants) {
      for (const causal of [true, false]) {
        for (const T of [1, 7, 16]) {
          it(`${positions} ${label} causal=${causal} T=${T}`, () => {
            const config = smallConfig(positions);
            const model = randomModel(config, 11 + T);
            const ids = randomIds(config.vocabSize, T, 5 + T);
            const engineOpts = { causal, ropeBase: opts.ropeBase, ropeFreqScale: opts.ropeFreqScale as Float32Array | undefined };
            const { logits } = forward(model, ids, engineOpts);
            const reference = referenceForward64(config, model.params, ids, { ...opts, causal });
            expect(logits.length).toBe(T * config.vocabSize);
            expect(relativeError(logits, reference.logits)).toBeLessThan(1e-4);
          });
        }
      }
    }
  }

  it('course-size model (V=400, d=64, 4 layers, T=64, learned) agrees', () => {
    const config = courseConfig(400, 'learned');
    const model = randomModel(config, 3, 0.15);
    const ids = randomIds(400, 64, 9);
    const reference = referenceForward64(config, model.params, ids);
    expect(relativeError(forward(model, ids).logits, reference.logits)).toBeLessThan(1e-4);
    // The traced path must compute the same numbers as the fast path.
    expect(forward(model, ids, { trace: true }).logits).toEqual(forward(model, ids).logits);
  });

  it('the options really change the result (the comparisons above are not vacuous)', () => {
    const config = smallConfig('rotary');
    const model = randomModel(config, 1);
    const ids = randomIds(config.vocabSize, 16, 2);
    const base = forward(model, ids).logits;
    expect(forward(model, ids, { causal: false }).logits).not.toEqual(base);
    expect(forward(model, ids, { ropeBase: 500 }).logits).not.toEqual(base);
    expect(forward(model, ids, { ropeFreqScale: freqScale }).logits).not.toEqual(base);
  });

  it('causal: logits at position t ignore later tokens; without the mask they do not', () => {
    const config = smallConfig('learned');
    const model = randomModel(config, 4);
    const a = randomIds(config.vocabSize, 10, 1);
    const b = [...a.slice(0, 6), ...randomIds(config.vocabSize, 4, 99)];
    const V = config.vocabSize;
    const firstRows = (ids: number[], causal: boolean) => forward(model, ids, { causal }).logits.slice(0, 6 * V);
    expect(firstRows(a, true)).toEqual(firstRows(b, true));
    expect(firstRows(a, false)).not.toEqual(firstRows(b, false));
  });

  it('a scaled sinusoidal table (as tw-sin uses) matches the reference and is not the unscaled table', () => {
    const config = { ...smallConfig('sinusoidal'), sinusoidalScale: 0.1 };
    const model = randomModel(config, 9);
    const ids = randomIds(config.vocabSize, 10, 19);
    const engine = forward(model, ids).logits;
    const reference = referenceForward64(config, model.params, ids).logits;
    expect(relativeError(engine, reference)).toBeLessThan(1e-4);
    const unscaled = forward({ ...model, config: smallConfig('sinusoidal') }, ids).logits;
    expect(relativeError(unscaled, reference)).toBeGreaterThan(1e-2);
    expect(courseConfig(400, 'sinusoidal').sinusoidalScale).toBeGreaterThan(0);
    expect(courseConfig(400, 'learned').sinusoidalScale).toBeUndefined();
  });

  it('repeated fast calls return independent logits arrays', () => {
    const config = smallConfig('sinusoidal');
    const model = randomModel(config, 8);
    const first = forward(model, [1, 2, 3]).logits;
    const copy = first.slice();
    forward(model, [4, 5, 6, 7, 8]);
    expect(first).toEqual(copy);
  });
});

describe('input validation', () => {
  const model = randomModel(smallConfig('learned'), 1);
  it('rejects empty, too long and out-of-vocabulary inputs with readable errors', () => {
    expect(() => forward(model, [])).toThrow(/empty/);
    expect(() => forward(model, new Array(17).fill(0))).toThrow(/context length/);
    expect(() => forward(model, [1, 50])).toThrow(/outside 0\.\.49/);
    expect(() => forward(model, [1.5])).toThrow(/outside/);
  });
  it('rejects a model whose parameters do not match its config', () => {
    const broken = randomModel(smallConfig('learned'), 1);
    broken.params['blocks.1.mlp.w1'] = new Float32Array(3);
    expect(() => forward(broken, [1])).toThrow(/blocks\.1\.mlp\.w1/);
  });
});

describe('parameters', () => {
  it('course config with V=400 and learned positions has 229,760 parameters', () => {
    const [V, d, T, L, dFF] = [400, 64, 64, 4, 256];
    const perBlock = 2 * d + 4 * d * d + 4 * d + 2 * d + d * dFF + dFF + dFF * d + d; // ln1, attn, ln2, mlp
    const expected = V * d + T * d + L * perBlock + 2 * d;
    expect(expected).toBe(229760);
    expect(paramCount(courseConfig(400, 'learned'))).toBe(expected);
    // Without a learned table the count drops by exactly T·d.
    expect(paramCount(courseConfig(400, 'rotary'))).toBe(expected - T * d);
  });

  it('init is seeded GPT-2 style: N(0, 0.02), residual projections scaled, gains 1, biases 0', () => {
    const config = courseConfig(400, 'learned');
    const params = initParams(config, 42);
    expect(initParams(config, 42).wte).toEqual(params.wte);
    expect(initParams(config, 43).wte).not.toEqual(params.wte);
    const std = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    expect(std(params.wte)).toBeCloseTo(0.02, 3);
    expect(std(params['blocks.0.mlp.w1'])).toBeCloseTo(0.02, 3);
    const residualStd = 0.02 / Math.sqrt(2 * config.nLayers);
    expect(std(params['blocks.2.mlp.w2']) / residualStd).toBeCloseTo(1, 1);
    expect(std(params['blocks.3.attn.wo']) / residualStd).toBeCloseTo(1, 1);
    expect(params['blocks.1.ln2.gain'].every((v) => v === 1)).toBe(true);
    expect(params['blocks.1.attn.bq'].every((v) => v === 0)).toBe(true);
    expect(Object.keys(params).sort()).toEqual(paramSpecs(config).map((s) => s.name).sort());
  });
});
