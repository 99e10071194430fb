/**
 * One optimisation step: gradients of the batch's mean loss, global-norm clipping, the scheduled
 * learning rate, and an AdamW update of the flat parameters in place.
 */
import type { AdamWSettings, AdamWState } from './adamw.ts';
import { adamwStep } from './adamw.ts';
import type { TokenBatch } from './batch.ts';
import { clipGlobalNorm } from './clip.ts';
import type { GradientComputer } from './gradients.ts';
import type { FlatTensors } from './grads.ts';
import type { Schedule } from './schedule.ts';
import { learningRateAt } from './schedule.ts';

/** Everything that decides how parameters move, apart from the data. */
export interface OptimizerSettings {
  schedule: Schedule;
  adamw: AdamWSettings;
  /** Largest allowed global gradient norm (0 or Infinity switches clipping off). */
  clipNorm: number;
}

/** The mutable state one step reads and updates. params.tensors must be the model's params. */
export interface StepState {
  params: FlatTensors;
  grads: FlatTensors;
  adam: AdamWState;
  /** decayMask(config): which flat entries get weight decay. */
  decay: Uint8Array;
}

/** What one step measured. */
export interface StepResult {
  /** The update number just applied (1-based). */
  step: number;
  /** Mean cross-entropy of the batch before the update (nats/token). */
  loss: number;
  /** Number of positions that carried loss. */
  tokens: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** Learning rate used for this update. */
  lr: number;
}

/** Runs one training step on a batch. */
export async function trainStep(gradients: GradientComputer, state: StepState, batch: TokenBatch, settings: OptimizerSettings): Promise<StepResult> {
  const { lossSum, count } = await gradients.computeGradients(batch, state.grads);
  const gradNorm = clipGlobalNorm(state.grads.flat, settings.clipNorm);
  if (!Number.isFinite(gradNorm)) throw new RangeError(`trainStep: the gradient is not finite (norm ${gradNorm}); lower the learning rate.`);
  const step = state.adam.step + 1;
  const lr = learningRateAt(step, settings.schedule);
  adamwStep(state.params.flat, state.grads.flat, state.adam, lr, settings.adamw, state.decay);
  return { step, loss: lossSum / count, tokens: count, gradNorm, lr };
}
