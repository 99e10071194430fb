/**
 * The training module's public surface, for the CLI trainer and the browser's fine-tuning worker.
 * Typical use: copy a model's weights into flat storage, make a gradient computer over them, and
 * run `train` with a batch source; the weights are updated in place.
 *
 *   const params = copyIntoFlat(config, model.params);
 *   const gradients = createLocalGradients({ config, params: params.tensors });
 *   await train({ config, params, gradients, batches: new SequenceBatches(seqs, { T, B, seed }), steps, optimizer, ... });
 */
export { PAD_ID, padSequences, shardBatch, batchRows, countTargets } from './batch.ts';
export type { TokenBatch } from './batch.ts';
export { WindowBatches, sequentialBatches, epochWindowStarts } from './batches.ts';
export type { DataCursor } from './batches.ts';
export { SequenceBatches } from './sequenceBatches.ts';
export { createLocalGradients, shardGradients, shardLoss } from './gradients.ts';
export type { GradientComputer, GradientOptions } from './gradients.ts';
export { flatTensors, copyIntoFlat, addInto, globalNorm } from './grads.ts';
export type { FlatTensors, Grads } from './grads.ts';
export { DEFAULT_ADAMW, adamwStep, createAdamWState, decayMask, decaysWeight } from './adamw.ts';
export type { AdamWSettings, AdamWState } from './adamw.ts';
export { clipGlobalNorm } from './clip.ts';
export { learningRateAt } from './schedule.ts';
export type { Schedule } from './schedule.ts';
export { trainStep } from './trainStep.ts';
export type { OptimizerSettings, StepResult, StepState } from './trainStep.ts';
export { train, validationLoss } from './trainer.ts';
export type { BatchSource, HistoryPoint, TrainProgress, TrainResult, TrainerOptions, TrainerSnapshot } from './trainer.ts';
export { forwardForTraining } from './forwardForTraining.ts';
export type { Activations } from './forwardForTraining.ts';
export { backward } from './backward.ts';
export { softmaxCrossEntropy } from './lossBackward.ts';
export { wordTokenStream, documentTokenStream } from './tokenStream.ts';
