import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../engine/handlers.ts';
import { clearModels, requireModel } from '../../engine/modelStore.ts';
import { decodeModelFile } from '../../engine/modelFile.ts';
import type { FineTuneSettings, FineTuneTick } from '../../engine/finetune/session.ts';
import { params as baseParams, recordingContext, serveTinyModel } from './fixtures/servedModel.ts';

// Learner sentences in the fixture's small vocabulary (the course presets need the course vocabulary).
const sentences = ['the cat ate a fish .', 'the dog ate a fish .', 'the cat ate the apple .'];
const settings = (over: Partial<FineTuneSettings> = {}): FineTuneSettings => ({
  preset: 'custom', sentences, replay: false, lr: 0.01, steps: 12, batch: 3, seed: 5, trainBlocks: [0, 1], trainEmbeddings: true, probeEvery: 4, ...over,
});
const weightsOf = (name: string) => Object.fromEntries(Object.entries(requireModel(name).model.params).map(([k, v]) => [k, Array.from(v)]));

beforeEach(async () => {
  clearModels();
  serveTinyModel();
  await handle('loadModel', { name: 'tiny' }, recordingContext().ctx);
});
afterEach(() => vi.unstubAllGlobals());

describe('fine-tuning in the worker', () => {
  it('streams one tick per step, the loss falls, and the pretrained model is left untouched', async () => {
    const before = weightsOf('tiny');
    const { ctx, progress } = recordingContext();
    // Every test starts from reset, since sessions persist per model in the worker.
    await handle('fineTuneReset', { model: 'tiny' }, ctx);
    const r = await handle('fineTune', { model: 'tiny', settings: settings() }, ctx);
    expect(r).toMatchObject({ model: 'tiny~ft', step: 12, done: true });
    const ticks = progress.map((p) => p.data as FineTuneTick);
    expect(ticks.map((t) => t.progress.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(ticks.filter((t) => t.readings).map((t) => t.progress.step)).toEqual([4, 8, 12]);
    expect(ticks.at(-1)!.progress.smoothedLoss).toBeLessThan(ticks[0].progress.loss);
    expect(weightsOf('tiny')).toEqual(before);
  });

  it('pausing (cancel) and resuming reaches the same weights as one uninterrupted run', async () => {
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    await handle('fineTune', { model: 'tiny', settings: settings() }, recordingContext().ctx);
    const straight = weightsOf('tiny~ft');

    const first = recordingContext();
    let steps = 0;
    const pausing = { ...first.ctx, progress: () => void (++steps === 5 && first.cancel()) };
    const paused = await handle('fineTune', { model: 'tiny', settings: settings() }, pausing);
    expect(paused.done).toBe(false);
    expect(paused.step).toBe(5);
    const resumed = await handle('fineTune', { model: 'tiny', settings: settings(), resume: true }, recordingContext().ctx);
    expect(resumed).toMatchObject({ step: 12, done: true });
    expect(weightsOf('tiny~ft')).toEqual(straight);
  });

  it('frozen blocks keep their pretrained weights exactly', async () => {
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    await handle('fineTune', { model: 'tiny', settings: settings({ trainBlocks: [1], trainEmbeddings: false }) }, recordingContext().ctx);
    const tuned = requireModel('tiny~ft').model.params;
    expect(Array.from(tuned['blocks.0.attn.wq'])).toEqual(Array.from(baseParams['blocks.0.attn.wq']));
    expect(Array.from(tuned.wte)).toEqual(Array.from(baseParams.wte));
    expect(Array.from(tuned['blocks.1.mlp.w1'])).not.toEqual(Array.from(baseParams['blocks.1.mlp.w1']));
  });

  it('reset puts the pretrained weights back', async () => {
    await handle('fineTune', { model: 'tiny', settings: settings() }, recordingContext().ctx);
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    expect(weightsOf('tiny~ft')).toEqual(weightsOf('tiny'));
  });

  it('exports a model file that loads back with the fine-tuned weights', async () => {
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    await handle('fineTune', { model: 'tiny', settings: settings({ steps: 3 }) }, recordingContext().ctx);
    const file = await handle('fineTuneExport', { model: 'tiny' }, recordingContext().ctx);
    const decoded = await decodeModelFile(JSON.parse(file.manifestJson), file.weights);
    expect(Array.from(decoded.model.params.wte)).toEqual(Array.from(requireModel('tiny~ft').model.params.wte));
    expect(file.fileName).toBe('tiny-ft');
  });

  it.each([
    [{ lr: 0 }, /learning rate/],
    [{ steps: 0 }, /Steps must be/],
    [{ trainBlocks: [7] }, /Blocks to train/],
    [{ trainBlocks: [], trainEmbeddings: false }, /at least one part/],
    [{ sentences: ['   '] }, /at least one sentence/],
    [{ sentences: ['the zebra ate .'] }, /"zebra", a word the model does not know/],
  ])('refuses %j with a sentence', async (over, message) => {
    await expect(handle('fineTune', { model: 'tiny', settings: settings(over as Partial<FineTuneSettings>) }, recordingContext().ctx)).rejects.toThrow(message);
  });

  it('resume without a paused run says so', async () => {
    await handle('fineTuneReset', { model: 'tiny' }, recordingContext().ctx);
    await expect(handle('fineTune', { model: 'tiny', settings: settings(), resume: true }, recordingContext().ctx)).rejects.toThrow(/no paused run/);
  });
});
