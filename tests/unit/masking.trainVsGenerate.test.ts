// TrainVsGenerate's model switch as plain data: the URL schema (old links, unknown models), the mask each model
// opens with, and the table that keeps each model's mean loss for comparison.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeState, encodeState } from '../../widgets/kit/urlState.ts';
import {
  DEFAULT_TRAIN_VS_GENERATE, formatLoss, manifestCausal, meanLossRows, recordMeanLoss, startSettings, trainVsGenerateState, trainedCausal,
} from '../../widgets/masking/trainVsGenerateModel.ts';

/** A URL value as version 1 wrote it, built by hand (not by encodeState) so the test does not trust the encoder. */
function linkValue(state: object): string {
  return `1.${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
}

const manifest = (name: string) => JSON.parse(readFileSync(new URL(`../../public/models/${name}/manifest.json`, import.meta.url), 'utf8'));

describe('URL state with a model', () => {
  const before = { causal: false, mode: 'generate' as const, text: 'the fox ran', appended: '', generated: ['away'] };
  test('the default is tw-learned with its mask on', () => {
    expect(DEFAULT_TRAIN_VS_GENERATE).toMatchObject({ model: 'tw-learned', causal: true, mode: 'train' });
  });
  test('a link from before the switch (no model field) still opens, on tw-learned, with everything else kept', () => {
    const decoded = decodeState(trainVsGenerateState, linkValue(before));
    expect(decoded.notice).toBeNull();
    expect(decoded.state).toEqual({ ...before, model: 'tw-learned' });
  });
  test('a tw-nomask link round-trips; an unknown model falls back to the defaults with a notice', () => {
    const nomask = { ...before, model: 'tw-nomask' as const };
    expect(decodeState(trainVsGenerateState, encodeState(trainVsGenerateState, nomask))).toEqual({ state: nomask, notice: null });
    for (const model of ['tw-rope', '../secret', '']) {
      expect(decodeState(trainVsGenerateState, linkValue({ ...before, model })), model).toEqual({ state: DEFAULT_TRAIN_VS_GENERATE, notice: 'malformed' });
    }
  });
});

describe('the mask each model opens with', () => {
  test('the widget list agrees with each manifest\'s recorded training setting', () => {
    expect(manifestCausal(manifest('tw-learned').provenance)).toBe(true);
    expect(manifestCausal(manifest('tw-nomask').provenance)).toBe(false);
    expect(trainedCausal('tw-learned')).toBe(true);
    expect(trainedCausal('tw-nomask')).toBe(false);
  });
  test('a manifest without the setting gives null, so the widget falls back to its list', () => {
    expect(manifestCausal(undefined)).toBeNull();
    expect(manifestCausal({})).toBeNull();
    expect(manifestCausal({ settings: { causal: 'no' } })).toBeNull();
  });
  test('a start on tw-nomask opens without the mask; an explicit mask in the start wins', () => {
    expect(startSettings({ model: 'tw-nomask', mode: 'train' }).causal).toBe(false);
    expect(startSettings({}).causal).toBe(true);
    expect(startSettings({ model: 'tw-nomask', causal: true }).causal).toBe(true);
    expect(startSettings({ model: 'tw-learned', causal: false }).causal).toBe(false);
  });
});

describe('the mean-loss table', () => {
  const text = 'the bear ate the honey .';
  test('one row per model in order, empty until measured', () => {
    expect(meanLossRows([], text)).toEqual([
      { model: 'tw-learned', trainedCausal: true, withMask: null, withoutMask: null },
      { model: 'tw-nomask', trainedCausal: false, withMask: null, withoutMask: null },
    ]);
  });
  test('keeps each model and mask separately, the latest measurement wins, and only the current text shows', () => {
    let entries = recordMeanLoss([], { model: 'tw-learned', causal: true, text, meanLoss: 1.5 });
    entries = recordMeanLoss(entries, { model: 'tw-nomask', causal: false, text, meanLoss: 0.02 });
    entries = recordMeanLoss(entries, { model: 'tw-nomask', causal: true, text: 'other text', meanLoss: 7 });
    entries = recordMeanLoss(entries, { model: 'tw-learned', causal: true, text, meanLoss: 1.25 });
    expect(entries).toHaveLength(3);
    expect(meanLossRows(entries, text)).toEqual([
      { model: 'tw-learned', trainedCausal: true, withMask: 1.25, withoutMask: null },
      { model: 'tw-nomask', trainedCausal: false, withMask: null, withoutMask: 0.02 },
    ]);
    expect(meanLossRows(entries, 'other text')[1].withMask).toBe(7);
  });
});

describe('loss formatting', () => {
  test('three decimals from 0.1 up, three significant digits below, so a tiny loss never reads 0.000', () => {
    expect(formatLoss(1.2232)).toBe('1.223');
    expect(formatLoss(0.1)).toBe('0.100');
    expect(formatLoss(0.0191)).toBe('0.0191');
    expect(formatLoss(0.000314039)).toBe('0.000314');
    expect(formatLoss(0)).toBe('0.000');
  });
});
