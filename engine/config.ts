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
  /**
   * Used only when positions === 'sinusoidal': the fixed table is multiplied by this before it is added (absent = 1,
   * the textbook table). Its rows have norm √(d/2), several times a trained token vector, so the course scales it.
   */
  sinusoidalScale?: number;
}

/**
 * The scale tw-sin is trained with. Unscaled, the table's rows (norm √(d/2) ≈ 5.7 at d = 64) drowned the token
 * vectors (norm ≈ 1 after training): that run reached validation loss 1.105 and failed word order (3/30) and copying
 * (4/50). At 0.1 the rows have norm ≈ 0.57, about half a token vector, as the learned table's rows end up (≈ 0.3).
 */
export const COURSE_SINUSOIDAL_SCALE = 0.1;

/** The RoPE base used when a config does not say otherwise. */
export const DEFAULT_ROPE_BASE = 10000;

/** Every accepted position kind, in the order the course introduces them. */
export const POSITION_KINDS: readonly PositionKind[] = ['none', 'learned', 'sinusoidal', 'rotary'];

/** The TinyWorld course model shape (curriculum §2.1) for a given vocabulary size and position kind. */
export function courseConfig(vocabSize: number, positions: PositionKind = 'learned'): ModelConfig {
  const config: ModelConfig = { vocabSize, contextLength: 64, dModel: 64, nLayers: 4, nHeads: 4, dFF: 256, positions, ropeBase: DEFAULT_ROPE_BASE };
  return positions === 'sinusoidal' ? { ...config, sinusoidalScale: COURSE_SINUSOIDAL_SCALE } : config;
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
  if (config.sinusoidalScale !== undefined && !(config.sinusoidalScale > 0)) {
    throw new RangeError(`Model config: sinusoidalScale must be positive, got ${String(config.sinusoidalScale)}.`);
  }
  if (config.positions === 'rotary' && !(config.ropeBase > 0)) {
    throw new RangeError(`Model config: ropeBase must be positive, got ${String(config.ropeBase)}.`);
  }
}
