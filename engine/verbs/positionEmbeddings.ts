// The table of position vectors a model adds to its token embeddings: the trained wpe rows of a learned-positions
// model, or the fixed sine/cosine table of a sinusoidal one. Rotary and position-free models have no such table.
import { EngineError } from '../errors.ts';
import { requireModel } from '../modelStore.ts';
import { modelSinusoidalTable } from '../positions.ts';

/** One row per position 0 … contextLength − 1, each dModel numbers. */
export interface PositionEmbeddingsResult {
  kind: 'learned' | 'sinusoidal';
  contextLength: number;
  dModel: number;
  /** [contextLength, dModel], row p is what position p adds. */
  rows: Float32Array;
}

/** Copies a model's added position table: [contextLength, dModel]. */
export function positionEmbeddingsVerb(params: { model: string }): PositionEmbeddingsResult {
  const entry = requireModel(params.model);
  const { config, params: weights } = entry.model;
  const { contextLength, dModel } = config;
  if (config.positions === 'learned') return { kind: 'learned', contextLength, dModel, rows: weights.wpe.slice() };
  if (config.positions === 'sinusoidal') return { kind: 'sinusoidal', contextLength, dModel, rows: modelSinusoidalTable(config).slice() };
  const why = config.positions === 'rotary'
    ? 'its rotary positions turn the queries and keys inside attention instead'
    : 'it was trained without any position signal';
  throw new EngineError('bad-input', `${params.model} adds no position vectors to its embeddings: ${why}.`);
}
