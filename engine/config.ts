/** How position information enters the model. */
export type PositionKind = 'none' | 'learned' | 'sinusoidal' | 'rotary';

/** Architecture hyper-parameters of a GPT-style decoder (shared interface across the team). */
export interface ModelConfig {
  vocabSize: number;
  contextLength: number;
  dModel: number;
  nLayers: number;
  nHeads: number;
  dFF: number;
  positions: PositionKind;
  /** Used only when positions === 'rotary' (default 10000); can be overridden per forward call. */
  ropeBase: number;
}

/** The RoPE base used when a config does not say otherwise. */
export const DEFAULT_ROPE_BASE = 10000;

/** Every accepted position kind, in the order the course introduces them. */
export const POSITION_KINDS: readonly PositionKind[] = ['none', 'learned', 'sinusoidal', 'rotary'];

/** The TinyWorld course model shape (curriculum §2.1) for a given vocabulary size and position kind. */
export function courseConfig(vocabSize: number, positions: PositionKind = 'learned'): ModelConfig {
  return { vocabSize, contextLength: 64, dModel: 64, nLayers: 4, nHeads: 4, dFF: 256, positions, ropeBase: DEFAULT_ROPE_BASE };
}

/** Width of one attention head: d_k = d_model / n_heads. */
export function headDim(config: ModelConfig): number {
  return config.dModel / config.nHeads;
}

/** Throws a readable error if the config cannot describe a working model. */
export function validateConfig(config: ModelConfig): void {
  const positiveInts: (keyof ModelConfig)[] = ['vocabSize', 'contextLength', 'dModel', 'nLayers', 'nHeads', 'dFF'];
  for (const key of positiveInts) {
    const value = config[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new RangeError(`Model config: ${key} must be a positive integer, got ${String(value)}.`);
    }
  }
  if (!POSITION_KINDS.includes(config.positions)) {
    throw new RangeError(`Model config: positions must be one of ${POSITION_KINDS.join(', ')}, got ${String(config.positions)}.`);
  }
  if (config.dModel % config.nHeads !== 0) {
    throw new RangeError(`Model config: dModel (${config.dModel}) must be divisible by nHeads (${config.nHeads}).`);
  }
  // Rotary turns pairs of dimensions, so every head needs an even width.
  if (config.positions === 'rotary' && headDim(config) % 2 !== 0) {
    throw new RangeError(`Model config: rotary positions need an even head width, got d_k = ${headDim(config)}.`);
  }
  if (config.positions === 'rotary' && !(config.ropeBase > 0)) {
    throw new RangeError(`Model config: ropeBase must be positive, got ${String(config.ropeBase)}.`);
  }
}
