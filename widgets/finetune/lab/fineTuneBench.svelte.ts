// Live state of FineTuneBench: settings in; start, pause, resume and reset of a run in the worker; the loss curves,
// probe readings, speed and update sizes out. The worker trains; this class only keeps what the page shows.
import { getEngine, isSupersededOrCancelled } from '../../../engine/client.ts';
import { EngineError } from '../../../engine/errors.ts';
import type { FineTuneReadings, FineTuneTick } from '../../../engine/finetune/session.ts';
import type { PresetId } from '../../../engine/finetune/presets.ts';
import { ModelSession } from '../../kit/modelSession.svelte.ts';
import { num, percent } from '../../kit/format.ts';
import { labBus } from './labBus.svelte.ts';
import {
  argminHeldOut, engineSettings, lastStep, presetSettings, probeSummary, settingsProblem, speed,
  type CurvePoint, type FineTuneBenchSettings, type FineTuneBenchView, type RunStatus, type RunSummary,
} from './fineTuneBenchModel.ts';

/** Steps between the polite live-region summaries (curriculum W10.2: every 10 steps). */
const ANNOUNCE_EVERY = 10;

/** The sentence shown after the worker crashed in the middle of a run. */
export const CRASH_NOTICE = 'The engine stopped unexpectedly and was restarted, so this run was lost. The model has been loaded again: press Start to train from the beginning.';

/** Reactive state of one fine-tuning lab. */
export class FineTuneBenchState {
  preset = $state<PresetId>('velmora');
  text = $state('');
  replay = $state(true);
  lr = $state(0.003);
  steps = $state(30);
  seed = $state(1);
  trainBlocks = $state<number[]>([0, 1, 2, 3]);
  trainEmbeddings = $state(true);
  stopStep = $state(0);

  status = $state<RunStatus>('idle');
  step = $state(0);
  totalSteps = $state(0);
  curve = $state.raw<CurvePoint[]>([]);
  /** Readings of the pretrained model for the current preset. */
  before = $state.raw<FineTuneReadings | null>(null);
  /** Latest readings during or after a run. */
  latest = $state.raw<FineTuneReadings | null>(null);
  updateSize = $state.raw<Record<string, number> | null>(null);
  runs = $state.raw<RunSummary[]>([]);
  /** Held-out minimum of the latest full-length run (no early stopping). */
  fullRunArgmin = $state<number | null>(null);
  stepsPerSecond = $state(0);
  etaSeconds = $state(Number.NaN);
  problem = $state<string | null>(null);
  notice = $state<string | null>(null);
  announcement = $state('');
  readonly session: ModelSession;
  private abort: AbortController | null = null;
  private sessionClock = { start: 0, startStep: 0 };

  constructor(settings: FineTuneBenchSettings, private readonly id: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data (URL and checks). */
  get settings(): FineTuneBenchSettings {
    return {
      model: this.session.name, preset: this.preset, text: this.text, replay: this.replay, lr: this.lr, steps: this.steps,
      seed: this.seed, trainBlocks: [...this.trainBlocks], trainEmbeddings: this.trainEmbeddings, stopStep: this.stopStep,
    };
  }

  /** What exercise checks read. */
  get view(): FineTuneBenchView {
    return { status: this.status, step: this.step, probe: probeSummary(this.latest ?? this.before), runs: this.runs, argminValStep: this.fullRunArgmin };
  }

  /** True while another lab on the page owns the fine-tuned copy. */
  get blockedByOther(): boolean {
    return labBus.owner !== null && labBus.owner !== this.id;
  }

  /** Replaces the settings (link, exercise start, reset of the form). */
  apply(s: FineTuneBenchSettings): void {
    this.preset = s.preset;
    this.text = s.text;
    this.replay = s.replay;
    this.lr = s.lr;
    this.steps = s.steps;
    this.seed = s.seed;
    this.trainBlocks = [...s.trainBlocks];
    this.trainEmbeddings = s.trainEmbeddings;
    this.stopStep = s.stopStep;
  }

  /** Switches preset and takes its learning rate, steps and replay setting. */
  choosePreset(preset: PresetId): void {
    const next = presetSettings(preset, { ...this.settings });
    this.apply({ ...next, text: this.text, seed: this.seed });
  }

  /** Reads the probes on the pretrained model ("before"), unless a run owns the copy. */
  async readBefore(): Promise<void> {
    const preset = this.preset;
    const sentences = engineSettings(this.settings).sentences;
    if (!(await this.session.load())) return;
    if (this.status !== 'idle' || labBus.owner) return;
    try {
      this.before = await getEngine().call('fineTuneRead', { model: this.session.name, preset, sentences }, { channel: `${this.id}:read` });
      this.latest = null;
      this.curve = this.before.heldOutLoss === undefined ? [] : [{ step: 0, heldOut: this.before.heldOutLoss }];
      this.problem = null;
    } catch (error) {
      if (!isSupersededOrCancelled(error)) this.problem = message(error);
    }
  }

  /** Starts a fresh run from the pretrained weights. */
  async start(): Promise<void> {
    const problem = settingsProblem(this.settings);
    if (problem) { this.problem = problem; return; }
    if (this.blockedByOther || this.status === 'running') return;
    if (!(await this.session.load())) return;
    const engine = getEngine();
    const model = this.session.name;
    const settings = engineSettings(this.settings);
    labBus.owner = this.id;
    this.problem = null;
    this.notice = null;
    this.status = 'running';
    this.step = 0;
    this.totalSteps = settings.steps;
    try {
      await engine.call('fineTuneReset', { model });
      this.before = await engine.call('fineTuneRead', { model, preset: settings.preset, sentences: settings.sentences });
    } catch (error) {
      this.failed(error);
      return;
    }
    this.latest = this.before;
    this.updateSize = null;
    labBus.publish(null, 0);
    this.curve = this.before.heldOutLoss === undefined ? [] : [{ step: 0, heldOut: this.before.heldOutLoss }];
    await this.runInWorker(false);
  }

  /** Pauses: the worker stops after the current step and keeps everything needed to resume. */
  pause(): void {
    if (this.status !== 'running') return;
    this.abort?.abort();
    this.status = 'paused';
    this.announcement = `Paused at step ${this.step} of ${this.totalSteps}.`;
  }

  /** Continues a paused run exactly where it stopped. */
  async resume(): Promise<void> {
    if (this.status !== 'paused') return;
    this.status = 'running';
    await this.runInWorker(true);
  }

  /** Stops any run and puts the pretrained weights back. */
  async reset(): Promise<void> {
    this.abort?.abort();
    this.status = 'idle';
    this.step = 0;
    this.latest = null;
    this.updateSize = null;
    this.stepsPerSecond = 0;
    this.etaSeconds = Number.NaN;
    if (labBus.owner === this.id) labBus.owner = null;
    labBus.publish(null, 0);
    try {
      if (await this.session.load()) await getEngine().call('fineTuneReset', { model: this.session.name });
    } catch (error) {
      if (!isSupersededOrCancelled(error)) this.problem = message(error);
    }
    this.announcement = 'Reset: the model has its pretrained weights again.';
    await this.readBefore();
  }

  /** After the worker crashed: the fine-tuned copy died with it, so the lab starts over and says so. */
  crashed(): void {
    const wasTraining = this.status === 'running' || this.status === 'paused';
    this.abort = null;
    this.status = 'idle';
    this.step = 0;
    this.latest = null;
    this.updateSize = null;
    if (labBus.owner === this.id) labBus.owner = null;
    labBus.publish(null, 0);
    if (wasTraining) {
      this.notice = CRASH_NOTICE;
      this.announcement = CRASH_NOTICE;
    }
  }

  private async runInWorker(resume: boolean): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    this.sessionClock = { start: performance.now(), startStep: this.step };
    const settings = engineSettings(this.settings);
    try {
      const result = await getEngine().call('fineTune', { model: this.session.name, settings, resume }, {
        signal: abort.signal,
        onProgress: (_done, _total, _label, data) => this.onTick(data as FineTuneTick),
      });
      if (this.abort !== abort) return;
      this.abort = null;
      this.status = result.done ? 'done' : 'paused';
      if (result.done) {
        // A finished run has nothing to resume, so other labs on the page may train now.
        if (labBus.owner === this.id) labBus.owner = null;
        this.finished();
      }
    } catch (error) {
      if (this.abort === abort) this.abort = null;
      if (isSupersededOrCancelled(error)) return;
      this.failed(error);
    }
  }

  private onTick(tick: FineTuneTick): void {
    if (this.status !== 'running') return;
    const { step, totalSteps, loss } = tick.progress;
    this.step = step;
    this.totalSteps = totalSteps;
    const point: CurvePoint = { step, train: loss };
    if (tick.readings) {
      this.latest = tick.readings;
      point.heldOut = tick.readings.heldOutLoss;
    }
    if (tick.updateSize) this.updateSize = tick.updateSize;
    if (tick.changes) labBus.publish(tick.changes, step);
    this.curve = [...this.curve.filter((p) => p.step !== step), point];
    const rate = speed(step - this.sessionClock.startStep, (performance.now() - this.sessionClock.start) / 1000, totalSteps - step);
    this.stepsPerSecond = rate.stepsPerSecond;
    this.etaSeconds = rate.etaSeconds;
    if (step % ANNOUNCE_EVERY === 0) this.announcement = this.summarySentence(`Step ${step} of ${totalSteps}.`);
  }

  private finished(): void {
    const summary = probeSummary(this.latest);
    this.runs = [...this.runs, { preset: this.preset, replay: this.replay, steps: this.step, newCorrect: summary.newCorrect, knownCorrect: summary.knownCapitalsCorrect }];
    if (this.stopStep === 0 || this.stopStep >= this.steps) this.fullRunArgmin = argminHeldOut(this.curve);
    this.etaSeconds = 0;
    this.announcement = this.summarySentence(`Done after ${this.step} steps.`);
  }

  private failed(error: unknown): void {
    if (error instanceof EngineError && error.code === 'worker-crashed') {
      this.crashed();
      return;
    }
    this.status = 'idle';
    if (labBus.owner === this.id) labBus.owner = null;
    this.problem = message(error);
  }

  /** "Step 10 of 30. Training loss 0.76, held-out loss 1.28. P(quorvia) 13.6 %. Known capitals 24 of 24." */
  private summarySentence(prefix: string): string {
    const last = this.curve.at(-1);
    const heldOut = [...this.curve].reverse().find((p) => p.heldOut !== undefined)?.heldOut;
    const probe = probeSummary(this.latest);
    const parts = [prefix];
    if (last?.train !== undefined) parts.push(`Training loss ${num(last.train, 2)}${heldOut !== undefined ? `, held-out loss ${num(heldOut, 2)}` : ''}.`);
    const first = this.latest?.probes[0];
    if (first) parts.push(`P(${first.target}) ${percent(first.prob, 1)}.`);
    if (probe.knownCapitalsTotal) parts.push(`Known capitals ${probe.knownCapitalsCorrect} of ${probe.knownCapitalsTotal}.`);
    return parts.join(' ');
  }

  /** Steps the current settings will run. */
  get plannedSteps(): number {
    return lastStep(this.settings);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
