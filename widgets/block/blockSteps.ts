// The named intermediates of one forward pass, in the order the model computes them, with their shapes and
// formulas, and how to read each one out of an engine trace as a [rows, cols] matrix. Pure: no runes, no DOM.
import type { Trace, TraceDims } from '../../engine/trace.ts';

/** Every step a learner can inspect. Steps from ln1 to resid2 belong to one chosen block. */
export const STEP_IDS = ['emb', 'pos', 'ln1', 'q', 'k', 'v', 'scores', 'probs', 'attnOut', 'resid1', 'ln2', 'ffnHidden', 'resid2', 'lnf', 'logits'] as const;

/** One step's id. */
export type StepId = (typeof STEP_IDS)[number];

/** What the inspector says about a step. */
export interface StepInfo {
  id: StepId;
  /** Short label for the select. */
  label: string;
  /** Where it sits: before the blocks, inside the chosen block, or after them. */
  where: 'input' | 'block' | 'output';
  /** Per head: the shape is H separate matrices, one per head. */
  perHead: boolean;
  /** Lives on the residual stream (width d_model, read and written by every block). */
  residual: boolean;
  /** Plain-text formula (KaTeX is not available inside widgets). */
  formula: string;
  /** One sentence about what it is. */
  about: string;
}

/** The catalogue of steps, in pipeline order. */
export const STEPS: Record<StepId, StepInfo> = {
  emb: { id: 'emb', label: 'emb: token embeddings', where: 'input', perHead: false, residual: true, formula: 'emb[t] = E[id_t]  (row id_t of the token table)', about: 'One row of the token table E per token.' },
  pos: { id: 'pos', label: 'pos: position rows', where: 'input', perHead: false, residual: true, formula: 'h⁰ = emb + P[0..T−1]  (this sum enters block 1)', about: 'Added so the model can tell positions apart; the sum is the residual stream entering block 1.' },
  ln1: { id: 'ln1', label: 'ln1: layer norm before attention', where: 'block', perHead: false, residual: false, formula: 'LN(h) = γ ⊙ (h − mean) / √(var + ε) + β, per row', about: 'Each row rescaled to mean 0 and spread 1, then stretched by learned γ and β.' },
  q: { id: 'q', label: 'q: queries', where: 'block', perHead: true, residual: false, formula: 'Q = LN(h)·W_Q + b_Q, split into heads', about: 'What each position is looking for.' },
  k: { id: 'k', label: 'k: keys', where: 'block', perHead: true, residual: false, formula: 'K = LN(h)·W_K + b_K, split into heads', about: 'What each position offers to be found by.' },
  v: { id: 'v', label: 'v: values', where: 'block', perHead: true, residual: false, formula: 'V = LN(h)·W_V + b_V, split into heads', about: 'What each position hands over when it is attended to.' },
  scores: { id: 'scores', label: 'scores: Q·Kᵀ / √d_k, masked', where: 'block', perHead: true, residual: false, formula: 'S = Q·Kᵀ / √d_k, with −∞ above the diagonal (the causal mask)', about: 'Row t: how well query t matches every key; later positions are masked out.' },
  probs: { id: 'probs', label: 'probs: attention weights', where: 'block', perHead: true, residual: false, formula: 'A = softmax(S), row by row', about: 'Each row sums to 1: how much of each earlier position this position reads.' },
  attnOut: { id: 'attnOut', label: 'attnOut: attention output', where: 'block', perHead: false, residual: false, formula: 'attnOut = concat_h(A_h·V_h)·W_O + b_O', about: 'The heads glued side by side and projected back to width d_model.' },
  resid1: { id: 'resid1', label: 'resid1: stream after attention', where: 'block', perHead: false, residual: true, formula: "h' = h + attnOut", about: 'Attention adds its result to the residual stream; nothing is overwritten.' },
  ln2: { id: 'ln2', label: 'ln2: layer norm before the FFN', where: 'block', perHead: false, residual: false, formula: "LN(h') with the block's second γ, β", about: 'A fresh normalised copy for the FFN to read.' },
  ffnHidden: { id: 'ffnHidden', label: 'ffnHidden: FFN hidden layer', where: 'block', perHead: false, residual: false, formula: "GELU(LN(h')·W₁ + b₁)", about: 'The only place wider than d_model: each position on its own, no mixing across positions.' },
  resid2: { id: 'resid2', label: 'resid2: stream after the FFN', where: 'block', perHead: false, residual: true, formula: "h'' = h' + GELU(LN(h')·W₁ + b₁)·W₂ + b₂", about: "The block's output: the same width it read, passed on to the next block." },
  lnf: { id: 'lnf', label: 'lnf: final layer norm', where: 'output', perHead: false, residual: false, formula: 'LN_f(h after the last block)', about: 'One last normalisation before reading out scores.' },
  logits: { id: 'logits', label: 'logits: scores for every token', where: 'output', perHead: false, residual: false, formula: 'z = LN_f(h)·Eᵀ  (the token table again: tied weights)', about: 'One score per vocabulary token for every row; only the last row picks the next token.' },
};

/** A step's shape: [rows, cols], or [heads, rows, cols] for per-head steps. */
export function stepShape(step: StepId, dims: TraceDims): number[] {
  const { T, d, nHeads, dk, dFF, V } = dims;
  switch (step) {
    case 'q': case 'k': case 'v': return [nHeads, T, dk];
    case 'scores': case 'probs': return [nHeads, T, T];
    case 'ffnHidden': return [T, dFF];
    case 'logits': return [T, V];
    default: return [T, d];
  }
}

/** Every step's shape, keyed by step id. */
export function allShapes(dims: TraceDims): Record<StepId, number[]> {
  return Object.fromEntries(STEP_IDS.map((s) => [s, stepShape(s, dims)])) as Record<StepId, number[]>;
}

/** A shape written for people: "5 × 64", or "4 heads × 5 × 16". */
export function shapeText(shape: readonly number[], perHead: boolean): string {
  const dims = shape.map((n) => n.toLocaleString('en-US'));
  return perHead ? `${dims[0]} heads × ${dims.slice(1).join(' × ')}` : dims.join(' × ');
}

/** One matrix to show: `rows × cols` numbers, row-major (a view into the trace, not a copy). */
export interface StepMatrix { rows: number; cols: number; data: Float32Array }

/** Reads a step out of a trace; per-head steps give head `head`'s matrix. trace -> [rows, cols] */
export function stepMatrix(trace: Trace, step: StepId, layer: number, head: number): StepMatrix {
  const { T, d, dk, dFF, V, nLayers, nHeads } = trace.dims;
  if (!Number.isInteger(layer) || layer < 0 || layer >= nLayers) throw new RangeError(`Block ${layer + 1} does not exist: this model has ${nLayers}.`);
  if (!Number.isInteger(head) || head < 0 || head >= nHeads) throw new RangeError(`Head ${head + 1} does not exist: this model has ${nHeads}.`);
  const block = trace.layers[layer];
  const perHead = (tensor: Float32Array, cols: number): StepMatrix => ({ rows: T, cols, data: tensor.subarray(head * T * cols, (head + 1) * T * cols) });
  const full = (data: Float32Array, cols: number): StepMatrix => ({ rows: T, cols, data });
  switch (step) {
    case 'emb': return full(trace.tokenEmbeddings, d);
    case 'pos': return full(trace.positionEmbeddings, d);
    case 'ln1': return full(block.ln1Out, d);
    case 'q': return perHead(block.q, dk);
    case 'k': return perHead(block.k, dk);
    case 'v': return perHead(block.v, dk);
    case 'scores': return perHead(block.maskedScores, T);
    case 'probs': return perHead(block.weights, T);
    case 'attnOut': return full(block.attnOut, d);
    case 'resid1': return full(block.residAfterAttn, d);
    case 'ln2': return full(block.ln2Out, d);
    case 'ffnHidden': return full(block.mlpHiddenPost, dFF);
    case 'resid2': return full(block.residAfterMlp, d);
    case 'lnf': return full(trace.finalLnOut, d);
    case 'logits': return full(trace.logits, V);
  }
}
