// RopeLive's numbers: the text loss and offset means against hand-computed values, and on the real tw-rope model,
// the loss the widget computes from the forward verb's logits at the trained θ equals a direct engine forward,
// while other bases and a stretched pair make the model worse on the same text.
import { beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../scripts/modelDir.ts';
import { handle } from '../../engine/handlers.ts';
import { forward } from '../../engine/model.ts';
import { putModel } from '../../engine/modelStore.ts';
import { softmaxWithTemperature } from '../../engine/softmax.ts';
import { decodeState, encodeState } from '../../widgets/kit/urlState.ts';
import {
  DEFAULT_ROPE_LIVE, DEFAULT_SAMPLE_TEXT, ROPE_LIVE_MODEL, headSlice, isTrainedSetting, meanScoreByOffset, ropeLiveState, textLoss,
} from '../../widgets/positions/ropeLiveModel.ts';
import { recordingContext } from './fixtures/servedModel.ts';

describe('textLoss', () => {
  it('is the mean of −ln p(next token), with perplexity e^mean (hand-computed)', () => {
    // Row 0 is uniform over 4 tokens: p = 1/4. Row 1 gives token 0 three times the weight of each other one: p = 3/6.
    const logits = Float32Array.from([0, 0, 0, 0, Math.log(3), 0, 0, 0, 9, 9, 9, 9]);
    const loss = textLoss(logits, [3, 2, 0], 4);
    expect(loss.perToken[0]).toBeCloseTo(Math.log(4), 6);
    expect(loss.perToken[1]).toBeCloseTo(Math.log(2), 6);
    expect(loss.mean).toBeCloseTo(1.5 * Math.LN2, 6);
    expect(loss.perplexity).toBeCloseTo(2 ** 1.5, 5);
  });

  it('stays finite for huge logits and gives NaN for a single token (nothing to predict)', () => {
    expect(textLoss(Float32Array.from([1000, 0, 0, 0]), [0, 0], 2).mean).toBeCloseTo(0, 6);
    expect(textLoss(Float32Array.from([0, 0]), [1], 2).mean).toBeNaN();
  });
});

describe('meanScoreByOffset and headSlice', () => {
  // One head, T = 3: score[t][s] = 10·t + s, so offset 0 averages 0, 11, 22 and offset 1 averages 10, 21.
  const scores = Float32Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22]);
  it('averages the scores on each diagonal t − s = offset', () => {
    expect(meanScoreByOffset(scores, 3, 0)).toEqual([
      { offset: 0, score: 11, count: 3 },
      { offset: 1, score: 15.5, count: 2 },
      { offset: 2, score: 20, count: 1 },
    ]);
  });
  it('picks the requested head out of [H, T, T]', () => {
    const two = Float32Array.from([...scores, ...scores.map((x) => -x)]);
    expect(Array.from(headSlice(two, 3, 1))).toEqual(Array.from(scores, (x) => -x));
  });
});

describe('RopeLive settings', () => {
  it('round-trip through a link and refuse a wrong number of multipliers', () => {
    const s = { ...DEFAULT_ROPE_LIVE, ropeBase: 500000, freqScale: [1, 2, 1, 1, 1, 1, 1, 0.5], layer: 3, head: 1 };
    expect(decodeState(ropeLiveState, encodeState(ropeLiveState, s)).state).toEqual(s);
    expect(ropeLiveState.schema.safeParse({ ...s, freqScale: [1, 1] }).success).toBe(false);
    expect(ropeLiveState.schema.safeParse({ ...s, ropeBase: 1 }).success).toBe(false);
  });
  it('know which setting is the trained one', () => {
    expect(isTrainedSetting(DEFAULT_ROPE_LIVE)).toBe(true);
    expect(isTrainedSetting({ ropeBase: 10000, freqScale: [1, 1, 1, 1, 1, 1, 1, 1.1] })).toBe(false);
  });
});

describe('on tw-rope', () => {
  let direct: number;
  let ids: number[];
  const V = 400;
  const lossVia = async (extra: Record<string, unknown>) => {
    const r = await handle('forward', { model: ROPE_LIVE_MODEL, text: DEFAULT_SAMPLE_TEXT, ...extra }, recordingContext().ctx);
    return textLoss(r.logits, r.ids, V).mean;
  };

  beforeAll(async () => {
    const { model, tokenizer, manifest } = await readModelDir('public/models/tw-rope');
    putModel({ name: ROPE_LIVE_MODEL, model, tokenizer, manifest });
    ids = tokenizer.encode(DEFAULT_SAMPLE_TEXT).ids;
    // Independent oracle: a direct engine forward, each next token's probability from the engine's own softmax.
    const { logits } = forward(model, ids);
    let sum = 0;
    for (let t = 0; t + 1 < ids.length; t++) {
      const row = Array.from(logits.subarray(t * V, (t + 1) * V));
      sum -= Math.log(softmaxWithTemperature(row, 1).probs[ids[t + 1]]);
    }
    direct = sum / (ids.length - 1);
  });

  it('the sample text is in the vocabulary and fills a good part of the context', () => {
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.length).toBeLessThanOrEqual(64);
  });

  it('at the trained θ the forward verb gives the direct forward loss, explicitly or by default', async () => {
    expect(await lossVia({})).toBeCloseTo(direct, 5);
    expect(await lossVia({ ropeBase: 10000, ropeFreqScale: Array(8).fill(1) })).toBeCloseTo(direct, 5);
    // A trained model on its own kind of text: well under ln V ≈ 5.99 nats.
    expect(direct).toBeLessThan(2);
  });

  it('a different θ or a stretched pair gives a higher loss', async () => {
    for (const ropeBase of [100, 1_000_000]) expect(await lossVia({ ropeBase })).toBeGreaterThan(direct + 0.1);
    const fastPair0 = [3, 1, 1, 1, 1, 1, 1, 1];
    expect(await lossVia({ ropeFreqScale: fastPair0 })).toBeGreaterThan(direct + 0.1);
  });

  it('backs the lesson: block 0 head 2 peaks one token back; pair 0 is far more sensitive than pair 7; a huge base hurts', async () => {
    const r = await handle('forward', { model: ROPE_LIVE_MODEL, text: DEFAULT_SAMPLE_TEXT, trace: true }, recordingContext().ctx);
    const offsets = meanScoreByOffset(r.trace!.layers[0].scaledScores, r.ids.length, 2);
    const best = offsets.reduce((a, b) => (b.score > a.score ? b : a));
    expect(best.offset).toBe(1);
    const scaled = (pair: number) => Array.from({ length: 8 }, (_, i) => (i === pair ? 3 : 1));
    const cost0 = (await lossVia({ ropeFreqScale: scaled(0) })) - direct;
    const cost7 = (await lossVia({ ropeFreqScale: scaled(7) })) - direct;
    expect(cost0).toBeGreaterThan(10 * Math.abs(cost7));
    // At θ = 100 the loss rises, yet this head keeps its one-back peak (pair 0 turns at speed 1 at any base).
    const low = await handle('forward', { model: ROPE_LIVE_MODEL, text: DEFAULT_SAMPLE_TEXT, trace: true, ropeBase: 100 }, recordingContext().ctx);
    const lowOffsets = meanScoreByOffset(low.trace!.layers[0].scaledScores, low.ids.length, 2);
    expect(lowOffsets.reduce((a, b) => (b.score > a.score ? b : a)).offset).toBe(1);
    // Near 10,000 almost free; at a million clearly worse, but gentler than at 100.
    expect(Math.abs((await lossVia({ ropeBase: 3000 })) - direct)).toBeLessThan(0.05);
    expect(await lossVia({ ropeBase: 1_000_000 })).toBeLessThan(await lossVia({ ropeBase: 100 }));
  });

  it('the trace gives each head a full attention map whose rows sum to 1', async () => {
    const r = await handle('forward', { model: ROPE_LIVE_MODEL, text: DEFAULT_SAMPLE_TEXT, trace: true }, recordingContext().ctx);
    const T = r.ids.length;
    const map = headSlice(r.trace!.layers[0].weights, T, DEFAULT_ROPE_LIVE.head);
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let s = 0; s < T; s++) sum += map[t * T + s];
      expect(sum).toBeCloseTo(1, 5);
      expect(map[t * T + T - 1] === 0 || t === T - 1).toBe(true);
    }
  });
});
