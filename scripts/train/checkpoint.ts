/**
 * Training checkpoints on disk (Node only). Layout of a checkpoint directory:
 *
 *   latest.json              {"step": 1200, "dir": "step-001200"}   which checkpoint to resume from
 *   step-001200/state.json   run settings, step, data cursor, history, sha256 of tensors.bin
 *   step-001200/tensors.bin  params, AdamW m, AdamW v: three float32 little-endian blocks in paramSpecs order
 *
 * Writes are atomic: a checkpoint is written into a temporary folder and renamed into place, and
 * only then does latest.json (itself written to a temp file and renamed) point at it, so a crash
 * at any moment leaves the previous checkpoint intact. The two newest checkpoints are kept.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { ModelConfig } from '../../engine/config.ts';
import { paramCount } from '../../engine/params.ts';
import type { TrainerSnapshot } from '../../engine/train/trainer.ts';

/** The JSON part of a checkpoint; `run` is whatever the caller needs to rebuild the run (settings, data description). */
export interface CheckpointState<Run> {
  format: 'transformer-explorables-checkpoint';
  version: 1;
  config: ModelConfig;
  run: Run;
  step: number;
  tokensSeen: number;
  cursor: TrainerSnapshot['cursor'];
  adamStep: number;
  history: TrainerSnapshot['history'];
  startValLoss?: number;
  elapsedSeconds: number;
  tensors: { file: 'tensors.bin'; sha256: string; floats: number };
  savedAt: string;
}

const KEEP = 2;

function assertLittleEndian(): void {
  // Float32Array bytes are in the machine's order; the file format is little-endian.
  if (endianness() !== 'LE') throw new Error('Checkpoints are stored little-endian; this machine is big-endian.');
}

const stepDirName = (step: number) => `step-${String(step).padStart(6, '0')}`;

/** Writes a checkpoint atomically and prunes older ones; returns the checkpoint's folder. */
export async function writeCheckpoint<Run>(dir: string, config: ModelConfig, run: Run, snapshot: TrainerSnapshot): Promise<string> {
  assertLittleEndian();
  const n = paramCount(config);
  if (snapshot.params.length !== n || snapshot.adam.m.length !== n || snapshot.adam.v.length !== n) {
    throw new RangeError('writeCheckpoint: the snapshot does not match the config.');
  }
  const blob = new Float32Array(3 * n);
  blob.set(snapshot.params, 0);
  blob.set(snapshot.adam.m, n);
  blob.set(snapshot.adam.v, 2 * n);
  const bytes = new Uint8Array(blob.buffer);
  const state: CheckpointState<Run> = {
    format: 'transformer-explorables-checkpoint', version: 1, config, run,
    step: snapshot.step, tokensSeen: snapshot.tokensSeen, cursor: snapshot.cursor, adamStep: snapshot.adam.step,
    history: snapshot.history, startValLoss: snapshot.startValLoss, elapsedSeconds: snapshot.elapsedSeconds,
    tensors: { file: 'tensors.bin', sha256: createHash('sha256').update(bytes).digest('hex'), floats: 3 * n },
    savedAt: new Date().toISOString(),
  };
  await mkdir(dir, { recursive: true });
  const name = stepDirName(snapshot.step);
  const temp = join(dir, `.tmp-${name}-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  await writeFile(join(temp, 'tensors.bin'), bytes);
  await writeFile(join(temp, 'state.json'), `${JSON.stringify(state, null, 1)}\n`);
  const final = join(dir, name);
  await rm(final, { recursive: true, force: true }); // only after a crash mid-way through this same step
  await rename(temp, final);
  const pointer = join(dir, `.latest-${process.pid}.json`);
  await writeFile(pointer, `${JSON.stringify({ step: snapshot.step, dir: name })}\n`);
  await rename(pointer, join(dir, 'latest.json'));
  const old = (await readdir(dir)).filter((f) => /^step-\d+$/u.test(f)).sort().slice(0, -KEEP);
  await Promise.all(old.map((f) => rm(join(dir, f), { recursive: true, force: true })));
  return final;
}

/** A checkpoint read back: its JSON state and the snapshot the trainer resumes from. */
export interface LoadedCheckpoint<Run> {
  state: CheckpointState<Run>;
  snapshot: TrainerSnapshot;
  path: string;
}

/** Reads the checkpoint latest.json points at (checksum verified), or undefined if the folder has none. */
export async function readLatestCheckpoint<Run>(dir: string): Promise<LoadedCheckpoint<Run> | undefined> {
  assertLittleEndian();
  let pointer: { dir?: unknown };
  try {
    pointer = JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8')) as { dir?: unknown };
  } catch {
    return undefined;
  }
  if (typeof pointer.dir !== 'string' || !/^step-\d+$/u.test(pointer.dir)) throw new Error(`${join(dir, 'latest.json')} does not name a checkpoint folder.`);
  const path = join(dir, pointer.dir);
  const state = JSON.parse(await readFile(join(path, 'state.json'), 'utf8')) as CheckpointState<Run>;
  if (state.format !== 'transformer-explorables-checkpoint' || state.version !== 1) throw new Error(`${path} is not a checkpoint this trainer can read.`);
  const bytes = new Uint8Array(await readFile(join(path, 'tensors.bin')));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== state.tensors.sha256) throw new Error(`${path}/tensors.bin is damaged (sha256 ${sha}, expected ${state.tensors.sha256}).`);
  const n = paramCount(state.config);
  if (bytes.byteLength !== 12 * n) throw new Error(`${path}/tensors.bin has ${bytes.byteLength} bytes, expected ${12 * n}.`);
  const blob = new Float32Array(bytes.buffer, bytes.byteOffset, 3 * n);
  const snapshot: TrainerSnapshot = {
    step: state.step, tokensSeen: state.tokensSeen, cursor: state.cursor,
    params: blob.slice(0, n), adam: { m: blob.slice(n, 2 * n), v: blob.slice(2 * n), step: state.adamStep },
    history: state.history, startValLoss: state.startValLoss, elapsedSeconds: state.elapsedSeconds,
  };
  return { state, snapshot, path };
}
