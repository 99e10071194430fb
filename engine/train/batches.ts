/**
 * Deterministic packing of a token stream into training windows. The stream is the training
 * split's documents back to back (each already ends in <eos>, which is what separates them).
 * Each epoch cuts it into windows of T+1 tokens (T inputs, T shifted targets) at a seeded offset
 * in [0, T), and visits the windows in a seeded random order. Both depend only on (seed, epoch),
 * so the whole data order is a pure function of the seed and the cursor {epoch, index}: a
 * checkpoint needs to store only those two numbers to resume exactly.
 */
import { createRng } from '../rng.ts';
import type { TokenBatch } from './batch.ts';

/** Where the next window comes from: the epoch and the position in that epoch's window order. */
export interface DataCursor {
  epoch: number;
  index: number;
}

/** One epoch's plan: where its windows start, in visiting order. */
interface EpochPlan {
  epoch: number;
  starts: Int32Array;
}

/** An epoch's seed, mixed so neighbouring epochs and seeds give unrelated streams. */
function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(epoch + 1, 0x85ebca6b)) >>> 0;
}

/** The window starts of one epoch, shuffled (Fisher–Yates). tokens: [N] -> starts: [W] */
export function epochWindowStarts(streamLength: number, T: number, seed: number, epoch: number): Int32Array {
  const rng = createRng(epochSeed(seed, epoch));
  const offset = Math.floor(rng() * T);
  const count = Math.max(0, Math.floor((streamLength - 1 - offset) / T));
  const starts = Int32Array.from({ length: count }, (_, i) => offset + i * T);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = starts[i];
    starts[i] = starts[j];
    starts[j] = swap;
  }
  return starts;
}

/** Hands out [B, T] batches of windows from a token stream, resumable from a cursor. */
export class WindowBatches {
  readonly tokens: Int32Array;
  readonly T: number;
  readonly B: number;
  readonly seed: number;
  private position: DataCursor;
  private plan: EpochPlan | undefined;

  constructor(tokens: Int32Array, opts: { T: number; B: number; seed: number; cursor?: DataCursor }) {
    if (tokens.length < opts.T + 2) throw new RangeError(`WindowBatches: the stream has ${tokens.length} tokens; it needs more than T + 1 = ${opts.T + 1}.`);
    this.tokens = tokens;
    this.T = opts.T;
    this.B = opts.B;
    this.seed = opts.seed;
    this.position = { ...(opts.cursor ?? { epoch: 0, index: 0 }) };
  }

  /** The cursor of the NEXT window (save it with a checkpoint). */
  get cursor(): DataCursor {
    return { ...this.position };
  }

  /** Windows in one epoch (depends slightly on that epoch's offset). */
  windowsInEpoch(epoch: number): number {
    return this.planFor(epoch).starts.length;
  }

  private planFor(epoch: number): EpochPlan {
    if (this.plan?.epoch !== epoch) this.plan = { epoch, starts: epochWindowStarts(this.tokens.length, this.T, this.seed, epoch) };
    return this.plan;
  }

  /** The next B windows (rolling over into the next epoch when one runs out). -> [B, T] */
  next(): TokenBatch {
    const { B, T, tokens } = this;
    const inputs = new Int32Array(B * T);
    const targets = new Int32Array(B * T);
    for (let b = 0; b < B; b++) {
      let plan = this.planFor(this.position.epoch);
      if (this.position.index >= plan.starts.length) {
        this.position = { epoch: this.position.epoch + 1, index: 0 };
        plan = this.planFor(this.position.epoch);
      }
      const start = plan.starts[this.position.index++];
      inputs.set(tokens.subarray(start, start + T), b * T);
      targets.set(tokens.subarray(start + 1, start + T + 1), b * T);
    }
    return { B, T, inputs, targets };
  }
}

/**
 * Validation batches: consecutive non-overlapping windows from the start of a stream (no
 * shuffling, so every evaluation sees the same tokens), at most maxWindows of them.
 * tokens: [N] -> batches of up to [B, T]
 */
export function sequentialBatches(tokens: Int32Array, T: number, B: number, maxWindows = Infinity): TokenBatch[] {
  const windows = Math.min(maxWindows, Math.floor((tokens.length - 1) / T));
  const batches: TokenBatch[] = [];
  for (let w0 = 0; w0 < windows; w0 += B) {
    const rows = Math.min(B, windows - w0);
    const inputs = new Int32Array(rows * T);
    const targets = new Int32Array(rows * T);
    for (let b = 0; b < rows; b++) {
      const start = (w0 + b) * T;
      inputs.set(tokens.subarray(start, start + T), b * T);
      targets.set(tokens.subarray(start + 1, start + T + 1), b * T);
    }
    batches.push({ B: rows, T, inputs, targets });
  }
  return batches;
}
