/**
 * Turning a model into a manifest plus one little-endian weights blob, and back, with every check a learner's
 * browser needs before trusting a download: structure, tensor table against the config, size, then checksum.
 */
import type { ModelConfig } from '../config.ts';
import type { Params } from '../params.ts';
import { paramCount, paramSpecs, shapeSize } from '../params.ts';
import { sha256Hex } from '../sha256.ts';
import type { Tokenizer } from '../tokenizer/types.ts';
import type { BpeTokenizer } from '../tokenizer/bpe.ts';
import { createBpeTokenizer } from '../tokenizer/bpe.ts';
import { createWordTokenizer } from '../tokenizer/word.ts';
import { ModelFileError, formatCount } from './errors.ts';
import { fromFloat16Bits, toFloat16Bits } from './fp16.ts';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, parseManifest } from './manifest.ts';
import type { ModelManifest, TensorEntry, TokenizerSpec, WeightDtype } from './manifest.ts';

/** A model as the engine uses it (same shape as model.ts's Model). */
export interface StoredModel {
  config: ModelConfig;
  params: Params;
}

/** What to record beside the weights. */
export interface ModelFileMeta {
  name: string;
  dtype?: WeightDtype;
  /** Name of the weights file next to the manifest (default "weights.bin"). */
  weightsFile?: string;
  provenance?: Record<string, unknown>;
  evals?: Record<string, unknown>;
}

const BYTES_PER_ELEMENT: Record<WeightDtype, number> = { float32: 4, float16: 2 };

/** The tokenizer in the inline form a manifest stores. */
export function tokenizerToSpec(tokenizer: Tokenizer): TokenizerSpec {
  if (tokenizer.kind === 'bpe') {
    const bpe = tokenizer as BpeTokenizer;
    return { kind: 'bpe', merges: bpe.merges.map(([a, b]) => [a, b]), specialTokens: [...bpe.specialTokens] };
  }
  return { kind: 'word', vocabulary: Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenText(id)) };
}

/** Rebuilds a working tokenizer from its manifest form. */
export function tokenizerFromSpec(spec: TokenizerSpec): Tokenizer {
  return spec.kind === 'word' ? createWordTokenizer(spec.vocabulary) : createBpeTokenizer(spec.merges, spec.specialTokens);
}

/** Serialises a model: tensors in paramSpecs order, packed back to back. params -> manifest + weights bytes */
export function encodeModelFile(model: StoredModel, tokenizer: Tokenizer, meta: ModelFileMeta): { manifest: ModelManifest; weights: Uint8Array } {
  const dtype = meta.dtype ?? 'float32';
  if (tokenizer.vocabSize !== model.config.vocabSize) {
    throw new RangeError(`The tokenizer has ${tokenizer.vocabSize} tokens but the model config says vocabSize ${model.config.vocabSize}.`);
  }
  const specs = paramSpecs(model.config);
  const width = BYTES_PER_ELEMENT[dtype];
  const total = specs.reduce((sum, s) => sum + shapeSize(s.shape) * width, 0);
  const weights = new Uint8Array(total);
  const view = new DataView(weights.buffer);
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const { name, shape } of specs) {
    const values = model.params[name];
    if (!(values instanceof Float32Array) || values.length !== shapeSize(shape)) {
      throw new RangeError(`Parameter "${name}" is missing or does not have shape [${shape.join(', ')}].`);
    }
    for (let i = 0; i < values.length; i++) {
      if (dtype === 'float32') view.setFloat32(offset + i * 4, values[i], true);
      else view.setUint16(offset + i * 2, toFloat16Bits(values[i]), true);
    }
    tensors.push({ name, shape: [...shape], dtype, byteOffset: offset, byteLength: values.length * width });
    offset += values.length * width;
  }
  const manifest: ModelManifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    name: meta.name,
    config: { ...model.config },
    parameterCount: paramCount(model.config),
    tokenizer: tokenizerToSpec(tokenizer),
    weights: { file: meta.weightsFile ?? 'weights.bin', byteLength: total, sha256: sha256Hex(weights) },
    tensors,
    provenance: meta.provenance ?? {},
    evals: meta.evals ?? {},
  };
  return { manifest, weights };
}

/** Checks that the tensor table holds every parameter the config needs, with the right shape and in bounds. */
function checkTensorTable(manifest: ModelManifest): Map<string, TensorEntry> {
  const byName = new Map(manifest.tensors.map((t) => [t.name, t]));
  for (const { name, shape } of paramSpecs(manifest.config)) {
    const entry = byName.get(name);
    if (!entry) {
      throw new ModelFileError('missing-tensor', `The model file has no "${name}" weights, which a model with this configuration needs. The files may come from a different model version; reload the page, or rebuild the model.`);
    }
    if (entry.shape.length !== shape.length || entry.shape.some((s, i) => s !== shape[i])) {
      throw new ModelFileError('shape-mismatch', `The "${name}" weights have shape [${entry.shape.join(', ')}] but this model needs [${shape.join(', ')}]. The manifest and weights do not belong together; reload the page, or rebuild the model.`);
    }
    const expectedBytes = shapeSize(shape) * BYTES_PER_ELEMENT[entry.dtype];
    if (entry.byteLength !== expectedBytes || entry.byteOffset + entry.byteLength > manifest.weights.byteLength) {
      throw new ModelFileError('bad-manifest', `The manifest places "${name}" at bytes ${formatCount(entry.byteOffset)}–${formatCount(entry.byteOffset + entry.byteLength)}, which does not fit its shape or the weights file. The model files need to be rebuilt.`);
    }
  }
  return byName;
}

/**
 * Validates and loads a model file. Order of checks: manifest structure, tensor table against the config,
 * weights size, sha256; then the tensors are decoded to Float32Array. Throws ModelFileError.
 */
export async function decodeModelFile(manifestJson: unknown, weightsBytes: Uint8Array | ArrayBuffer): Promise<{ model: StoredModel; tokenizer: Tokenizer; manifest: ModelManifest }> {
  const manifest = parseManifest(manifestJson);
  const bytes = weightsBytes instanceof Uint8Array ? weightsBytes : new Uint8Array(weightsBytes);
  const table = checkTensorTable(manifest);
  const expected = manifest.weights.byteLength;
  if (bytes.byteLength < expected) {
    throw new ModelFileError('size-mismatch', `The model file is incomplete (expected ${formatCount(expected)} bytes, got ${formatCount(bytes.byteLength)}). Reload the page to download it again.`);
  }
  if (bytes.byteLength > expected) {
    throw new ModelFileError('size-mismatch', `The model file is larger than its manifest says (expected ${formatCount(expected)} bytes, got ${formatCount(bytes.byteLength)}); the manifest and weights are from different versions. Reload the page to download both again.`);
  }
  if (sha256Hex(bytes) !== manifest.weights.sha256) {
    throw new ModelFileError('checksum-mismatch', 'The model file is damaged: its checksum does not match the manifest. Reload the page to download it again.');
  }
  let tokenizer: Tokenizer;
  try {
    tokenizer = tokenizerFromSpec(manifest.tokenizer);
  } catch (err) {
    throw new ModelFileError('bad-manifest', `The model's tokenizer could not be rebuilt (${err instanceof Error ? err.message : String(err)}). The model files need to be rebuilt.`);
  }
  if (tokenizer.vocabSize !== manifest.config.vocabSize) {
    throw new ModelFileError('bad-manifest', `The model's tokenizer has ${formatCount(tokenizer.vocabSize)} tokens but its config says ${formatCount(manifest.config.vocabSize)}. The model files need to be rebuilt.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params: Params = {};
  for (const { name, shape } of paramSpecs(manifest.config)) {
    const entry = table.get(name)!;
    const values = new Float32Array(shapeSize(shape));
    for (let i = 0; i < values.length; i++) {
      values[i] = entry.dtype === 'float32' ? view.getFloat32(entry.byteOffset + i * 4, true) : fromFloat16Bits(view.getUint16(entry.byteOffset + i * 2, true));
    }
    params[name] = values;
  }
  return { model: { config: { ...manifest.config }, params }, tokenizer, manifest };
}
