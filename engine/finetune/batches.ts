// Fine-tuning batches: a seeded, epoch-shuffled pick of training sentences, plus every replay sentence in
// every batch (curriculum C-13: replaying known facts is what keeps them from being forgotten).
import { createRng } from '../rng.ts';
import { padSequences, PAD_ID, type TokenBatch } from '../train/batch.ts';
import type { DataCursor } from '../train/batches.ts';
import type { BatchSource } from '../train/trainer.ts';

/** Batches of up to `batch` training sequences (whole epochs in a seeded order) followed by all replay sequences. */
export class ReplayBatches implements BatchSource {
  private position: DataCursor = { epoch: 0, index: 0 };
  private order: number[] = [];

  constructor(
    private readonly sequences: readonly (readonly number[])[],
    private readonly replay: readonly (readonly number[])[],
    private readonly opts: { T: number; batch: number; seed: number; cursor?: DataCursor },
  ) {
    if (sequences.length === 0) throw new RangeError('Fine-tuning needs at least one training sentence.');
    // The order depends only on (seed, epoch), so a saved cursor is all a resumed run needs.
    if (opts.cursor) this.position = { ...opts.cursor };
    this.shuffle();
  }

  /** Where the next batch starts (epoch and index into that epoch's order). */
  get cursor(): DataCursor {
    return { ...this.position };
  }

  private shuffle(): void {
    const rng = createRng(this.opts.seed * 1009 + this.position.epoch);
    this.order = this.sequences.map((_, i) => i);
    for (let i = this.order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
    }
  }

  /** The next batch: [rows, T] with <pad> targets where a sentence is shorter than T. */
  next(): TokenBatch {
    const rows: (readonly number[])[] = [];
    const take = Math.min(this.opts.batch, this.sequences.length);
    while (rows.length < take) {
      if (this.position.index >= this.order.length) {
        this.position = { epoch: this.position.epoch + 1, index: 0 };
        this.shuffle();
      }
      rows.push(this.sequences[this.order[this.position.index++]]);
    }
    return padTight([...rows, ...this.replay], this.opts.T);
  }
}

/**
 * Pads sequences only to the longest one (at most T): fine-tuning sentences are ~10 tokens, so padding
 * every row to the full context would spend most of each step on positions that carry no loss.
 * Right padding is safe under the causal mask: no real position ever attends to a pad.
 * seqs: B × [≤ T+1] -> [B, min(T, longest − 1)]
 */
export function padTight(seqs: readonly (readonly number[])[], T: number): TokenBatch {
  const longest = seqs.reduce((m, s) => Math.max(m, s.length - 1), 1);
  return padSequences(seqs, Math.min(T, longest), PAD_ID);
}
