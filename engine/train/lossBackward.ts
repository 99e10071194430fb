/**
 * Softmax cross-entropy, the training loss: for each predicted position, −ln p(target). The loss
 * is the MEAN over positions whose target is not the ignore id (<pad>), so padded rows do not
 * dilute it. Its gradient with respect to the logits is (softmax − onehot(target)) / count.
 */
import { PAD_ID } from './batch.ts';

/** Summed loss and how many positions it covers (mean = lossSum / count). */
export interface LossSum {
  lossSum: number;
  count: number;
}

/**
 * Cross-entropy of each row against its target; when `dLogits` is given it receives
 * (softmax − onehot)·gradScale per counted row and zeros for ignored rows. Pass
 * gradScale = 1/(total count over the whole batch) so shards of a batch add up to the batch mean.
 * logits: [rows, V], targets: [rows] -> { lossSum, count } (+ dLogits: [rows, V])
 */
export function softmaxCrossEntropy(
  logits: Float32Array, targets: Int32Array, rows: number, V: number,
  dLogits?: Float32Array, gradScale = 1, ignoreId: number = PAD_ID,
): LossSum {
  let lossSum = 0;
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * V;
    const target = targets[r];
    if (target === ignoreId) {
      if (dLogits) dLogits.fill(0, o, o + V);
      continue;
    }
    if (!(target >= 0 && target < V)) throw new RangeError(`softmaxCrossEntropy: target ${target} at row ${r} is outside 0..${V - 1}.`);
    let max = -Infinity;
    for (let c = 0; c < V; c++) if (logits[o + c] > max) max = logits[o + c];
    let sum = 0;
    for (let c = 0; c < V; c++) sum += Math.exp(logits[o + c] - max);
    // −ln softmax(target) = ln Σ exp(z − max) − (z_target − max), computed without forming p.
    lossSum += Math.log(sum) - (logits[o + target] - max);
    count++;
    if (dLogits) {
      const scale = gradScale / sum;
      for (let c = 0; c < V; c++) dLogits[o + c] = Math.exp(logits[o + c] - max) * scale;
      dLogits[o + target] -= gradScale;
    }
  }
  return { lossSum, count };
}
