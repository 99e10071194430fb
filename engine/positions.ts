/**
 * Position signals. 'learned' and 'sinusoidal' add a vector per position to the token embeddings;
 * 'rotary' (RoPE) instead turns each pair of dimensions (2i, 2i+1) of every head's query and key
 * by the angle t·ω_i inside attention. Positions t count from 0.
 */
import type { ModelConfig } from './config.ts';
import type { Params } from './params.ts';

const sinusoidalCache = new Map<string, Float32Array>();

/**
 * Fixed sinusoidal table: PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(t / 10000^(2i/d)), times `scale`.
 * Cached and shared, so treat it as read-only. -> [T, d]
 */
export function sinusoidalTable(T: number, d: number, scale = 1): Float32Array {
  const key = `${T}x${d}x${scale}`;
  let table = sinusoidalCache.get(key);
  if (!table) {
    table = new Float32Array(T * d);
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < d; c++) {
        const i = c >> 1; // columns 2i and 2i+1 share a wavelength
        const angle = t / Math.pow(10000, (2 * i) / d);
        table[t * d + c] = scale * (c % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    sinusoidalCache.set(key, table);
  }
  return table;
}

/** The sinusoidal rows a model adds (its config's scale applied). -> [contextLength, d] */
export function modelSinusoidalTable(config: ModelConfig): Float32Array {
  return sinusoidalTable(config.contextLength, config.dModel, config.sinusoidalScale ?? 1);
}

/**
 * Adds the additive position signal (learned or sinusoidal) for positions start..start+T-1 in
 * place; does nothing for 'none' and 'rotary'. x: [T, d] -> [T, d]
 */
export function addPositionSignal(x: Float32Array, config: ModelConfig, params: Params, T: number, start = 0): Float32Array {
  const d = config.dModel;
  let table: Float32Array | undefined;
  if (config.positions === 'learned') table = params.wpe;
  else if (config.positions === 'sinusoidal') table = modelSinusoidalTable(config);
  if (!table) return x;
  const offset = start * d;
  for (let i = 0; i < T * d; i++) x[i] += table[offset + i];
  return x;
}

/** The position rows that were added, for the trace (zeros for 'none' and 'rotary'). -> [T, d] */
export function positionSignal(config: ModelConfig, params: Params, T: number): Float32Array {
  return addPositionSignal(new Float32Array(T * config.dModel), config, params, T, 0);
}

/** Rotary frequencies ω_i = base^(-2i/dk) · freqScale[i] for the dk/2 pairs. -> [dk/2] (float64) */
export function rotaryFrequencies(dk: number, base: number, freqScale?: Float32Array): Float64Array {
  const pairs = dk >> 1;
  if (freqScale && freqScale.length !== pairs) {
    throw new RangeError(`rotary: freqScale has ${freqScale.length} entries, expected dk/2 = ${pairs}.`);
  }
  if (!(base > 0)) throw new RangeError(`rotary: base must be positive, got ${base}.`);
  const omega = new Float64Array(pairs);
  for (let i = 0; i < pairs; i++) omega[i] = Math.pow(base, (-2 * i) / dk) * (freqScale ? freqScale[i] : 1);
  return omega;
}

/**
 * Rotates pair (2i, 2i+1) of each row t by the angle direction·(start+t)·ω_i, in place or into out.
 * direction = -1 undoes the rotation (its transpose), which is what a backward pass applies to
 * gradients. x: [T, dk] (one head) -> [T, dk]
 */
export function applyRotary(
  x: Float32Array, T: number, dk: number, omega: Float64Array, start = 0,
  out: Float32Array = x, direction: 1 | -1 = 1,
): Float32Array {
  const pairs = dk >> 1;
  for (let t = 0; t < T; t++) {
    const pos = start + t;
    const row = t * dk;
    for (let i = 0; i < pairs; i++) {
      const angle = pos * omega[i];
      const cos = Math.cos(angle);
      const sin = direction * Math.sin(angle);
      const x0 = x[row + 2 * i];
      const x1 = x[row + 2 * i + 1];
      out[row + 2 * i] = x0 * cos - x1 * sin;
      out[row + 2 * i + 1] = x0 * sin + x1 * cos;
    }
  }
  return out;
}
