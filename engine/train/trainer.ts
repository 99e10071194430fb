/**
 * The training loop, free of Node and DOM so the CLI trainer and the browser's fine-tuning
 * worker share it: steps, a progress callback (loss, tokens/s, ETA), validation loss on a
 * held-out split every N steps, a checkpoint callback, and a cancel probe checked before every
 * step. Given the same inputs it is deterministic, and resuming from a snapshot continues the
 * exact same run (data cursor, optimiser moments and step count are all in the snapshot).
 */
import type { ModelConfig } from '../config.ts';
import type { AdamWState } from './adamw.ts';
import { createAdamWState, decayMask } from './adamw.ts';
import type { TokenBatch } from './batch.ts';
import type { DataCursor } from './batches.ts';
import type { GradientComputer } from './gradients.ts';
import type { FlatTensors } from './grads.ts';
import { flatTensors } from './grads.ts';
import type { OptimizerSettings, StepState } from './trainStep.ts';
import { trainStep } from './trainStep.ts';

/** A source of training batches that can say where it is (for checkpoints). */
export interface BatchSource {
  next(): TokenBatch;
  readonly cursor: DataCursor;
}

/** One point of the loss curve. */
export interface HistoryPoint {
  step: number;
  tokensSeen: number;
  /** Mean training loss over the steps since the previous point. */
  trainLoss?: number;
  valLoss?: number;
  lr: number;
}

/** What the progress callback receives after every step. */
export interface TrainProgress {
  step: number;
  totalSteps: number;
  loss: number;
  /** Exponential moving average of the training loss (what a progress bar should show). */
  smoothedLoss: number;
  /** Latest validation loss, if one has been measured. */
  valLoss?: number;
  lr: number;
  gradNorm: number;
  tokensSeen: number;
  /** Training throughput of this session (validation time excluded). */
  tokensPerSecond: number;
  etaSeconds: number;
  elapsedSeconds: number;
}

/** Everything needed to continue a run exactly. Arrays are copies owned by the receiver. */
export interface TrainerSnapshot {
  step: number;
  tokensSeen: number;
  cursor: DataCursor;
  params: Float32Array;
  adam: AdamWState;
  history: HistoryPoint[];
  startValLoss?: number;
  /** Wall time spent in earlier sessions plus this one. */
  elapsedSeconds: number;
}

/** Inputs of a run. */
export interface TrainerOptions {
  config: ModelConfig;
  /** Trained in place; `gradients` must compute with these same tensors. */
  params: FlatTensors;
  batches: BatchSource;
  /** Held-out batches for the validation loss (fixed set). */
  validation?: TokenBatch[];
  gradients: GradientComputer;
  /** Total number of updates in the run (resumed runs count earlier steps too). */
  steps: number;
  optimizer: OptimizerSettings;
  /** Validation every N steps (and always at the start and the end); 0 = start and end only. */
  evalEvery?: number;
  /** Snapshot every N steps via onCheckpoint (and at the end); 0 = end only. */
  checkpointEvery?: number;
  /** Add a history point every N steps (default 10). */
  historyEvery?: number;
  /** Continue from this snapshot (params are copied into `params`). */
  resume?: TrainerSnapshot;
  onProgress?(progress: TrainProgress): void | Promise<void>;
  onCheckpoint?(snapshot: TrainerSnapshot): void | Promise<void>;
  /** Checked before every step; true stops the run after the current step. */
  shouldCancel?(): boolean;
  /** Clock in ms (default performance.now). */
  now?(): number;
}

/** How a run ended. */
export interface TrainResult {
  steps: number;
  tokensSeen: number;
  cancelled: boolean;
  startValLoss?: number;
  finalValLoss?: number;
  /** Loss of the last step, and the mean over the last (up to) 50 steps. */
  lastTrainLoss: number;
  finalTrainLoss: number;
  history: HistoryPoint[];
  elapsedSeconds: number;
  /** Training tokens per second of this session. */
  tokensPerSecond: number;
  snapshot: TrainerSnapshot;
}

/** Mean validation loss over a fixed set of batches (nats per counted token). */
export async function validationLoss(gradients: GradientComputer, batches: readonly TokenBatch[]): Promise<number> {
  let sum = 0;
  let count = 0;
  for (const batch of batches) {
    const loss = await gradients.evaluateLoss(batch);
    sum += loss.lossSum;
    count += loss.count;
  }
  return sum / count;
}

/** Runs (or resumes) a training run to `steps` updates, or until cancelled. */
export async function train(opts: TrainerOptions): Promise<TrainResult> {
  const now = opts.now ?? (() => performance.now());
  const historyEvery = opts.historyEvery ?? 10;
  const size = opts.params.flat.length;
  const state: StepState = { params: opts.params, grads: flatTensors(opts.config), adam: createAdamWState(size), decay: decayMask(opts.config) };
  let tokensSeen = 0;
  let history: HistoryPoint[] = [];
  let startValLoss: number | undefined;
  let earlierSeconds = 0;
  if (opts.resume) {
    const r = opts.resume;
    state.params.flat.set(r.params);
    state.adam = { m: Float32Array.from(r.adam.m), v: Float32Array.from(r.adam.v), step: r.adam.step };
    tokensSeen = r.tokensSeen;
    history = r.history.map((p) => ({ ...p }));
    startValLoss = r.startValLoss;
    earlierSeconds = r.elapsedSeconds;
  }
  const started = now();
  let trainMs = 0;
  let sessionTokens = 0;
  const elapsed = () => earlierSeconds + (now() - started) / 1000;
  const snapshot = (): TrainerSnapshot => ({
    step: state.adam.step, tokensSeen, cursor: opts.batches.cursor, params: Float32Array.from(state.params.flat),
    adam: { m: Float32Array.from(state.adam.m), v: Float32Array.from(state.adam.v), step: state.adam.step },
    history: history.map((p) => ({ ...p })), startValLoss, elapsedSeconds: elapsed(),
  });
  const validate = async () => (opts.validation?.length ? validationLoss(opts.gradients, opts.validation) : undefined);

  let valLoss: number | undefined;
  if (state.adam.step === 0) {
    valLoss = await validate();
    startValLoss = valLoss;
    if (valLoss !== undefined) history.push({ step: 0, tokensSeen: 0, valLoss, lr: 0 });
  }
  const recentLosses: number[] = [];
  let windowSum = 0;
  let windowCount = 0;
  let smoothed: number | undefined;
  let lastLoss = NaN;
  let cancelled = false;
  while (state.adam.step < opts.steps) {
    if (opts.shouldCancel?.()) {
      cancelled = true;
      break;
    }
    const batch = opts.batches.next();
    const t0 = now();
    const result = await trainStep(opts.gradients, state, batch, opts.optimizer);
    trainMs += now() - t0;
    tokensSeen += result.tokens;
    sessionTokens += result.tokens;
    lastLoss = result.loss;
    smoothed = smoothed === undefined ? result.loss : 0.95 * smoothed + 0.05 * result.loss;
    recentLosses.push(result.loss);
    if (recentLosses.length > 50) recentLosses.shift();
    windowSum += result.loss;
    windowCount++;

    const step = result.step;
    const isLast = step === opts.steps;
    const evalNow = isLast || (opts.evalEvery ? step % opts.evalEvery === 0 : false);
    if (evalNow) valLoss = await validate();
    if (step % historyEvery === 0 || evalNow) {
      history.push({ step, tokensSeen, trainLoss: windowSum / windowCount, valLoss: evalNow ? valLoss : undefined, lr: result.lr });
      windowSum = 0;
      windowCount = 0;
    }
    const secondsPerStep = trainMs / 1000 / Math.max(1, step - (opts.resume?.step ?? 0));
    await opts.onProgress?.({
      step, totalSteps: opts.steps, loss: result.loss, smoothedLoss: smoothed, valLoss, lr: result.lr, gradNorm: result.gradNorm,
      tokensSeen, tokensPerSecond: sessionTokens / Math.max(trainMs / 1000, 1e-9), etaSeconds: secondsPerStep * (opts.steps - step), elapsedSeconds: elapsed(),
    });
    if (!isLast && opts.checkpointEvery && step % opts.checkpointEvery === 0) await opts.onCheckpoint?.(snapshot());
  }
  const final = snapshot();
  if (!cancelled) await opts.onCheckpoint?.(final);
  const finalTrainLoss = recentLosses.length ? recentLosses.reduce((a, b) => a + b, 0) / recentLosses.length : NaN;
  return {
    steps: state.adam.step, tokensSeen, cancelled, startValLoss, finalValLoss: cancelled ? undefined : valLoss,
    lastTrainLoss: lastLoss, finalTrainLoss, history, elapsedSeconds: final.elapsedSeconds,
    tokensPerSecond: sessionTokens / Math.max(trainMs / 1000, 1e-9), snapshot: final,
  };
}
