// Widget state in the URL: every widget's schema round-trips, and nothing a URL can hold makes decoding throw.
import { describe, expect, test } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { decodeState, encodeState, sameState, shareUrl, withParam, type WidgetStateSpec } from '../../widgets/kit/urlState.ts';
import { widgetStates, type WidgetName } from '../../site/lib/widgetStates.ts';
import type { SoftmaxLabSettings } from '../../widgets/softmax/softmaxLabModel.ts';
import { D_MODEL_CHOICES, type SinusoidWheelsSettings } from '../../widgets/positions/sinusoidWheelsModel.ts';
import { DK_CHOICES, type RopeRotatorSettings } from '../../widgets/positions/ropeRotatorModel.ts';
import type { BpeStepperSettings } from '../../widgets/tokens/bpeStepperModel.ts';
import type { PlaygroundSettings, TokenizerChoice } from '../../widgets/tokens/playgroundModel.ts';
import type { NextTokenSettings } from '../../widgets/nextToken/nextTokenModel.ts';
import { GROUP_IDS, type EmbeddingMapSettings } from '../../widgets/embeddings/embeddingMapModel.ts';
import type { EmbeddingPlaneSettings, Vec2 as PlaneVec2 } from '../../widgets/embeddings/embeddingPlaneModel.ts';
import type { NgramSettings } from '../../widgets/ngram/ngramModel.ts';
import type { PlaygroundSettings as VectorPlaygroundSettings } from '../../widgets/similarity/playgroundModel.ts';
import { DIMENSIONS, type DimensionSpreadSettings } from '../../widgets/similarity/dimensionSpreadModel.ts';
import { MAX_QUESTIONS, WEIGHT_MAX, type QuestionnaireSettings } from '../../widgets/similarity/questionnaireModel.ts';
import type { HeadViewerSettings } from '../../widgets/attention/model/headViewerModel.ts';
import { WORDS, type WordGravitySettings } from '../../widgets/attention/toy/wordGravityModel.ts';
import { PAIRS, PAIR_IDS, type WhoPullsWhomSettings } from '../../widgets/attention/toy/whoPullsWhomModel.ts';
import { PRESETS as CALCULATOR_PRESETS, PRESET_IDS as CALCULATOR_PRESET_IDS, type AttentionCalculatorSettings } from '../../widgets/attention/toy/attentionCalculatorModel.ts';
import type { MaskPainterSettings } from '../../widgets/masking/maskPainterModel.ts';
import type { TrainVsGenerateSettings } from '../../widgets/masking/trainVsGenerateModel.ts';
import type { SamplingSettings } from '../../widgets/sampling/samplingModel.ts';
import { TOKEN_NAMES as GRADIENT_TOKENS, type GradientStepSettings } from '../../widgets/finetune/math/gradientStepModel.ts';
import { ETA_MAX as DESCENT_ETA_MAX, MAX_STEPS as DESCENT_MAX_STEPS, type DescentSettings } from '../../widgets/finetune/math/descentModel.ts';
import { BETA_MAX, BETA_MIN, PAIRS as PREFERENCE_PAIRS, type PreferenceSettings } from '../../widgets/finetune/math/preferenceModel.ts';
import type { FineTuneBenchSettings } from '../../widgets/finetune/lab/fineTuneBenchModel.ts';
import type { WeightDiffSettings } from '../../widgets/finetune/lab/weightDiffModel.ts';
import { PRESET_IDS as FINE_TUNE_PRESETS } from '../../engine/finetune/presets.ts';
import { STEP_IDS } from '../../widgets/block/blockSteps.ts';
import type { ParameterCounterSettings, PresetId as CounterPresetId } from '../../widgets/block/parameterCounterModel.ts';
import type { BlockInspectorSettings } from '../../widgets/block/blockInspectorModel.ts';
import type { LogitLensSettings } from '../../widgets/block/logitLensModel.ts';
import type { GenerationLoopSettings } from '../../widgets/block/generationLoopModel.ts';

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
/** Random text of whole code points (no lone surrogates: UTF-8 cannot carry them) from a mixed-script alphabet. */
const randomText = (rng: Rng, max: number): string => {
  const alphabet = [...'hug bs:3\n\t"\'.,AZ09éßこんにちはשלום😀👋🏽\u200b<|>'];
  let text = '';
  for (let n = Math.floor(rng() * max); n > 0; n--) {
    const ch = pick(rng, alphabet);
    if (text.length + ch.length > max) break;
    text += ch;
  }
  return text;
};

/** A random valid state per widget; a new widget in `widgetStates` must add its generator here. */
const randomState: Record<WidgetName, (rng: Rng) => unknown> = {
  TrainVsGenerate: (rng): TrainVsGenerateSettings => ({
    model: pick(rng, ['tw-learned', 'tw-nomask']), causal: rng() < 0.5, mode: pick(rng, ['train', 'generate', 'append'] as const),
    text: randomText(rng, 200), appended: randomText(rng, 40), generated: Array.from({ length: Math.floor(rng() * 6) }, () => randomText(rng, 12)),
  }),
  MaskPainter: (rng): MaskPainterSettings => ({
    T: 2 + Math.floor(rng() * 5), scores: pick(rng, ['example-c', `seed:${Math.floor(rng() * 1e9)}`] as const),
    masked: Array.from({ length: Math.floor(rng() * 12) }, () => [Math.floor(rng() * 6), Math.floor(rng() * 6)] as [number, number]),
    fill: pick(rng, ['-inf', '-1e10', '0', 'after'] as const),
  }),
  SoftmaxLab: (rng): SoftmaxLabSettings => {
    const n = 2 + Math.floor(rng() * 5);
    return {
      // `|| 0` turns −0 into 0: JSON has no −0, and the two give the same probabilities.
      scores: Array.from({ length: n }, () => pick(rng, [Math.round(between(rng, -20, 20) * 2) / 2, between(rng, -1000, 1000), 0, -0.5]) || 0),
      tau: pick(rng, [0, 1, between(rng, 0.05, 5), 100]),
      mode: pick(rng, ['softmax', 'divide'] as const),
      topK: Math.floor(rng() * 7),
      topP: pick(rng, [1, between(rng, 0.01, 1), 0.9]),
    };
  },
  SinusoidWheels: (rng): SinusoidWheelsSettings => ({
    mode: pick(rng, ['single', 'multi'] as const),
    stepDeg: 1 + Math.floor(rng() * 180),
    dModel: pick(rng, D_MODEL_CHOICES),
    base: pick(rng, [10000, 500000, Math.round(between(rng, 2, 1e7))]),
    position: Math.floor(rng() * 501),
  }),
  BpeStepper: (rng): BpeStepperSettings => ({
    corpus: pick(rng, ['hug hugs bug bugs', 'low:5 lower:2 newest:6', '', randomText(rng, 300)]),
    step: Math.floor(rng() * 41),
    tieBreak: pick(rng, ['first-seen', 'smallest-ids'] as const),
    word: randomText(rng, 40),
  }),
  TokenizerPlayground: (rng): PlaygroundSettings => {
    const choices: TokenizerChoice[] = ['tinyworld', 'bpe', 'r50k', 'o200k'];
    return {
      text: pick(rng, [' strawberry', 'こんにちは', '', randomText(rng, 200)]),
      textRight: pick(rng, [null, '"strawberry', randomText(rng, 100)]),
      left: pick(rng, choices), right: pick(rng, choices), compare: rng() < 0.5,
    };
  },
  RopeRotator: (rng): RopeRotatorSettings => {
    const dk = pick(rng, DK_CHOICES);
    // `|| 0`: JSON has no −0 (a component rounded to −0 would come back as 0).
    const component = () => Math.round(between(rng, -2, 2) * 10) / 10 || 0;
    return {
      q: [component(), component()], k: [component(), component()],
      omegaMode: pick(rng, ['degrees', 'base'] as const), omegaDeg: Math.floor(rng() * 181),
      dk, pair: Math.floor(rng() * (dk / 2)), t: Math.floor(rng() * 128), s: Math.floor(rng() * 128),
      ropeBase: pick(rng, [10000, 500000, between(rng, 2, 1e7)]),
      freqScale: Array.from({ length: 8 }, () => pick(rng, [1, 0.1, 10, between(rng, 0.1, 10)])),
    };
  },
  NextTokenStepper: (rng): NextTokenSettings => ({
    model: pick(rng, ['tw-learned', 'tw-rope', 'my.model-2']), prompt: randomText(rng, 120), mode: pick(rng, ['greedy', 'sample'] as const),
    seed: Math.floor(rng() * 2 ** 31), generated: Array.from({ length: Math.floor(rng() * 8) }, () => randomText(rng, 12)),
  }),
  NgramVsModel: (rng): NgramSettings => ({ model: 'tw-learned', k: 1 + Math.floor(rng() * 5), text: randomText(rng, 120) }),
  VectorPlayground: (rng): VectorPlaygroundSettings => {
    // `|| 0`: JSON has no −0.
    const coordinate = () => pick(rng, [Math.round(between(rng, -60, 60) * 10) / 10, between(rng, -60, 60), 0, 60, -60]) || 0;
    return { a: [coordinate(), coordinate()], b: [coordinate(), coordinate()], c: [coordinate(), coordinate()], normalise: rng() < 0.5 };
  },
  DimensionSpread: (rng): DimensionSpreadSettings => ({ d: pick(rng, DIMENSIONS), scaled: rng() < 0.5 }),
  QuestionnaireDot: (rng): QuestionnaireSettings => {
    const n = 1 + Math.floor(rng() * MAX_QUESTIONS);
    const answers = () => Array.from({ length: n }, () => pick(rng, [1, -1] as const));
    const weight = () => pick(rng, [0, 1, WEIGHT_MAX, Math.round(between(rng, 0, WEIGHT_MAX) * 10) / 10, between(rng, 0, WEIGHT_MAX)]);
    return { a: answers(), b: answers(), w: Array.from({ length: n }, weight), split: rng() < 0.5, wantsA: answers(), wantsB: answers() };
  },
  HeadViewer: (rng): HeadViewerSettings => ({
    model: pick(rng, ['tw-learned', 'tw-rope'] as const), text: pick(rng, ['the bear ate the honey', '', randomText(rng, 400)]),
    layer: Math.floor(rng() * 16), head: Math.floor(rng() * 16), query: -1 + Math.floor(rng() * 65), heatmap: pick(rng, ['head', 'average'] as const),
  }),
  WordGravity: (rng): WordGravitySettings => {
    // 2–5 distinct vocabulary words in a random order; `|| 0`: JSON has no −0.
    const words = [...WORDS].sort(() => rng() - 0.5).slice(0, 2 + Math.floor(rng() * 4));
    const coordinate = () => pick(rng, [Math.round(between(rng, -4, 4) * 100) / 100, between(rng, -4, 4), 0, 4, -4]) || 0;
    return {
      tokens: Object.fromEntries(words.map((w) => [w, [coordinate(), coordinate()]])),
      weights: pick(rng, ['similarity', 'uniform'] as const), scale: rng() < 0.5, W: 'identity', steps: Math.floor(rng() * 7),
    };
  },
  WhoPullsWhom: (rng): WhoPullsWhomSettings => {
    const pair = pick(rng, PAIR_IDS);
    const entry = () => pick(rng, [Math.round(between(rng, -20, 20) * 10) / 10, between(rng, -20, 20), 0, 1]) || 0;
    const dk = 1 + Math.floor(rng() * 2);
    const projection = () => [Array.from({ length: dk }, entry), Array.from({ length: dk }, entry)];
    return { pair, X: PAIRS[pair].X.map(() => [entry(), entry()] as [number, number]), WQ: projection(), WK: projection() };
  },
  AttentionCalculator: (rng): AttentionCalculatorSettings => {
    const preset = pick(rng, CALCULATOR_PRESET_IDS);
    const like = (m: number[][]) => m.map((row) => row.map(() => pick(rng, [Math.round(between(rng, -100, 100) * 10) / 10, between(rng, -100, 100), 0, 1]) || 0));
    const p = CALCULATOR_PRESETS[preset].settings;
    return { preset, X: like(p.X), WQ: like(p.WQ), WK: like(p.WK), WV: like(p.WV), scale: rng() < 0.5, mask: rng() < 0.5 };
  },
  FineTuneBench: (rng): FineTuneBenchSettings => ({
    model: 'tw-learned', preset: pick(rng, [...FINE_TUNE_PRESETS]), text: pick(rng, ['', 'the capital of velmora is quorvia .', randomText(rng, 600)]),
    replay: rng() < 0.5, lr: pick(rng, [0.1, 0.003, between(rng, 1e-6, 0.1)]), steps: 1 + Math.floor(rng() * 400), seed: Math.floor(rng() * 2 ** 31),
    trainBlocks: [0, 1, 2, 3].filter(() => rng() < 0.5), trainEmbeddings: rng() < 0.5, stopStep: Math.floor(rng() * 401),
  }),
  WeightDiff: (): WeightDiffSettings => ({ model: 'tw-learned', run: 'last' }),
  GradientStep: (rng): GradientStepSettings => {
    const n = 2 + Math.floor(rng() * (GRADIENT_TOKENS.length - 1));
    // `|| 0`: JSON has no −0.
    const logits = Array.from({ length: n }, () => pick(rng, [Math.round(between(rng, -50, 50) * 2) / 2, between(rng, -50, 50), 50, -50]) || 0);
    return { logits, target: Math.floor(rng() * n), eta: pick(rng, [0, 10, between(rng, 0, 10)]), steps: Math.floor(rng() * 201) };
  },
  Descent: (rng): DescentSettings => ({ eta: pick(rng, [0, DESCENT_ETA_MAX, between(rng, 0, DESCENT_ETA_MAX)]), steps: Math.floor(rng() * (DESCENT_MAX_STEPS + 1)) }),
  PreferenceToy: (rng): PreferenceSettings => ({
    choices: PREFERENCE_PAIRS.map(() => (rng() < 0.5 ? 0 : 1)), beta: pick(rng, [BETA_MIN, BETA_MAX, between(rng, BETA_MIN, BETA_MAX)]), flatteryFeature: rng() < 0.5,
  }),
  ParameterCounter: (rng): ParameterCounterSettings => {
    const size = () => pick(rng, [null, 1, 64, 768, 50257, 1_000_000, 1 + Math.floor(rng() * 5000)]);
    return {
      preset: pick(rng, ['blank', 'custom', 'course', 'gpt2-small', 'gpt2-medium'] as CounterPresetId[]),
      vocab: size(), context: size(), dModel: size(), layers: size(), heads: size(), dFF: size(), tied: rng() < 0.5, learnedPos: rng() < 0.5,
    };
  },
  BlockInspector: (rng): BlockInspectorSettings => ({
    model: pick(rng, ['tw-learned', 'tw-rope']), text: randomText(rng, 120), layer: Math.floor(rng() * 64),
    step: pick(rng, STEP_IDS), head: Math.floor(rng() * 64), colStart: Math.floor(rng() * 100_001),
  }),
  LogitLens: (rng): LogitLensSettings => ({ model: pick(rng, ['tw-learned', 'tw-rope']), text: randomText(rng, 120), halfSteps: rng() < 0.5 }),
  GenerationLoop: (rng): GenerationLoopSettings => ({
    model: 'tw-learned', prompt: randomText(rng, 120), seed: Math.floor(rng() * 2 ** 31), n: 1 + Math.floor(rng() * 40), kvCache: rng() < 0.5,
  }),
  EmbeddingMap: (rng): EmbeddingMapSettings => ({
    model: pick(rng, ['tw-learned', 'tw-rope']), word: randomText(rng, 64), k: 1 + Math.floor(rng() * 20),
    group: pick(rng, ['all', ...GROUP_IDS] as const), a: randomText(rng, 64), b: randomText(rng, 64), c: randomText(rng, 64),
  }),
  EmbeddingPlane: (rng): EmbeddingPlaneSettings => {
    const point = (): PlaneVec2 => [pick(rng, [0, 10, Math.round(between(rng, 0, 10) * 10) / 10, between(rng, 0, 10)]), Math.round(between(rng, 0, 10) * 10) / 10];
    const names = ['apple', 'cherry', 'king', 'queen', 'man', 'android', 'laptop', 'bike'];
    const plane = () => Object.fromEntries(names.filter(() => rng() < 0.5).map((w) => [w, point()]));
    const word = () => pick(rng, ['', ...names]);
    return { mode: pick(rng, ['place', 'sort', 'arithmetic'] as const), fixed: plane(), pos: plane(), sort: plane(), words: plane(), expr: [word(), word(), word()] };
  },
  SamplingPanel: (rng): SamplingSettings => ({
    prompt: pick(rng, ['the king and the', '', randomText(rng, 300)]), mode: pick(rng, ['greedy', 'sample'] as const),
    tau: pick(rng, [0.05, 1, 5, between(rng, 0.05, 5)]), topK: pick(rng, [0, 1, Math.floor(rng() * 1001)]),
    topP: pick(rng, [1, 0.9, between(rng, 0.01, 1)]), seed: Math.floor(rng() * 2 ** 31),
    n: 1 + Math.floor(rng() * 100), steps: 1 + Math.floor(rng() * 200),
  }),
};

/** Strings a link could carry by accident or malice: noise, truncations, wrong versions, hostile JSON. */
function malformedValue(rng: Rng, spec: WidgetStateSpec<unknown>, valid: string): string {
  const alphabet = 'abcXYZ019-_.=+/%{}[]":,~ \u00e9\u2212\ud83d\ude00';
  const noise = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const kinds = [
    () => noise(Math.floor(rng() * 60)),
    () => valid.slice(0, Math.floor(rng() * valid.length)),
    () => valid.slice(0, 2) + noise(10) + valid.slice(12),
    () => `${spec.version}.${noise(30)}`,
    () => `${spec.version}.${b64(noise(40))}`,
    () => `${spec.version}.${b64(pick(rng, ['null', '[]', '42', '"x"', 'true', '{}', '{"__proto__":{"polluted":1}}', '{"scores":"4,3,1"}', '{"scores":[4,3,1],"tau":-1,"mode":"softmax","topK":0,"topP":1}', '{"scores":[4],"tau":1,"mode":"softmax","topK":0,"topP":1}', '{"scores":[4,3],"tau":1,"mode":"hardmax","topK":0,"topP":1}', '{"scores":[4,3],"tau":1e999,"mode":"softmax","topK":0,"topP":1}', '{"scores":[4,3],"tau":1,"mode":"softmax","topK":1.5,"topP":1}', '{"scores":[4,3],"tau":1,"mode":"softmax","topK":0,"topP":0}', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]']))}`,
    () => `${spec.version + 1 + Math.floor(rng() * 5)}.${valid.split('.')[1]}`,
    () => `${pick(rng, ['0', '-1', 'v1', '1e0', ' 1', '１'])}.${valid.split('.')[1]}`,
    () => `${spec.version}.${'A'.repeat(5000)}`,
    () => encodeURIComponent(valid) + noise(3),
  ];
  return pick(rng, kinds)();
}

for (const [name, spec] of Object.entries(widgetStates) as [WidgetName, WidgetStateSpec<unknown>][]) {
  describe(`${name} URL state`, () => {
    test('has a random-state generator in this file (add one to `randomState` when registering a widget)', () => {
      expect(typeof randomState[name], `no randomState.${name} in tests/unit/urlState.test.ts`).toBe('function');
    });
    if (typeof randomState[name] !== 'function') return;

    test('the defaults satisfy the schema', () => {
      expect(spec.schema.safeParse(spec.defaults).success).toBe(true);
    });

    test('200 random valid states survive encode → decode unchanged, with no notice', () => {
      const rng = createRng(7);
      for (let i = 0; i < 200; i++) {
        const state = randomState[name](rng);
        expect(spec.schema.safeParse(state).success).toBe(true);
        const encoded = encodeState(spec, state);
        expect(encoded).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
        const decoded = decodeState(spec, new URLSearchParams(`w=${encodeURIComponent(encoded)}`).get('w'));
        expect(decoded.notice).toBeNull();
        expect(decoded.state).toEqual(state);
      }
    });

    test('1,000 random and malformed values decode to the defaults with a notice, and never throw', () => {
      const rng = createRng(2024);
      const valid = encodeState(spec, randomState[name](rng));
      let outdated = 0;
      for (let i = 0; i < 1000; i++) {
        const raw = malformedValue(rng, spec, valid);
        let decoded: ReturnType<typeof decodeState> | undefined;
        expect(() => (decoded = decodeState(spec, raw))).not.toThrow();
        // A truncation can occasionally still be a valid state; anything else must come back as the defaults.
        if (decoded!.notice === null) {
          expect(spec.schema.safeParse(decoded!.state).success).toBe(true);
          continue;
        }
        expect(decoded!.state).toBe(spec.defaults);
        if (decoded!.notice === 'outdated') outdated++;
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(outdated).toBeGreaterThan(0);
    });
  });
}

describe('decodeState', () => {
  const spec = widgetStates.SoftmaxLab;

  test('no value means the defaults, silently', () => {
    expect(decodeState(spec, null)).toEqual({ state: spec.defaults, notice: null });
    expect(decodeState(spec, '')).toEqual({ state: spec.defaults, notice: null });
  });

  test('a link from another version falls back with the "outdated" notice', () => {
    const body = encodeState(spec, { ...spec.defaults, tau: 2 }).split('.')[1];
    expect(decodeState(spec, `0.${body}`).notice).toBe('outdated');
    expect(decodeState(spec, `2.${body}`).notice).toBe('outdated');
  });

  test('valid JSON that breaks the schema is "malformed"', () => {
    const bad = `1.${Buffer.from(JSON.stringify({ ...spec.defaults, topP: 1.5 })).toString('base64url')}`;
    expect(decodeState(spec, bad)).toEqual({ state: spec.defaults, notice: 'malformed' });
  });

  test('non-ASCII text in a state round-trips (UTF-8 inside base64url)', () => {
    const textSpec = { version: 3, schema: spec.schema, defaults: spec.defaults } as WidgetStateSpec<unknown>;
    const encoded = encodeState(textSpec, { note: 'τ → 0 😀' });
    expect(encoded.startsWith('3.')).toBe(true);
    expect(JSON.parse(Buffer.from(encoded.slice(2), 'base64url').toString('utf8'))).toEqual({ note: 'τ → 0 😀' });
  });

  test('sameState compares by content', () => {
    expect(sameState(spec, { ...spec.defaults }, { ...spec.defaults, scores: [4, 3, 1] })).toBe(true);
    expect(sameState(spec, spec.defaults, { ...spec.defaults, tau: 0.5 })).toBe(false);
  });
});

describe('links', () => {
  test('shareUrl keeps only the shared widget parameter and points at the anchor', () => {
    const url = shareUrl('https://course.test/chapters/softmax/?other=1.abc&utm=x#top', 'ex-tame-the-poet', { 'ex-tame-the-poet-widget': '1.eyJ9', skipped: null });
    expect(url).toBe('https://course.test/chapters/softmax/?ex-tame-the-poet-widget=1.eyJ9#ex-tame-the-poet');
  });

  test('withParam sets and removes one parameter, keeping the rest and the hash', () => {
    const set = withParam('https://course.test/p/?a=1#sec', 'w', '1.x');
    expect(set).toBe('https://course.test/p/?a=1&w=1.x#sec');
    expect(withParam(set, 'w', null)).toBe('https://course.test/p/?a=1#sec');
  });
});
