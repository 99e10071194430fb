/**
 * A training batch: B rows of T input ids and, for each position, the id the model should
 * predict there. Positions whose target is the ignore id (by default <pad>) carry no loss, so
 * sentences of different lengths can share one batch.
 */

/** The <pad> id of the course word vocabulary: targets equal to it are skipped by default. */
export const PAD_ID = 0;

/** B sequences of T tokens; inputs and targets are [B, T] row-major. */
export interface TokenBatch {
  B: number;
  T: number;
  /** Input ids. [B, T] */
  inputs: Int32Array;
  /** Next-token targets; entries equal to the ignore id carry no loss. [B, T] */
  targets: Int32Array;
}

/** Rows [from, to) of a batch as a batch of their own (views, no copy). [B, T] -> [to-from, T] */
export function batchRows(batch: TokenBatch, from: number, to: number): TokenBatch {
  const { T } = batch;
  return { B: to - from, T, inputs: batch.inputs.subarray(from * T, to * T), targets: batch.targets.subarray(from * T, to * T) };
}

/**
 * Splits a batch into `shards` nearly equal row ranges (shard i gets rows ⌊iB/s⌋..⌊(i+1)B/s⌋).
 * The split depends only on B and the shard count, so every thread count sees the same shards.
 */
export function shardBatch(batch: TokenBatch, shards: number): TokenBatch[] {
  if (!Number.isInteger(shards) || shards < 1 || shards > batch.B) {
    throw new RangeError(`shardBatch: cannot split ${batch.B} rows into ${shards} shards.`);
  }
  return Array.from({ length: shards }, (_, i) => batchRows(batch, Math.floor((i * batch.B) / shards), Math.floor(((i + 1) * batch.B) / shards)));
}

/** Number of positions whose target is not the ignore id (the loss is averaged over these). */
export function countTargets(batch: TokenBatch, ignoreId: number = PAD_ID): number {
  let count = 0;
  for (let i = 0; i < batch.targets.length; i++) if (batch.targets[i] !== ignoreId) count++;
  return count;
}

/**
 * Packs token sequences (e.g. fine-tuning sentences, each ending in <eos>) one per row: inputs are
 * the sequence without its last token, targets the sequence shifted by one, and the rest of the
 * row is padding that carries no loss. Sequences longer than T+1 are cut. seqs: B × [≤ T+1] -> [B, T]
 */
export function padSequences(seqs: readonly (readonly number[])[], T: number, padId: number = PAD_ID): TokenBatch {
  const B = seqs.length;
  const inputs = new Int32Array(B * T).fill(padId);
  const targets = new Int32Array(B * T).fill(padId);
  seqs.forEach((seq, b) => {
    const n = Math.min(seq.length - 1, T);
    for (let t = 0; t < n; t++) {
      inputs[b * T + t] = seq[t];
      targets[b * T + t] = seq[t + 1];
    }
  });
  return { B, T, inputs, targets };
}
