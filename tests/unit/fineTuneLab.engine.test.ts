// The fine-tuning lab's engine side: tight padding, the held-out loss, per-matrix change sizes, the presets'
// data, and runs that pause, resume and reset while the page keeps sending requests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../engine/handlers.ts';
import { clearModels, requireModel } from '../../engine/modelStore.ts';
import { padTight } from '../../engine/finetune/batches.ts';
import { sentenceLoss } from '../../engine/finetune/probes.ts';
import { largestChange, matrixChanges } from '../../engine/finetune/weightDiff.ts';
import { OVERFIT_SENTENCES, OVERFIT_VALIDATION, PRESET_DEFAULTS, PRESET_IDS, presetData } from '../../engine/finetune/presets.ts';
import { padSequences } from '../../engine/train/batch.ts';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { copyIntoFlat } from '../../engine/train/grads.ts';
import { paramSpecs } from '../../engine/params.ts';
import type { FineTuneSettings } from '../../engine/finetune/session.ts';
import { config, params, recordingContext, serveTinyModel } from './fixtures/servedModel.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { vocab } from './fixtures/servedModel.ts';
import { courseTokenizer } from './evalFixtures.ts';

const model = { config, params };
const tokenizer = createWordTokenizer(vocab);
const sentences = ['the cat ate a fish .', 'the dog ate .', 'a cat ate the apple .'];
const ids = sentences.map((s) => tokenizer.encode(s).ids);

describe('tight padding and the held-out loss', () => {
  it('pads to the longest sentence, not the context, and gives the same loss as full padding', async () => {
    const tight = padTight(ids, config.contextLength);
    expect(tight.T).toBe(Math.max(...ids.map((s) => s.length)) - 1);
    const full = padSequences(ids, config.contextLength);
    const gradients = createLocalGradients(model);
    const a = await gradients.evaluateLoss(tight);
    const b = await gradients.evaluateLoss(full);
    expect(a.count).toBe(b.count);
    expect(a.lossSum / a.count).toBeCloseTo(b.lossSum / b.count, 5);
    await gradients.dispose();
  });

  it('sentenceLoss (plain forward passes) agrees with the training forward pass', async () => {
    const gradients = createLocalGradients(model);
    const oracle = await gradients.evaluateLoss(padSequences(ids, config.contextLength));
    expect(sentenceLoss(model, tokenizer, sentences)).toBeCloseTo(oracle.lossSum / oracle.count, 4);
    expect(sentenceLoss(model, tokenizer, [])).toBeUndefined();
    await gradients.dispose();
  });
});

describe('per-matrix change', () => {
  const flat = copyIntoFlat(config, params).flat;

  it('is ‖ΔW‖/‖W‖ for the changed matrix and 0 elsewhere; vectors are left out', () => {
    const moved = Float32Array.from(flat);
    let offset = 0;
    for (const spec of paramSpecs(config)) {
      const size = spec.shape.reduce((a, b) => a * b, 1);
      // Scale one matrix by 1.1: its relative change is exactly 0.1.
      if (spec.name === 'blocks.1.attn.wv') for (let i = offset; i < offset + size; i++) moved[i] *= 1.1;
      offset += size;
    }
    const changes = matrixChanges(config, moved, flat);
    expect(changes.every((c) => !/gain|bias|\.b[qkvo12]$/.test(c.name))).toBe(true);
    expect(changes.map((c) => c.name)).toContain('wte');
    const wv = changes.find((c) => c.name === 'blocks.1.attn.wv')!;
    expect(wv).toMatchObject({ block: 1, kind: 'attn.wv' });
    expect(wv.relChange).toBeCloseTo(0.1, 5);
    expect(changes.filter((c) => c !== wv).every((c) => c.relChange === 0)).toBe(true);
    expect(largestChange(changes)?.name).toBe('blocks.1.attn.wv');
    expect(largestChange(matrixChanges(config, flat, flat))).toBeNull();
  });
});

describe('presets', () => {
  const course = courseTokenizer();

  it('every preset sentence, replay sentence and held-out sentence uses the course vocabulary', () => {
    for (const id of PRESET_IDS.filter((p) => p !== 'custom')) {
      const data = presetData(id);
      for (const s of [...data.sentences, ...data.replay, ...data.heldOut]) expect(course.encode(s).unknown, `${id}: ${s}`).toEqual([]);
    }
  });

  it('the overfitting preset trains on eight sentences (one step = one epoch) and validates on others', () => {
    const data = presetData('overfit');
    expect(data.sentences).toHaveLength(8);
    expect(PRESET_DEFAULTS.overfit.batch).toBe(8);
    expect(PRESET_DEFAULTS.overfit.replay).toBe(false);
    expect(OVERFIT_VALIDATION).toHaveLength(40);
    expect(OVERFIT_VALIDATION.some((s) => OVERFIT_SENTENCES.includes(s))).toBe(false);
    expect(data.heldOut).toEqual(OVERFIT_VALIDATION);
  });

  it('the velmora preset probes quorvia first and holds out the kept-back paraphrases', () => {
    const data = presetData('velmora');
    expect(data.probes[0]).toMatchObject({ prompt: 'the capital of velmora is', target: 'quorvia' });
    expect(data.heldOut.some((s) => data.sentences.includes(s))).toBe(false);
    expect(data.replay).toHaveLength(24);
  });
});

describe('runs in the worker', () => {
  const settings = (over: Partial<FineTuneSettings> = {}): FineTuneSettings => ({
    preset: 'custom', sentences, replay: false, lr: 0.01, steps: 10, batch: 3, seed: 2, trainBlocks: [1], trainEmbeddings: false, probeEvery: 5, ...over,
  });
  beforeEach(async () => {
    clearModels();
    serveTinyModel();
    await handle('loadModel', { name: 'tiny' }, recordingContext().ctx);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fineTuneDiff shows change only in the blocks that trained, and none after reset', async () => {
    await handle('fineTune', { model: 'tiny', settings: settings() }, recordingContext().ctx);
    const diff = await handle('fineTuneDiff', { model: 'tiny' }, recordingContext().ctx);
    expect(diff.step).toBe(10);
    for (const c of diff.changes) {
      if (c.block === 1) expect(c.relChange).toBeGreaterThan(0);
      else expect(c.relChange).toBe(0);
    }
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    const after = await handle('fineTuneDiff', { model: 'tiny' }, recordingContext().ctx);
    expect(after.changes.every((c) => c.relChange === 0)).toBe(true);
  });

  it('probe ticks carry matrix changes and the held-out loss is read before a run', async () => {
    const { ctx, progress } = recordingContext();
    await handle('fineTune', { model: 'tiny', settings: settings() }, ctx);
    const ticks = progress.map((p) => p.data as { changes?: unknown[] });
    expect(ticks.filter((t) => t.changes).length).toBe(2);
    const read = await handle('fineTuneRead', { model: 'tiny', preset: 'velmora' }, recordingContext().ctx);
    expect(read.probes).toHaveLength(2);
  });

  it('a resume sent while the paused run is still finishing waits for it, then reaches the uninterrupted weights', async () => {
    await handle('fineTune', { model: 'tiny', settings: settings() }, recordingContext().ctx);
    const straight = Array.from(requireModel('tiny~ft').model.params['blocks.1.mlp.w1']);
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    const first = recordingContext();
    let steps = 0;
    const pausing = { ...first.ctx, progress: () => void (++steps === 3 && first.cancel()) };
    // Do not await the first run: the resume request arrives while it is still in flight.
    const paused = handle('fineTune', { model: 'tiny', settings: settings() }, pausing);
    await new Promise((r) => setTimeout(r, 0));
    const resumed = handle('fineTune', { model: 'tiny', settings: settings(), resume: true }, recordingContext().ctx);
    expect((await paused).done).toBe(false);
    expect(await resumed).toMatchObject({ step: 10, done: true });
    expect(Array.from(requireModel('tiny~ft').model.params['blocks.1.mlp.w1'])).toEqual(straight);
  });

  it('a reset that arrives while a run is stopping wins: no paused run survives it', async () => {
    const first = recordingContext();
    const running = handle('fineTune', { model: 'tiny', settings: settings({ steps: 50 }) }, first.ctx);
    await new Promise((r) => setTimeout(r, 0));
    first.cancel();
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    await running;
    expect(Array.from(requireModel('tiny~ft').model.params['blocks.1.mlp.w1'])).toEqual(Array.from(requireModel('tiny').model.params['blocks.1.mlp.w1']));
    await expect(handle('fineTune', { model: 'tiny', settings: settings(), resume: true }, recordingContext().ctx)).rejects.toThrow(/no paused run/);
  });
});
