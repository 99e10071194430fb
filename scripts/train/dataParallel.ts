/**
 * Data-parallel gradients on worker threads (Node only). Every batch is split into `shards` row
 * groups (engine/train/batch.ts shardBatch). Shard 0 runs on the main thread, shard i on worker
 * i; the main thread then adds the workers' gradients to its own in shard order and the
 * optimiser steps once.
 *
 * What is guaranteed: the result is BIT-IDENTICAL to createLocalGradients with the same number
 * of shards on one thread, because each shard's gradient is computed by the same code on the
 * same weights and the shards are summed in the same order (shard 0 + shard 1 + …). Runs with a
 * different shard count differ only in float32 summation order (≈1e-7 relative per step).
 * The weights live in a SharedArrayBuffer, so nothing is copied per step except the ids.
 */
import { Worker } from 'node:worker_threads';
import type { ModelConfig } from '../../engine/config.ts';
import type { Model } from '../../engine/model.ts';
import { paramCount } from '../../engine/params.ts';
import { reusableScratch } from '../../engine/scratch.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { PAD_ID, countTargets, shardBatch } from '../../engine/train/batch.ts';
import type { GradientComputer, GradientOptions } from '../../engine/train/gradients.ts';
import { shardGradients, shardLoss } from '../../engine/train/gradients.ts';
import type { FlatTensors } from '../../engine/train/grads.ts';
import { addInto, copyIntoFlat, flatTensors } from '../../engine/train/grads.ts';
import type { LossSum } from '../../engine/train/lossBackward.ts';
import type { GradWorkerInit, GradWorkerJob, GradWorkerReply } from './gradWorker.ts';

/** Model weights in shared memory, ready to hand to workers. */
export interface SharedModel {
  model: Model;
  params: FlatTensors;
  buffer: SharedArrayBuffer;
}

/** Copies weights into a SharedArrayBuffer (the trainer then updates them in place). */
export function shareParams(config: ModelConfig, params: Model['params']): SharedModel {
  const buffer = new SharedArrayBuffer(paramCount(config) * 4);
  const flat = copyIntoFlat(config, params, flatTensors(config, buffer));
  return { model: { config, params: flat.tensors }, params: flat, buffer };
}

interface WorkerHandle {
  worker: Worker;
  grads: FlatTensors;
  pending: Map<number, { resolve(r: LossSum): void; reject(e: Error): void }>;
}

/** A GradientComputer using `shards` threads: this one plus shards − 1 workers. */
export function createParallelGradients(shared: SharedModel, opts: GradientOptions & { shards: number }): GradientComputer {
  const { config } = shared.model;
  const shards = opts.shards;
  if (!Number.isInteger(shards) || shards < 2) throw new RangeError('createParallelGradients: use at least 2 shards (1 thread needs no workers).');
  const ignoreId = opts.ignoreId ?? PAD_ID;
  const causal = opts.causal !== false;
  const control = new Int32Array(new SharedArrayBuffer(4 * shards));
  const scratch = reusableScratch();
  let nextId = 1;
  let failure: Error | undefined;

  const workers: WorkerHandle[] = Array.from({ length: shards - 1 }, (_, i) => {
    const gradsBuffer = new SharedArrayBuffer(paramCount(config) * 4);
    const init: GradWorkerInit = { index: i, config, params: shared.buffer, grads: gradsBuffer, control: control.buffer as SharedArrayBuffer, causal, ignoreId };
    const worker = new Worker(new URL('./gradWorker.ts', import.meta.url), { workerData: init });
    const handle: WorkerHandle = { worker, grads: flatTensors(config, gradsBuffer), pending: new Map() };
    worker.on('message', (reply: GradWorkerReply) => {
      const waiter = handle.pending.get(reply.id);
      if (!waiter) return;
      handle.pending.delete(reply.id);
      if ('error' in reply) waiter.reject(new Error(`training worker ${i + 1}: ${reply.error}`));
      else waiter.resolve({ lossSum: reply.lossSum, count: reply.count });
    });
    const fail = (err: Error) => {
      failure = err;
      for (const waiter of handle.pending.values()) waiter.reject(err);
      handle.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (handle.pending.size > 0) fail(new Error(`training worker ${i + 1} exited (code ${code}) in the middle of a step.`));
    });
    return handle;
  });

  const send = (handle: WorkerHandle, kind: GradWorkerJob['kind'], shard: TokenBatch, gradScale: number): Promise<LossSum> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    // Copies of the ids: the shard views share a buffer with the rest of the batch.
    const inputs = shard.inputs.slice();
    const targets = shard.targets.slice();
    const job: GradWorkerJob = { id, kind, B: shard.B, T: shard.T, inputs, targets, gradScale };
    return new Promise<LossSum>((resolve, reject) => {
      handle.pending.set(id, { resolve, reject });
      handle.worker.postMessage(job, [inputs.buffer, targets.buffer]);
    });
  };

  /** Runs shards 1.. on workers and shard 0 here, then returns the results in shard order. */
  const runAll = async (batch: TokenBatch, kind: GradWorkerJob['kind'], local: (shard: TokenBatch) => LossSum, gradScale: number): Promise<LossSum[]> => {
    const parts = shardBatch(batch, Math.min(shards, batch.B));
    Atomics.add(control, 0, 1); // publish the current weights to the workers
    const remote = parts.slice(1).map((shard, i) => send(workers[i], kind, shard, gradScale));
    let first: LossSum;
    try {
      first = local(parts[0]);
    } finally {
      // Even if the local shard failed, wait for the workers so no job is left running.
      await Promise.allSettled(remote);
    }
    const rest = await Promise.all(remote);
    for (let i = 0; i < rest.length; i++) Atomics.load(control, 1 + i); // acquire each worker's gradients
    return [first, ...rest];
  };

  return {
    async computeGradients(batch, grads) {
      const total = countTargets(batch, ignoreId);
      if (total === 0) throw new RangeError('computeGradients: the batch has no positions to learn from (every target is ignored).');
      const results = await runAll(batch, 'gradients', (shard) => shardGradients(shared.model, shard, 1 / total, grads, scratch, { causal, ignoreId }), 1 / total);
      let lossSum = results[0].lossSum;
      for (let i = 1; i < results.length; i++) {
        addInto(grads.flat, workers[i - 1].grads.flat);
        lossSum += results[i].lossSum;
      }
      return { lossSum, count: total };
    },
    async evaluateLoss(batch) {
      const results = await runAll(batch, 'loss', (shard) => shardLoss(shared.model, shard, scratch, { causal, ignoreId }), 1);
      return results.reduce((acc, r) => ({ lossSum: acc.lossSum + r.lossSum, count: acc.count + r.count }), { lossSum: 0, count: 0 });
    },
    async dispose() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
