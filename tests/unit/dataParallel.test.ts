/** Data-parallel training on 2 threads against the single-thread trainer. */
import { describe, expect, it } from 'vitest';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { train } from '../../engine/train/trainer.ts';
import { createParallelGradients, shareParams } from '../../scripts/train/dataParallel.ts';
import { tinyRun } from './trainFixture.ts';

const STEPS = 6;

/** A tiny run whose weights live in shared memory, trained by 2 threads (this one + 1 worker). */
async function twoThreadRun() {
  const run = tinyRun(STEPS);
  const shared = shareParams(run.config, run.params.tensors);
  const gradients = createParallelGradients(shared, { shards: 2 });
  try {
    return await train({ ...run, params: shared.params, gradients, evalEvery: 3 });
  } finally {
    await gradients.dispose();
  }
}

describe('data-parallel training (worker_threads)', () => {
  it('2 threads give bit-identical weights to 1 thread with the same 2 shards, and match an unsharded run within 1e-5', async () => {
    const parallel = await twoThreadRun();
    const sameShards = await train({ ...tinyRun(STEPS), evalEvery: 3 });
    expect(parallel.snapshot.params).toEqual(sameShards.snapshot.params);
    expect(parallel.lastTrainLoss).toBe(sameShards.lastTrainLoss);
    expect(parallel.finalValLoss).toBeCloseTo(sameShards.finalValLoss!, 10);

    const unsharded = tinyRun(STEPS);
    unsharded.gradients = createLocalGradients({ config: unsharded.config, params: unsharded.params.tensors }, { shards: 1 });
    const single = await train(unsharded);
    let maxDiff = 0;
    for (let i = 0; i < single.snapshot.params.length; i++) maxDiff = Math.max(maxDiff, Math.abs(single.snapshot.params[i] - parallel.snapshot.params[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    // ...and the runs really did move the weights (the comparison is not between two untouched copies).
    const start = tinyRun(0).params.flat;
    expect(parallel.snapshot.params).not.toEqual(start);
  });
});
