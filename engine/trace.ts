/**
 * The forward pass's intermediates, returned only when `forward(..., { trace: true })`.
 * All tensors are row-major Float32Arrays; shapes use T = sequence length, d = dModel,
 * H = nHeads, dk = d / H, dFF = MLP width, V = vocabulary size.
 */

/** Sizes needed to index a trace's flat arrays. */
export interface TraceDims {
  T: number; d: number; nHeads: number; dk: number; dFF: number; V: number; nLayers: number;
}

/** One block's intermediates, in the order they are computed. */
export interface LayerTrace {
  /** Residual stream entering the block. [T, d] */
  residIn: Float32Array;
  /** ln1(residIn). [T, d] */
  ln1Out: Float32Array;
  /** Queries per head (after rotary when positions are rotary). [H, T, dk] */
  q: Float32Array;
  /** Keys per head (after rotary when positions are rotary). [H, T, dk] */
  k: Float32Array;
  /** Values per head (never rotated). [H, T, dk] */
  v: Float32Array;
  /** Q·Kᵀ per head. [H, T, T] */
  rawScores: Float32Array;
  /** rawScores / √dk. [H, T, T] */
  scaledScores: Float32Array;
  /** scaledScores with -Infinity above the diagonal when the causal mask is on (identical when off). [H, T, T] */
  maskedScores: Float32Array;
  /** Row softmax of maskedScores: attention weights, each row sums to 1. [H, T, T] */
  weights: Float32Array;
  /** weights · V per head. [H, T, dk] */
  headOutputs: Float32Array;
  /** Heads concatenated, · wo + bo. [T, d] */
  attnOut: Float32Array;
  /** residIn + attnOut. [T, d] */
  residAfterAttn: Float32Array;
  /** ln2(residAfterAttn). [T, d] */
  ln2Out: Float32Array;
  /** ln2Out · w1 + b1. [T, dFF] */
  mlpHiddenPre: Float32Array;
  /** GELU(mlpHiddenPre). [T, dFF] */
  mlpHiddenPost: Float32Array;
  /** mlpHiddenPost · w2 + b2. [T, d] */
  mlpOut: Float32Array;
  /** residAfterAttn + mlpOut: the stream leaving the block. [T, d] */
  residAfterMlp: Float32Array;
}

/** Everything the forward pass computed. */
export interface Trace {
  dims: TraceDims;
  /** Token ids that were run. [T] */
  ids: number[];
  /** wte rows of the ids. [T, d] */
  tokenEmbeddings: Float32Array;
  /** Added position rows. All zeros for 'none' and 'rotary' (rotary acts inside attention). [T, d] */
  positionEmbeddings: Float32Array;
  /** tokenEmbeddings + positionEmbeddings: the residual stream entering block 0. [T, d] */
  x0: Float32Array;
  /** One entry per block. */
  layers: LayerTrace[];
  /** lnf(last residual). [T, d] */
  finalLnOut: Float32Array;
  /** finalLnOut · wteᵀ. [T, V] */
  logits: Float32Array;
}

/** Named shape of every trace tensor, e.g. for display or to check a trace that crossed a worker boundary. */
export function traceShapes(dims: TraceDims): { top: Record<string, number[]>; layer: Record<keyof LayerTrace, number[]> } {
  const { T, d, nHeads: H, dk, dFF, V } = dims;
  const td = [T, d];
  return {
    top: { tokenEmbeddings: td, positionEmbeddings: td, x0: td, finalLnOut: td, logits: [T, V] },
    layer: {
      residIn: td, ln1Out: td, q: [H, T, dk], k: [H, T, dk], v: [H, T, dk],
      rawScores: [H, T, T], scaledScores: [H, T, T], maskedScores: [H, T, T], weights: [H, T, T],
      headOutputs: [H, T, dk], attnOut: td, residAfterAttn: td, ln2Out: td,
      mlpHiddenPre: [T, dFF], mlpHiddenPost: [T, dFF], mlpOut: td, residAfterMlp: td,
    },
  };
}

/** Every distinct ArrayBuffer in a trace, for postMessage's transfer list. */
export function traceBuffers(trace: Trace): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const collect = (arr: Float32Array) => buffers.add(arr.buffer as ArrayBuffer);
  [trace.tokenEmbeddings, trace.positionEmbeddings, trace.x0, trace.finalLnOut, trace.logits].forEach(collect);
  for (const layer of trace.layers) Object.values(layer).forEach(collect);
  return [...buffers];
}

/** One head's [rows, cols] matrix out of an [H, rows, cols] trace tensor (a view, not a copy). */
export function headMatrix(tensor: Float32Array, head: number, rows: number, cols: number): Float32Array {
  return tensor.subarray(head * rows * cols, (head + 1) * rows * cols);
}

/** Row `index` of a [rows, cols] tensor (a view, not a copy). */
export function rowOf(tensor: Float32Array, index: number, cols: number): Float32Array {
  return tensor.subarray(index * cols, (index + 1) * cols);
}

/** The residual stream at each depth: x0, then after every block. Each [T, d]. */
export function residualStreams(trace: Trace): Float32Array[] {
  return [trace.x0, ...trace.layers.map((layer) => layer.residAfterMlp)];
}
