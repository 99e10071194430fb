/**
 * One training run from settings to model files (Node only): data, initial weights, one or two
 * threads, periodic checkpoints, resume, a progress line, and the model directory with its
 * manifest provenance at the end.
 */
import type { ModelConfig } from '../../engine/config.ts';
import { validateConfig } from '../../engine/config.ts';
import type { TokenizerSpec } from '../../engine/modelFile.ts';
import { initParams, paramCount } from '../../engine/params.ts';
import { WindowBatches, sequentialBatches } from '../../engine/train/batches.ts';
import type { GradientComputer } from '../../engine/train/gradients.ts';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { flatTensors } from '../../engine/train/grads.ts';
import type { TrainProgress, TrainResult, TrainerSnapshot } from '../../engine/train/trainer.ts';
import { train } from '../../engine/train/trainer.ts';
import { writeModelDir } from '../modelDir.ts';
import { readLatestCheckpoint, writeCheckpoint } from './checkpoint.ts';
import { createParallelGradients, shareParams } from './dataParallel.ts';
import type { DataSource } from './trainingData.ts';
import { loadTrainingData, savedTokenizer } from './trainingData.ts';
import { formatProgress } from './progressLine.ts';

/** Everything that defines a run; saved in every checkpoint so --resume continues the same run. */
export interface RunSettings {
  name: string;
  out: string;
  /** Config without vocabSize (that comes from the tokenizer). */
  config: Omit<ModelConfig, 'vocabSize'> & { vocabSize?: number };
  causal: boolean;
  data: DataSource;
  steps: number;
  batch: number;
  seed: number;
  lr: number;
  warmup: number;
  lrFloor: number;
  weightDecay: number;
  beta1: number;
  beta2: number;
  eps: number;
  clip: number;
  evalEvery: number;
  evalWindows: number;
  checkpointEvery: number;
  /** Row groups per batch; threads only decide where they run, so 1 and 2 threads train identically. */
  shards: number;
  command: string;
  tokenizer?: TokenizerSpec;
}

/** How this session runs (may differ between a run and its resume). */
export interface SessionOptions {
  threads: number;
  checkpointDir: string;
  resume: boolean;
  /** Writes a progress line; `final` lines should end with a newline. */
  log(line: string, final: boolean): void;
  shouldCancel(): boolean;
}

/** What the run produced. */
export interface RunSummary {
  result: TrainResult;
  settings: RunSettings;
  config: ModelConfig;
  parameterCount: number;
  resumedFrom?: number;
  checkpoint?: string;
}

/** Runs training; resolves when finished or cancelled (a cancelled run leaves a checkpoint to resume from). */
export async function runTraining(requested: RunSettings, session: SessionOptions): Promise<RunSummary> {
  let settings = requested;
  let resumeFrom: TrainerSnapshot | undefined;
  if (session.resume) {
    const loaded = await readLatestCheckpoint<RunSettings>(session.checkpointDir);
    if (!loaded) throw new Error(`--resume: no checkpoint in ${session.checkpointDir} (looked for latest.json).`);
    settings = { ...loaded.state.run, out: requested.out };
    resumeFrom = loaded.snapshot;
    session.log(`resuming ${loaded.path} at step ${loaded.state.step}/${settings.steps}`, true);
  }
  const data = await loadTrainingData(settings.data, settings.tokenizer);
  if (settings.data.kind === 'text') settings = { ...settings, tokenizer: savedTokenizer(data) };
  const config: ModelConfig = { ...settings.config, vocabSize: data.tokenizer.vocabSize };
  if (settings.config.vocabSize !== undefined && settings.config.vocabSize !== config.vocabSize) {
    throw new Error(`The config asks for vocabSize ${settings.config.vocabSize} but the tokenizer has ${config.vocabSize} tokens.`);
  }
  validateConfig(config);
  const T = config.contextLength;
  const shared = shareParams(config, initParams(config, settings.seed));
  const gradOpts = { causal: settings.causal, ignoreId: data.ignoreId };
  const gradients: GradientComputer = session.threads > 1
    ? createParallelGradients(shared, { ...gradOpts, shards: settings.shards })
    : createLocalGradients(shared.model, { ...gradOpts, shards: settings.shards });
  const batches = new WindowBatches(data.train, { T, B: settings.batch, seed: settings.seed, cursor: resumeFrom?.cursor });
  const validation = sequentialBatches(data.validation, T, settings.batch, settings.evalWindows);
  let lastCheckpoint: string | undefined;
  const save = async (snapshot: TrainerSnapshot) => {
    lastCheckpoint = await writeCheckpoint(session.checkpointDir, config, settings, snapshot);
  };
  let result: TrainResult;
  try {
    result = await train({
      config, params: shared.params, batches, validation, gradients, steps: settings.steps,
      optimizer: {
        schedule: { peak: settings.lr, warmupSteps: settings.warmup, totalSteps: settings.steps, floor: settings.lrFloor },
        adamw: { beta1: settings.beta1, beta2: settings.beta2, eps: settings.eps, weightDecay: settings.weightDecay },
        clipNorm: settings.clip,
      },
      evalEvery: settings.evalEvery, checkpointEvery: settings.checkpointEvery,
      historyEvery: Math.max(10, Math.round(settings.steps / 200)),
      resume: resumeFrom,
      onProgress: (p: TrainProgress) => session.log(formatProgress(p), p.step === p.totalSteps || (settings.evalEvery > 0 && p.step % settings.evalEvery === 0)),
      onCheckpoint: save,
      shouldCancel: session.shouldCancel,
    });
  } finally {
    await gradients.dispose();
  }
  if (result.cancelled) await save(result.snapshot);
  else await writeModel(settings, config, data.info, data.tokenizer, result, session.threads, resumeFrom ? { step: resumeFrom.step, command: requested.command } : undefined);
  return { result, settings, config, parameterCount: paramCount(config), resumedFrom: resumeFrom?.step, checkpoint: lastCheckpoint };
}

/** Writes manifest.json + weights.bin with the run's provenance. */
async function writeModel(
  settings: RunSettings, config: ModelConfig, dataInfo: Record<string, unknown>, tokenizer: Awaited<ReturnType<typeof loadTrainingData>>['tokenizer'],
  result: TrainResult, threads: number, resumed: { step: number; command: string } | undefined,
): Promise<void> {
  const params = flatTensors(config);
  params.flat.set(result.snapshot.params);
  const { tokenizer: _tokenizerSpec, ...recordedSettings } = settings;
  await writeModelDir(settings.out, { config, params: params.tensors }, tokenizer, {
    name: settings.name,
    provenance: {
      trained: true,
      trainer: 'engine/train: hand-written backward, AdamW, cosine schedule (scripts/train)',
      command: settings.command,
      corpus: dataInfo,
      vocabSize: config.vocabSize,
      parameterCount: paramCount(config),
      ...(typeof dataInfo.hGen === 'number' ? { hGen: dataInfo.hGen, hGenValidation: dataInfo.hGenValidation } : {}),
      startLoss: result.startValLoss,
      lnV: Math.log(config.vocabSize),
      finalTrainLoss: result.finalTrainLoss,
      finalValLoss: result.finalValLoss,
      steps: result.steps,
      tokensSeen: result.tokensSeen,
      wallSeconds: result.elapsedSeconds,
      tokensPerSecond: result.tokensPerSecond,
      threads,
      ...(resumed ? { resumedFromStep: resumed.step, resumeCommand: resumed.command } : {}),
      settings: recordedSettings,
      history: result.history,
      finishedAt: new Date().toISOString(),
    },
  });
}
