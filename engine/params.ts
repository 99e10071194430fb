import type { ModelConfig } from './config.ts';
import { validateConfig } from './config.ts';
import { createNormal, createRng } from './rng.ts';

/** Named weight tensors, row-major; matrices follow the x·W convention (W is [d_in, d_out]). */
export type Params = Record<string, Float32Array>;

/** One entry of the parameter table: its name and shape. */
export interface ParamSpec {
  name: string;
  shape: number[];
}

/** Name of a per-layer parameter, e.g. layerParam(2, 'attn.wq') === 'blocks.2.attn.wq'. */
export function layerParam(layer: number, suffix: string): string {
  return `blocks.${layer}.${suffix}`;
}

/** Every parameter with its shape, in a fixed order (the order model files store them in). */
export function paramSpecs(config: ModelConfig): ParamSpec[] {
  const { vocabSize: V, contextLength, dModel: d, nLayers, dFF } = config;
  const specs: ParamSpec[] = [{ name: 'wte', shape: [V, d] }];
  if (config.positions === 'learned') specs.push({ name: 'wpe', shape: [contextLength, d] });
  for (let l = 0; l < nLayers; l++) {
    const p = (suffix: string, shape: number[]) => specs.push({ name: layerParam(l, suffix), shape });
    p('ln1.gain', [d]);
    p('ln1.bias', [d]);
    for (const w of ['wq', 'wk', 'wv', 'wo']) p(`attn.${w}`, [d, d]);
    for (const b of ['bq', 'bk', 'bv', 'bo']) p(`attn.${b}`, [d]);
    p('ln2.gain', [d]);
    p('ln2.bias', [d]);
    p('mlp.w1', [d, dFF]);
    p('mlp.b1', [dFF]);
    p('mlp.w2', [dFF, d]);
    p('mlp.b2', [d]);
  }
  specs.push({ name: 'lnf.gain', shape: [d] }, { name: 'lnf.bias', shape: [d] });
  return specs;
}

/** Number of elements in a tensor of this shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Total number of trainable scalars in a model with this config. */
export function paramCount(config: ModelConfig): number {
  return paramSpecs(config).reduce((sum, spec) => sum + shapeSize(spec.shape), 0);
}

/** Throws if a Params record is missing a tensor, has a wrong-sized one, or has an unexpected extra. */
export function validateParams(config: ModelConfig, params: Params): void {
  const specs = paramSpecs(config);
  for (const { name, shape } of specs) {
    const tensor = params[name];
    if (!(tensor instanceof Float32Array)) throw new RangeError(`Parameters: missing tensor "${name}".`);
    if (tensor.length !== shapeSize(shape)) {
      throw new RangeError(`Parameters: "${name}" has ${tensor.length} values, expected ${shapeSize(shape)} for shape [${shape.join(', ')}].`);
    }
  }
  const known = new Set(specs.map((s) => s.name));
  const extra = Object.keys(params).filter((name) => !known.has(name));
  if (extra.length > 0) throw new RangeError(`Parameters: unexpected tensor(s) ${extra.join(', ')}.`);
}

/** A parameter is a residual-stream output projection if it writes back into the residual stream. */
function isResidualProjection(name: string): boolean {
  return name.endsWith('.attn.wo') || name.endsWith('.mlp.w2');
}

/**
 * Seeded GPT-2-style initialisation: weights ~ N(0, 0.02); the two projections per block that add
 * into the residual stream are scaled by 1/sqrt(2·nLayers) so the stream's variance does not grow
 * with depth; biases 0; layer-norm gains 1.
 */
export function initParams(config: ModelConfig, seed: number): Params {
  validateConfig(config);
  const normal = createNormal(createRng(seed));
  const residualScale = 1 / Math.sqrt(2 * config.nLayers);
  const params: Params = {};
  for (const { name, shape } of paramSpecs(config)) {
    const tensor = new Float32Array(shapeSize(shape));
    if (name.endsWith('.gain')) {
      tensor.fill(1);
    } else if (shape.length === 2) {
      const std = 0.02 * (isResidualProjection(name) ? residualScale : 1);
      for (let i = 0; i < tensor.length; i++) tensor[i] = std * normal();
    }
    // Remaining 1-D tensors are biases: left at zero.
    params[name] = tensor;
  }
  return params;
}

/** The tensors of one transformer block, looked up once so hot loops avoid building names. */
export interface LayerWeights {
  ln1Gain: Float32Array; ln1Bias: Float32Array;
  wq: Float32Array; wk: Float32Array; wv: Float32Array; wo: Float32Array;
  bq: Float32Array; bk: Float32Array; bv: Float32Array; bo: Float32Array;
  ln2Gain: Float32Array; ln2Bias: Float32Array;
  w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array;
}

/** Looks up block l's tensors by their shared names (see paramSpecs). */
export function layerWeights(params: Params, l: number): LayerWeights {
  const get = (suffix: string): Float32Array => {
    const tensor = params[layerParam(l, suffix)];
    if (!tensor) throw new RangeError(`Parameters: missing tensor "${layerParam(l, suffix)}".`);
    return tensor;
  };
  return {
    ln1Gain: get('ln1.gain'), ln1Bias: get('ln1.bias'),
    wq: get('attn.wq'), wk: get('attn.wk'), wv: get('attn.wv'), wo: get('attn.wo'),
    bq: get('attn.bq'), bk: get('attn.bk'), bv: get('attn.bv'), bo: get('attn.bo'),
    ln2Gain: get('ln2.gain'), ln2Bias: get('ln2.bias'),
    w1: get('mlp.w1'), b1: get('mlp.b1'), w2: get('mlp.w2'), b2: get('mlp.b2'),
  };
}
