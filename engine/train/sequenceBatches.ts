/**
 * Batches of whole sequences (e.g. fine-tuning sentences, each ending in <eos>), one per row,
 * padded to T with <pad> targets that carry no loss. Each epoch visits every sequence once in a
 * seeded order; like WindowBatches, the order depends only on (seed, epoch), so the cursor
 * {epoch, index} is all a checkpoint needs.
 */
import { createRng } from '../rng.ts';
import type { TokenBatch } from './batch.ts';
import { PAD_ID, padSequences } from './batch.ts';
import type { DataCursor } from './batches.ts';

/** Shuffled, padded batches of B sequences from a fixed list. */
export class SequenceBatches {
  readonly sequences: readonly (readonly number[])[];
  readonly T: number;
  readonly B: number;
  readonly seed: number;
  readonly padId: number;
  private position: DataCursor;
  private order: { epoch: number; indices: Int32Array } | undefined;

  constructor(sequences: readonly (readonly number[])[], opts: { T: number; B: number; seed: number; padId?: number; cursor?: DataCursor }) {
    if (sequences.length === 0) throw new RangeError('SequenceBatches: give at least one sequence.');
    if (sequences.some((s) => s.length < 2)) throw new RangeError('SequenceBatches: every sequence needs at least two tokens (an input and its target).');
    this.sequences = sequences;
    this.T = opts.T;
    this.B = opts.B;
    this.seed = opts.seed;
    this.padId = opts.padId ?? PAD_ID;
    this.position = { ...(opts.cursor ?? { epoch: 0, index: 0 }) };
  }

  /** The cursor of the next sequence. */
  get cursor(): DataCursor {
    return { ...this.position };
  }

  /** Sequence indices of one epoch in visiting order (Fisher–Yates with the epoch's seed). */
  private orderFor(epoch: number): Int32Array {
    if (this.order?.epoch !== epoch) {
      const rng = createRng((Math.imul(this.seed ^ 0x27d4eb2f, 0x9e3779b1) + epoch) >>> 0);
      const indices = Int32Array.from(this.sequences, (_, i) => i);
      for (let i = indices.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [indices[i], indices[j]] = [indices[j], indices[i]];
      }
      this.order = { epoch, indices };
    }
    return this.order.indices;
  }

  /** The next B sequences, padded. -> [B, T] */
  next(): TokenBatch {
    const rows: (readonly number[])[] = [];
    while (rows.length < this.B) {
      if (this.position.index >= this.sequences.length) this.position = { epoch: this.position.epoch + 1, index: 0 };
      rows.push(this.sequences[this.orderFor(this.position.epoch)[this.position.index++]]);
    }
    return padSequences(rows, this.T, this.padId);
  }
}
