/**
 * AdamW (Loshchilov & Hutter): Adam's moment estimates with bias correction, plus weight decay
 * applied straight to the weights ("decoupled") rather than added to the gradient. Decay is
 * applied only to matrices (embeddings, projections); layer-norm gains and every bias are left
 * alone, since shrinking them towards 0 has no regularising meaning.
 */
import type { ModelConfig } from '../config.ts';
import { paramSpecs, shapeSize } from '../params.ts';

/** Optimiser hyper-parameters (lr comes from the schedule each step). */
export interface AdamWSettings {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

/** Defaults for the course models: β2 = 0.99 suits small batches better than 0.999. */
export const DEFAULT_ADAMW: AdamWSettings = { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1 };

/** Optimiser state: first and second moments (flat, paramSpecs order) and the number of updates so far. */
export interface AdamWState {
  m: Float32Array;
  v: Float32Array;
  step: number;
}

/** Fresh zero moments for `size` parameters. */
export function createAdamWState(size: number): AdamWState {
  return { m: new Float32Array(size), v: new Float32Array(size), step: 0 };
}

/** Whether a parameter gets weight decay: matrices yes; gains and biases no. */
export function decaysWeight(name: string, shape: readonly number[]): boolean {
  return shape.length === 2 && !name.endsWith('.gain') && !name.endsWith('.bias');
}

/** Per-element decay switch over the flat layout: 1 = decayed, 0 = not. -> [paramCount] */
export function decayMask(config: ModelConfig): Uint8Array {
  const specs = paramSpecs(config);
  const mask = new Uint8Array(specs.reduce((n, s) => n + shapeSize(s.shape), 0));
  let offset = 0;
  for (const { name, shape } of specs) {
    const size = shapeSize(shape);
    if (decaysWeight(name, shape)) mask.fill(1, offset, offset + size);
    offset += size;
  }
  return mask;
}

/**
 * One AdamW update in place. params, grads, state.m, state.v, mask: all [paramCount] flat.
 * p ← p − lr·(m̂/(√v̂ + eps) + wd·p)   (wd only where mask = 1)
 */
export function adamwStep(params: Float32Array, grads: Float32Array, state: AdamWState, lr: number, s: AdamWSettings, mask: Uint8Array): void {
  const n = params.length;
  if (grads.length !== n || state.m.length !== n || state.v.length !== n || mask.length !== n) {
    throw new RangeError('adamwStep: params, grads, moments and mask must have the same length.');
  }
  state.step += 1;
  const { beta1, beta2, eps, weightDecay } = s;
  const correction1 = 1 - Math.pow(beta1, state.step);
  const correction2 = 1 - Math.pow(beta2, state.step);
  const { m, v } = state;
  for (let i = 0; i < n; i++) {
    const g = grads[i];
    const mi = beta1 * m[i] + (1 - beta1) * g;
    const vi = beta2 * v[i] + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    const update = mi / correction1 / (Math.sqrt(vi / correction2) + eps);
    const p = params[i];
    params[i] = p - lr * (update + (mask[i] === 1 ? weightDecay * p : 0));
  }
}
