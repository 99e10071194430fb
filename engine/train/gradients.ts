/**
 * Loss and gradients of one batch on the current thread: forward, softmax cross-entropy,
 * backward. A batch may be processed as several shards (row groups) whose gradients are summed
 * in shard order; the Node trainer runs the same shards on worker threads and sums them in the
 * same order, which is why one and two threads give bit-identical results.
 */
import type { Model } from '../model.ts';
import type { Scratch } from '../scratch.ts';
import { reusableScratch } from '../scratch.ts';
import type { TokenBatch } from './batch.ts';
import { PAD_ID, countTargets, shardBatch } from './batch.ts';
import { backward } from './backward.ts';
import { forwardForTraining } from './forwardForTraining.ts';
import type { FlatTensors } from './grads.ts';
import { addInto, flatTensors } from './grads.ts';
import type { LossSum } from './lossBackward.ts';
import { softmaxCrossEntropy } from './lossBackward.ts';

/** Options shared by the gradient computations. */
export interface GradientOptions {
  /** Causal mask on (default) or off. */
  causal?: boolean;
  /** Targets equal to this id carry no loss (default <pad> = 0; use -1 for none). */
  ignoreId?: number;
}

/** Computes a batch's loss and gradients; local (this thread) or spread over worker threads. */
export interface GradientComputer {
  /** Writes the gradient of the batch's mean loss into `grads.flat` (overwritten); resolves to the summed loss. */
  computeGradients(batch: TokenBatch, grads: FlatTensors): Promise<LossSum>;
  /** Loss only (no backward). */
  evaluateLoss(batch: TokenBatch): Promise<LossSum>;
  /** Releases threads or buffers, if any. */
  dispose(): Promise<void>;
}

/**
 * Forward + loss + backward of one shard. gradScale = 1/(counted targets of the WHOLE batch), so
 * the shards' gradients add up to the gradient of the batch mean. Overwrites `grads`.
 * shard: [b, T] -> grads, { lossSum, count }
 */
export function shardGradients(model: Model, shard: TokenBatch, gradScale: number, grads: FlatTensors, scratch: Scratch, opts: GradientOptions = {}): LossSum {
  const acts = forwardForTraining(model, shard, scratch, { causal: opts.causal });
  const R = shard.B * shard.T;
  const V = model.config.vocabSize;
  const dLogits = scratch.get('grad.dLogits', R * V);
  const loss = softmaxCrossEntropy(acts.logits, shard.targets, R, V, dLogits, gradScale, opts.ignoreId ?? PAD_ID);
  backward(model, acts, shard.inputs, dLogits, grads.tensors, scratch);
  return loss;
}

/** Loss of one shard without gradients. shard: [b, T] -> { lossSum, count } */
export function shardLoss(model: Model, shard: TokenBatch, scratch: Scratch, opts: GradientOptions = {}): LossSum {
  const acts = forwardForTraining(model, shard, scratch, { causal: opts.causal });
  return softmaxCrossEntropy(acts.logits, shard.targets, shard.B * shard.T, model.config.vocabSize, undefined, 1, opts.ignoreId ?? PAD_ID);
}

/** A GradientComputer that runs every shard on this thread, in order. */
export function createLocalGradients(model: Model, opts: GradientOptions & { shards?: number } = {}): GradientComputer {
  const scratch = reusableScratch();
  const shards = opts.shards ?? 1;
  let spare: FlatTensors | undefined;
  return {
    async computeGradients(batch, grads) {
      const total = countTargets(batch, opts.ignoreId ?? PAD_ID);
      if (total === 0) throw new RangeError('computeGradients: the batch has no positions to learn from (every target is ignored).');
      const parts = shardBatch(batch, Math.min(shards, batch.B));
      let lossSum = 0;
      parts.forEach((shard, i) => {
        // Shard 0 writes straight into grads; later shards go through a spare record and are added.
        if (i > 0) spare ??= flatTensors(model.config);
        const target = i === 0 ? grads : spare!;
        lossSum += shardGradients(model, shard, 1 / total, target, scratch, opts).lossSum;
        if (i > 0) addInto(grads.flat, target.flat);
      });
      return { lossSum, count: total };
    },
    async evaluateLoss(batch) {
      return shardLoss(model, batch, scratch, opts);
    },
    async dispose() {},
  };
}
