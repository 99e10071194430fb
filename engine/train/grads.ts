/**
 * Gradient records: one Float32Array per parameter, same names and shapes as Params. Every
 * record here is a set of views into ONE flat array in paramSpecs order, so a whole record can be
 * summed, saved, or shared with another thread (SharedArrayBuffer) as a single block.
 */
import type { ModelConfig } from '../config.ts';
import type { Params } from '../params.ts';
import { paramCount, paramSpecs, shapeSize } from '../params.ts';

/** Gradients keyed like Params. */
export type Grads = Params;

/** A tensor record plus the flat array all of its tensors view. */
export interface FlatTensors {
  flat: Float32Array;
  tensors: Params;
}

/**
 * Views over one flat [paramCount] array, named and shaped like the model's parameters. When a
 * buffer is given (e.g. a SharedArrayBuffer) the views use it; otherwise a zeroed one is allocated.
 */
export function flatTensors(config: ModelConfig, buffer?: ArrayBufferLike, byteOffset = 0): FlatTensors {
  const total = paramCount(config);
  const flat = buffer ? new Float32Array(buffer, byteOffset, total) : new Float32Array(total);
  const tensors: Params = {};
  let offset = 0;
  for (const { name, shape } of paramSpecs(config)) {
    const size = shapeSize(shape);
    tensors[name] = flat.subarray(offset, offset + size);
    offset += size;
  }
  return { flat, tensors };
}

/** Copies a Params record into flat storage (e.g. to move weights into shared memory). params -> FlatTensors */
export function copyIntoFlat(config: ModelConfig, params: Params, target: FlatTensors = flatTensors(config)): FlatTensors {
  for (const { name } of paramSpecs(config)) target.tensors[name].set(params[name]);
  return target;
}

/** target += source, element-wise over every tensor. [paramCount] -> [paramCount] */
export function addInto(target: Float32Array, source: Float32Array): Float32Array {
  if (target.length !== source.length) throw new RangeError(`addInto: lengths differ (${target.length} vs ${source.length}).`);
  for (let i = 0; i < target.length; i++) target[i] += source[i];
  return target;
}

/** Euclidean norm of all gradients together, accumulated in doubles. [paramCount] -> scalar */
export function globalNorm(flat: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < flat.length; i++) sum += flat[i] * flat[i];
  return Math.sqrt(sum);
}
