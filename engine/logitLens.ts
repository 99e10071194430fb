/**
 * Logit lens: read any residual-stream row as if it were the last layer's output, by passing it
 * through the final layer norm and the tied unembedding. Shows what the model "would predict"
 * after each block.
 */
import type { Model } from './model.ts';
import type { Trace } from './trace.ts';
import { layerNorm, matmulTransB, softmaxRows } from './tensor.ts';

/** Logits and their softmax for one residual row. */
export interface LensReadout {
  logits: Float32Array; // [V]
  probs: Float32Array; // [V]
}

/** One depth of the residual stream, labelled for display. */
export interface LensStage extends LensReadout {
  /** 'embeddings' (x0), 'attn' (after a block's attention) or 'block' (after the whole block). */
  stage: 'embeddings' | 'attn' | 'block';
  /** Block index; -1 for the embeddings. */
  layer: number;
}

/** Decodes one residual row through lnf and wteᵀ. row: [d] -> logits, probs: [V] */
export function decodeResidual(model: Model, row: Float32Array): LensReadout {
  const { dModel: d, vocabSize: V } = model.config;
  if (row.length !== d) throw new RangeError(`logit lens: the row has ${row.length} values, expected d_model = ${d}.`);
  const normed = layerNorm(row, model.params['lnf.gain'], model.params['lnf.bias'], 1, d);
  const logits = matmulTransB(normed, model.params.wte, 1, d, V);
  return { logits, probs: softmaxRows(logits, 1, V) };
}

/**
 * Lens readouts at one position for every depth of a trace: the embeddings, then after each
 * block (and, with includeAttention, also between a block's attention and its MLP). The last
 * entry equals the model's own logits at that position.
 */
export function logitLens(model: Model, trace: Trace, position: number, opts: { includeAttention?: boolean } = {}): LensStage[] {
  const { T, d } = trace.dims;
  if (!Number.isInteger(position) || position < 0 || position >= T) {
    throw new RangeError(`logit lens: position ${position} is outside 0..${T - 1}.`);
  }
  const rowAt = (stream: Float32Array) => stream.subarray(position * d, (position + 1) * d);
  const stages: LensStage[] = [{ stage: 'embeddings', layer: -1, ...decodeResidual(model, rowAt(trace.x0)) }];
  trace.layers.forEach((layer, l) => {
    if (opts.includeAttention) stages.push({ stage: 'attn', layer: l, ...decodeResidual(model, rowAt(layer.residAfterAttn)) });
    stages.push({ stage: 'block', layer: l, ...decodeResidual(model, rowAt(layer.residAfterMlp)) });
  });
  return stages;
}
