// ParameterCounter against independent numbers: the course model's manifest and the curriculum's GPT-2 small
// accounting (worked out by hand from the published hyperparameters).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_PARAMETER_COUNTER, PRESETS, applyPreset, configFrom, parameterCounterState, parameterCounterView,
} from '../../widgets/block/parameterCounterModel.ts';

const manifest = JSON.parse(readFileSync(new URL('../../public/models/tw-learned/manifest.json', import.meta.url), 'utf8'));
const gpt2 = applyPreset(DEFAULT_PARAMETER_COUNTER, 'gpt2-small');

describe('GPT-2 small (curriculum worked example)', () => {
  const view = parameterCounterView(gpt2);
  test('total 124,439,808, about 498 MB in fp32', () => {
    expect(view.total).toBe(124_439_808);
    expect(Math.round(view.bytesFp32 / 1e6)).toBe(498);
  });
  test('token table 38,597,376 and position table 786,432', () => {
    expect(view.rows.find((r) => r.name === 'wte')!.count).toBe(38_597_376);
    expect(view.rows.find((r) => r.name === 'wpe')!.count).toBe(786_432);
  });
  test('per block 7,087,872: attention 2,362,368, FFN 4,722,432, LN 3,072', () => {
    expect(view.attentionPerBlock).toBe(2_362_368);
    expect(view.ffnPerBlock).toBe(4_722_432);
    expect(view.layerNormPerBlock).toBe(3_072);
    expect(view.perBlock).toBe(7_087_872);
  });
  test('final LN 1,536', () => {
    expect(view.rows.find((r) => r.name === 'lnf.gain/bias')!.count).toBe(1_536);
  });
  test('the FFNs and the token table hold most of the parameters', () => {
    expect(view.ffnShare + view.embeddingShare).toBeGreaterThan(0.7);
  });
  test('untying the output adds one V × d matrix; dropping the position table removes T_max × d', () => {
    expect(parameterCounterView({ ...gpt2, tied: false }).total).toBe(124_439_808 + 50_257 * 768);
    expect(parameterCounterView({ ...gpt2, learnedPos: false }).total).toBe(124_439_808 - 1024 * 768);
  });
});

describe('the course model', () => {
  test('the preset counts exactly the manifest\'s parameterCount, with the manifest\'s vocabulary', () => {
    const course = applyPreset(DEFAULT_PARAMETER_COUNTER, 'course');
    expect(course.vocab).toBe(manifest.config.vocabSize);
    expect(parameterCounterView(course).total).toBe(manifest.parameterCount);
  });
  test('curriculum: 49,984 per block; 229,760 in total for V = 400, 225,664 without a position table', () => {
    const course = { ...applyPreset(DEFAULT_PARAMETER_COUNTER, 'course'), vocab: 400 };
    expect(parameterCounterView(course).perBlock).toBe(49_984);
    expect(parameterCounterView(course).total).toBe(229_760);
    expect(parameterCounterView({ ...course, learnedPos: false }).total).toBe(225_664);
  });
  test('the closed formula V·d + T·d + n(4d² + 2d·d_ff) + biases and gains agrees', () => {
    const { vocab: V, context: T, dModel: d, layers: n, dFF: f } = PRESETS.course.values as unknown as Record<string, number>;
    const biasesAndGains = n * (4 * d + f + d + 4 * d) + 2 * d;
    expect(parameterCounterView(applyPreset(DEFAULT_PARAMETER_COUNTER, 'course')).total).toBe(V * d + T * d + n * (4 * d * d + 2 * d * f) + biasesAndGains);
  });
});

describe('input the learner types', () => {
  test('a blank box names what is missing instead of counting', () => {
    const view = parameterCounterView(applyPreset(DEFAULT_PARAMETER_COUNTER, 'blank'));
    expect(view.problem).toMatch(/Fill in V/);
    expect(Number.isNaN(view.total)).toBe(true);
  });
  test('a width that does not split into the heads is explained', () => {
    expect(configFrom({ ...gpt2, heads: 7 })).toMatch(/split evenly into 7 heads/);
  });
  test('the heads do not change the count (they split d_model, they add no weights)', () => {
    expect(parameterCounterView({ ...gpt2, heads: 1 }).total).toBe(124_439_808);
  });
  test('the URL schema accepts the defaults and a blank start, and refuses fractions and zero', () => {
    const { schema } = parameterCounterState;
    expect(schema.safeParse(DEFAULT_PARAMETER_COUNTER).success).toBe(true);
    expect(schema.safeParse(applyPreset(DEFAULT_PARAMETER_COUNTER, 'blank')).success).toBe(true);
    expect(schema.safeParse({ ...gpt2, dModel: 7.5 }).success).toBe(false);
    expect(schema.safeParse({ ...gpt2, layers: 0 }).success).toBe(false);
  });
});
