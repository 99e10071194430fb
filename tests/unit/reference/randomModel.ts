/**
 * Test models with deliberately large random weights. GPT-2 init (std 0.02) makes attention almost
 * uniform and logits tiny, which would hide mistakes in masking, scaling or positions; std ≈ 0.3
 * with noisy gains and biases gives peaked attention and logits of order 1.
 */
import type { ModelConfig, PositionKind } from '../../../engine/config.ts';
import type { Model } from '../../../engine/model.ts';
import { paramSpecs } from '../../../engine/params.ts';
import { createNormal, createRng } from '../../../engine/rng.ts';

/** A small config for fast exhaustive tests. */
export function smallConfig(positions: PositionKind, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return { vocabSize: 50, contextLength: 16, dModel: 32, nLayers: 2, nHeads: 4, dFF: 64, positions, ropeBase: 10000, ...overrides };
}

/** A model with every tensor random (gains near 1, everything else N(0, std²)). */
export function randomModel(config: ModelConfig, seed: number, std = 0.3): Model {
  const normal = createNormal(createRng(seed));
  const params: Model['params'] = {};
  for (const { name, shape } of paramSpecs(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const tensor = new Float32Array(size);
    const isGain = name.endsWith('.gain');
    for (let i = 0; i < size; i++) tensor[i] = (isGain ? 1 : 0) + std * normal();
    params[name] = tensor;
  }
  return { config, params };
}

/** Deterministic pseudo-random token ids in [0, V). */
export function randomIds(V: number, T: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: T }, () => Math.floor(rng() * V));
}
