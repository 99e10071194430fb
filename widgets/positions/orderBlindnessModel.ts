// W8.1 OrderBlindness: the same words in two orders, run through each course model. From two traced forward
// passes this computes what block 0 delivers at the last position (as a bag: the attention each distinct token
// receives, and the output vector) and each prompt's next token. Pure, so tests run it on the real models.
import { softmaxWithTemperature } from '../../engine/softmax.ts';
import type { Trace } from '../../engine/trace.ts';

/** The curriculum's pair: the same tokens, the two animals swapped. */
export const ORDER_PROMPTS: [string, string] = [
  'the dog chased the cat . the one that ran away was the',
  'the cat chased the dog . the one that ran away was the',
];

/** One row of the comparison: a course model, run as trained or with its position signal switched off. */
export interface OrderModel { key: string; name: string; signal: string; withoutPositions: boolean }

/**
 * Models that run as soon as the widget shows: the chapter's other widgets load these anyway. The rest download
 * (about 0.45 MB each) only when the learner asks, so the chapter's first load stays well within its page-weight budget.
 */
export const ORDER_MODELS_RUN_AT_ONCE: readonly string[] = ['tw-learned', 'tw-rope'];

/** The four course models of chapter 8, plus tw-learned with its table switched off. */
export const ORDER_MODELS: readonly OrderModel[] = [
  { key: 'tw-learned', name: 'tw-learned', signal: 'learned table', withoutPositions: false },
  { key: 'tw-sin', name: 'tw-sin', signal: 'sinusoidal', withoutPositions: false },
  { key: 'tw-rope', name: 'tw-rope', signal: 'rotary (RoPE)', withoutPositions: false },
  { key: 'tw-nope', name: 'tw-nope', signal: 'none (trained without)', withoutPositions: false },
  { key: 'tw-learned-off', name: 'tw-learned', signal: 'none (table switched off, never trained so)', withoutPositions: true },
];

/** One token type in the last position's view: how much block-0 attention it gets in each prompt. */
export interface BagEntry {
  token: string;
  /** Mean over heads of the weight on every occurrence of this token, prompt A and prompt B. */
  weightA: number;
  weightB: number;
}

/** The top next token after a prompt. */
export interface NextGuess { token: string; prob: number }

/** What one model does with the two prompts. */
export interface OrderComparison {
  /** Block 0's attention at the last position, per distinct token, largest first (ties by token). */
  bag: BagEntry[];
  /** Largest |difference| between block 0's output vectors at the last position of A and B. */
  blockOutputDifference: number;
  /** Largest |entry| of block 0's output at the last position of A, for scale. */
  blockOutputScale: number;
  /** The same largest difference after every block: how the two orders drift apart with depth. */
  layerDifferences: number[];
  /** Largest |difference| between the bag's weights. */
  bagDifference: number;
  nextA: NextGuess;
  nextB: NextGuess;
}

// weights: [H, T, T] -> token -> mean over heads of the summed weight that the last row gives it
function lastRowBag(trace: Trace, tokens: string[]): Map<string, number> {
  const { T, nHeads: H } = trace.dims;
  const weights = trace.layers[0].weights;
  const bag = new Map<string, number>();
  for (let h = 0; h < H; h++) {
    const rowStart = h * T * T + (T - 1) * T;
    for (let s = 0; s < T; s++) bag.set(tokens[s], (bag.get(tokens[s]) ?? 0) + weights[rowStart + s] / H);
  }
  return bag;
}

// logits: [T, V] -> the most likely token after the last position
function topNext(trace: Trace, vocabulary: readonly string[]): NextGuess {
  const { T, V } = trace.dims;
  const { probs } = softmaxWithTemperature(Array.from(trace.logits.subarray((T - 1) * V, T * V)), 1);
  let best = 0;
  for (let j = 1; j < V; j++) if (probs[j] > probs[best]) best = j;
  return { token: vocabulary[best], prob: probs[best] };
}

// residAfterMlp of block l: [T, d] -> the last position's row [d]
function lastRow(trace: Trace, layer: number): Float32Array {
  const { T, d } = trace.dims;
  return trace.layers[layer].residAfterMlp.subarray((T - 1) * d, T * d);
}

/** Compares two traced passes of one model over prompts A and B. */
export function compareOrders(
  a: { trace: Trace; tokens: string[] },
  b: { trace: Trace; tokens: string[] },
  vocabulary: readonly string[],
): OrderComparison {
  const bagA = lastRowBag(a.trace, a.tokens);
  const bagB = lastRowBag(b.trace, b.tokens);
  const names = [...new Set([...bagA.keys(), ...bagB.keys()])];
  const bag = names
    .map((token) => ({ token, weightA: bagA.get(token) ?? 0, weightB: bagB.get(token) ?? 0 }))
    .sort((x, y) => y.weightA - x.weightA || x.token.localeCompare(y.token));
  const layerDifferences = a.trace.layers.map((_, l) => {
    const outA = lastRow(a.trace, l);
    const outB = lastRow(b.trace, l);
    return outA.reduce((m, x, j) => Math.max(m, Math.abs(x - outB[j])), 0);
  });
  const blockOutputScale = lastRow(a.trace, 0).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const bagDifference = Math.max(0, ...bag.map((e) => Math.abs(e.weightA - e.weightB)));
  return {
    bag, blockOutputDifference: layerDifferences[0], blockOutputScale, layerDifferences, bagDifference,
    nextA: topNext(a.trace, vocabulary), nextB: topNext(b.trace, vocabulary),
  };
}

/** Differences below this are float rounding (the sums run in another order), not information. */
export const ROUNDING = 1e-5;

/** A sentence saying whether block 0 told the two orders apart at the last position. */
export function blockZeroSentence(c: OrderComparison): string {
  if (c.blockOutputDifference === 0) return 'identical for both orders, to the last bit';
  return c.blockOutputDifference < ROUNDING
    ? `identical for both orders (largest difference ${c.blockOutputDifference.toExponential(1)}: rounding)`
    : `different: the entries differ by up to ${c.blockOutputDifference.toFixed(3)}, ${(100 * c.blockOutputDifference / c.blockOutputScale).toFixed(1)} % of the largest entry`;
}
