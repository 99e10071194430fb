/** Checkpoints on disk: an interrupted run resumed from its checkpoint ends with the same weights as an uninterrupted one. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLatestCheckpoint } from '../../scripts/train/checkpoint.ts';
import type { RunSettings, SessionOptions } from '../../scripts/train/runTraining.ts';
import { runTraining } from '../../scripts/train/runTraining.ts';

const root = mkdtempSync(join(tmpdir(), 'te-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function settings(out: string): RunSettings {
  return {
    name: 'tiny', out, config: { contextLength: 16, dModel: 16, nLayers: 2, nHeads: 2, dFF: 32, positions: 'rotary', ropeBase: 10000 },
    causal: true, data: { kind: 'tinyworld', seed: 1234, documents: 200 }, steps: 8, batch: 4, seed: 3,
    lr: 3e-3, warmup: 2, lrFloor: 3e-4, weightDecay: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8, clip: 1,
    evalEvery: 4, evalWindows: 8, checkpointEvery: 3, shards: 2, command: 'test',
  };
}

function session(checkpointDir: string, opts: Partial<SessionOptions> = {}): SessionOptions {
  return { threads: 1, checkpointDir, resume: false, log: () => {}, shouldCancel: () => false, ...opts };
}

describe('checkpoint and resume', () => {
  it('stop at step 5, resume on 2 threads: same weights.bin as an uninterrupted run', async () => {
    const whole = await runTraining(settings(join(root, 'whole')), session(join(root, 'ck-whole')));
    expect(whole.result.steps).toBe(8);

    let checks = 0;
    const ck = join(root, 'ck-split');
    const first = await runTraining(settings(join(root, 'split')), session(ck, { shouldCancel: () => ++checks > 5 }));
    expect(first.result.cancelled).toBe(true);
    expect(first.result.steps).toBe(5);
    const saved = await readLatestCheckpoint<RunSettings>(ck);
    expect(saved?.state.step).toBe(5);
    expect(saved?.state.run.steps).toBe(8);
    // Checkpoints every 3 steps plus the one written on stopping; only the newest two are kept.
    expect(readdirSync(ck).filter((f) => f.startsWith('step-')).sort()).toEqual(['step-000003', 'step-000005']);

    const resumed = await runTraining(settings(join(root, 'split')), session(ck, { resume: true, threads: 2 }));
    expect(resumed.resumedFrom).toBe(5);
    expect(resumed.result.steps).toBe(8);
    expect(readFileSync(join(root, 'split', 'weights.bin'))).toEqual(readFileSync(join(root, 'whole', 'weights.bin')));
    const manifest = JSON.parse(readFileSync(join(root, 'split', 'manifest.json'), 'utf8'));
    expect(manifest.provenance.resumedFromStep).toBe(5);
    expect(manifest.provenance.startLoss).toBeCloseTo(whole.result.startValLoss!, 12);
  });

  it('refuses a damaged checkpoint', async () => {
    const ck = join(root, 'ck-whole');
    const latest = JSON.parse(readFileSync(join(ck, 'latest.json'), 'utf8')) as { dir: string };
    const file = join(ck, latest.dir, 'tensors.bin');
    const bytes = readFileSync(file);
    bytes[100] ^= 0xff;
    writeFileSync(file, bytes);
    await expect(readLatestCheckpoint(ck)).rejects.toThrow(/damaged/);
  });
});
