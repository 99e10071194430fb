/**
 * Worker-thread side of data-parallel training (Node only). The weights live in a
 * SharedArrayBuffer written by the main thread; this worker computes loss and gradients of the
 * shard it is sent, writes them into its own shared gradient buffer, and replies with the loss.
 *
 * Memory ordering: the main thread bumps control[0] with an atomic add after each optimiser
 * update and before posting work; the worker reads it atomically before touching the weights.
 * After writing its gradients the worker stores the job id into control[1 + index] atomically
 * before replying. Those seq-cst atomics order the plain Float32Array reads and writes around them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ModelConfig } from '../../engine/config.ts';
import { reusableScratch } from '../../engine/scratch.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { shardGradients, shardLoss } from '../../engine/train/gradients.ts';
import { flatTensors } from '../../engine/train/grads.ts';

/** What the worker is started with. */
export interface GradWorkerInit {
  index: number;
  config: ModelConfig;
  params: SharedArrayBuffer;
  grads: SharedArrayBuffer;
  control: SharedArrayBuffer;
  causal: boolean;
  ignoreId: number;
}

/** One job: a shard and what to compute on it. */
export interface GradWorkerJob {
  id: number;
  kind: 'gradients' | 'loss';
  B: number;
  T: number;
  inputs: Int32Array;
  targets: Int32Array;
  gradScale: number;
}

/** The reply to a job. */
export type GradWorkerReply = { id: number; lossSum: number; count: number } | { id: number; error: string };

const init = workerData as GradWorkerInit;
const model = { config: init.config, params: flatTensors(init.config, init.params).tensors };
const grads = flatTensors(init.config, init.grads);
const control = new Int32Array(init.control);
const scratch = reusableScratch();
const opts = { causal: init.causal, ignoreId: init.ignoreId };

parentPort!.on('message', (job: GradWorkerJob) => {
  try {
    Atomics.load(control, 0); // acquire the weights the main thread wrote
    const shard: TokenBatch = { B: job.B, T: job.T, inputs: job.inputs, targets: job.targets };
    const loss = job.kind === 'gradients' ? shardGradients(model, shard, job.gradScale, grads, scratch, opts) : shardLoss(model, shard, scratch, opts);
    Atomics.store(control, 1 + init.index, job.id); // release the gradients before replying
    parentPort!.postMessage({ id: job.id, lossSum: loss.lossSum, count: loss.count } satisfies GradWorkerReply);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies GradWorkerReply);
  }
});
