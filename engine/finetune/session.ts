// One fine-tuning run inside the worker: a trainable copy of a loaded model, registered under its own name
// so every other verb can query it, with pause (cancel and keep the snapshot), resume and reset.
import { EngineError } from '../errors.ts';
import type { Model } from '../model.ts';
import { putModel, type LoadedModel } from '../modelStore.ts';
import { paramSpecs } from '../params.ts';
import { DEFAULT_ADAMW } from '../train/adamw.ts';
import { copyIntoFlat, type FlatTensors } from '../train/grads.ts';
import { createLocalGradients } from '../train/gradients.ts';
import { train, type HistoryPoint, type TrainerSnapshot, type TrainProgress } from '../train/trainer.ts';
import type { Tokenizer } from '../tokenizer/types.ts';
import { ReplayBatches } from './batches.ts';
import { presetData, type FineTuneData, type PresetId } from './presets.ts';
import { readProbes, sentenceLoss, type ProbeReading } from './probes.ts';
import { matrixChanges, type MatrixChange } from './weightDiff.ts';

/** What the learner chose. */
export interface FineTuneSettings {
  preset: PresetId;
  /** The learner's own sentences for the `custom` preset. */
  sentences?: string[];
  replay: boolean;
  lr: number;
  steps: number;
  batch: number;
  seed: number;
  /** Blocks whose weights train (0-based); the rest stay as pretrained. */
  trainBlocks: number[];
  /** Whether the token (and position) embeddings and the final layer norm train too. */
  trainEmbeddings: boolean;
  /** Read the probes every this many steps. */
  probeEvery: number;
}

/** Probe readings of the current weights: new facts, old facts, and the loss on held-out sentences. */
export interface FineTuneReadings { probes: ProbeReading[]; general: ProbeReading[]; heldOutLoss?: number }

/** What a progress event carries during a run. */
export interface FineTuneTick {
  progress: TrainProgress;
  /** Present on probe steps. */
  readings?: FineTuneReadings;
  /** Mean absolute change of each block's weights since the pretrained model (and "embeddings"). */
  updateSize?: Record<string, number>;
  /** ‖ΔW‖/‖W‖ of every matrix (present on probe steps). */
  changes?: MatrixChange[];
}

/** The name a fine-tuned copy of `base` is registered under. */
export const fineTunedName = (base: string): string => `${base}~ft`;

function encodeAll(tokenizer: Tokenizer, sentences: readonly string[], limit: number): number[][] {
  return sentences.map((s, i) => {
    const encoding = tokenizer.encode(s);
    if (encoding.unknown.length) throw new EngineError('bad-input', `Sentence ${i + 1} uses "${encoding.unknown[0].word}", a word the model does not know.`);
    if (encoding.ids.length < 2) throw new EngineError('bad-input', `Sentence ${i + 1} is too short to learn from: give it at least two words.`);
    if (encoding.ids.length > limit) throw new EngineError('bad-input', `Sentence ${i + 1} has ${encoding.ids.length} tokens; the model reads at most ${limit}.`);
    return encoding.ids;
  });
}

/** A fine-tuning run on one base model. */
export class FineTuneSession {
  readonly model: Model;
  readonly params: FlatTensors;
  private readonly base: Float32Array;
  private snapshot: TrainerSnapshot | undefined;
  private settings: FineTuneSettings | undefined;
  history: HistoryPoint[] = [];
  /** The run in progress, so a resume or a new run waits for a paused one to finish its last step. */
  private running: Promise<unknown> | null = null;
  /** Bumped by every reset, so a run that was stopping when a reset arrived does not store its snapshot. */
  private generation = 0;

  constructor(readonly entry: LoadedModel) {
    this.params = copyIntoFlat(entry.model.config, entry.model.params);
    this.base = Float32Array.from(this.params.flat);
    this.model = { config: entry.model.config, params: this.params.tensors };
    putModel({ ...entry, name: fineTunedName(entry.name), model: this.model });
  }

  /** Restores the pretrained weights and forgets the run. */
  reset(): void {
    this.generation++;
    this.params.flat.set(this.base);
    this.snapshot = undefined;
    this.settings = undefined;
    this.history = [];
  }

  /** Whether a paused run can be resumed. */
  get paused(): boolean {
    return this.snapshot !== undefined && this.settings !== undefined && this.snapshot.step < this.settings.steps;
  }

  /** Probe readings of the current weights for a preset (before a run, to show "before"). */
  read(settings: Pick<FineTuneSettings, 'preset' | 'sentences'>): FineTuneReadings {
    const data = presetData(settings.preset, settings.sentences);
    const { tokenizer } = this.entry;
    return {
      probes: readProbes(this.model, tokenizer, data.probes),
      general: readProbes(this.model, tokenizer, data.general),
      heldOutLoss: sentenceLoss(this.model, tokenizer, data.heldOut),
    };
  }

  /** ‖ΔW‖/‖W‖ of every matrix since the pretrained weights. */
  changes(): MatrixChange[] {
    return matrixChanges(this.model.config, this.params.flat, this.base);
  }

  /** Starts a fresh run (or resumes the paused one when `resume`); stops early when `cancelled()` turns true. */
  async run(settings: FineTuneSettings, onTick: (tick: FineTuneTick) => void | Promise<void>, cancelled: () => boolean, resume = false): Promise<{ step: number; done: boolean; history: HistoryPoint[] }> {
    // A pause answers the page at once, but the worker finishes the current step first: wait for it.
    while (this.running) await this.running.catch(() => undefined);
    const job = this.runNow(settings, onTick, cancelled, resume);
    this.running = job;
    try {
      return await job;
    } finally {
      if (this.running === job) this.running = null;
    }
  }

  private async runNow(settings: FineTuneSettings, onTick: (tick: FineTuneTick) => void | Promise<void>, cancelled: () => boolean, resume: boolean): Promise<{ step: number; done: boolean; history: HistoryPoint[] }> {
    if (resume && !this.paused) throw new EngineError('bad-input', 'There is no paused run to resume: start one first.');
    if (!resume) this.reset();
    const generation = this.generation;
    const active = resume ? this.settings! : settings;
    this.settings = active;
    const { tokenizer } = this.entry;
    const T = this.model.config.contextLength;
    const data: FineTuneData = presetData(active.preset, active.sentences);
    const sequences = encodeAll(tokenizer, data.sentences, T);
    const replay = active.replay ? encodeAll(tokenizer, data.replay, T) : [];
    const frozen = frozenRanges(this.model, active);
    const gradients = createLocalGradients(this.model);
    const result = await train({
      config: this.model.config,
      params: this.params,
      gradients,
      batches: new ReplayBatches(sequences, replay, { T, batch: active.batch, seed: active.seed, cursor: resume ? this.snapshot!.cursor : undefined }),
      steps: active.steps,
      optimizer: {
        schedule: { peak: active.lr, warmupSteps: 0, totalSteps: active.steps, floor: active.lr },
        // No weight decay: fine-tuning should move the weights only where the data asks.
        adamw: { ...DEFAULT_ADAMW, weightDecay: 0 },
        clipNorm: 1,
      },
      historyEvery: 1,
      resume: resume ? this.snapshot : undefined,
      shouldCancel: () => cancelled() || generation !== this.generation,
      onProgress: async (progress) => {
        // Frozen weights are put back after every step, so momentum can never move them.
        for (const [start, end] of frozen) this.params.flat.set(this.base.subarray(start, end), start);
        const probeNow = progress.step % active.probeEvery === 0 || progress.step === progress.totalSteps;
        const tick: FineTuneTick = { progress };
        if (probeNow) {
          tick.readings = this.read(active);
          tick.updateSize = updateSizes(this.model, this.params.flat, this.base);
          tick.changes = this.changes();
        }
        await onTick(tick);
        // Give the worker a moment to receive a pause or cancel message between steps.
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    await gradients.dispose();
    if (generation !== this.generation) return { step: 0, done: false, history: [] };
    this.snapshot = result.snapshot;
    this.history = result.history;
    return { step: result.steps, done: !result.cancelled && result.steps >= active.steps, history: result.history };
  }
}

/** Flat index ranges of the tensors that must not train. */
function frozenRanges(model: Model, settings: FineTuneSettings): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const spec of paramSpecs(model.config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const block = /^blocks\.(\d+)\./.exec(spec.name);
    const trains = block ? settings.trainBlocks.includes(Number(block[1])) : settings.trainEmbeddings;
    if (!trains) ranges.push([offset, offset + size]);
    offset += size;
  }
  return ranges;
}

/** Mean |Δw| per block (and for everything outside the blocks) since the pretrained weights. */
function updateSizes(model: Model, flat: Float32Array, base: Float32Array): Record<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  let offset = 0;
  for (const spec of paramSpecs(model.config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const block = /^blocks\.(\d+)\./.exec(spec.name);
    const key = block ? `block ${block[1]}` : 'embeddings';
    const entry = sums.get(key) ?? { total: 0, count: 0 };
    for (let i = offset; i < offset + size; i++) entry.total += Math.abs(flat[i] - base[i]);
    entry.count += size;
    sums.set(key, entry);
    offset += size;
  }
  return Object.fromEntries([...sums].map(([key, { total, count }]) => [key, total / count]));
}
