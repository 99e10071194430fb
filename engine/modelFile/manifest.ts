/**
 * The model manifest: a JSON file that describes one weights file (config, tokenizer, tensor table, checksum,
 * provenance, evals). `parseManifest` checks its structure and turns anything malformed into a
 * 'bad-manifest' error that says which field is wrong.
 */
import type { ModelConfig } from '../config.ts';
import { POSITION_KINDS } from '../config.ts';
import { ModelFileError } from './errors.ts';

/** Identifies our manifests among other JSON files. */
export const MANIFEST_FORMAT = 'transformer-explorables-model';
/** Bumped whenever a reader of the old layout could misread the new one. */
export const MANIFEST_FORMAT_VERSION = 1;

/** How weights are stored: 4-byte or 2-byte little-endian floats. */
export type WeightDtype = 'float32' | 'float16';

/** The tokenizer a model was trained with, stored inline so the model file is self-contained. */
export type TokenizerSpec =
  | { kind: 'word'; vocabulary: string[] }
  | { kind: 'bpe'; merges: [number, number][]; specialTokens: string[] };

/** Where one parameter tensor lives inside the weights file. */
export interface TensorEntry {
  name: string;
  shape: number[];
  dtype: WeightDtype;
  byteOffset: number;
  byteLength: number;
}

/** Everything the manifest records; `provenance` and `evals` are free-form. */
export interface ModelManifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  name: string;
  config: ModelConfig;
  parameterCount: number;
  tokenizer: TokenizerSpec;
  weights: { file: string; byteLength: number; sha256: string };
  tensors: TensorEntry[];
  provenance: Record<string, unknown>;
  evals: Record<string, unknown>;
}

function fail(detail: string): never {
  throw new ModelFileError('bad-manifest', `The model's manifest is not valid (${detail}). Reload the page; if it persists, the model files need to be rebuilt.`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkConfig(config: unknown): ModelConfig {
  if (!isObject(config)) fail('config is missing');
  for (const key of ['vocabSize', 'contextLength', 'dModel', 'nLayers', 'nHeads', 'dFF'] as const) {
    if (!isCount(config[key]) || config[key] === 0) fail(`config.${key} must be a positive whole number`);
  }
  if (!POSITION_KINDS.includes(config.positions as ModelConfig['positions'])) fail(`config.positions must be one of ${POSITION_KINDS.join(', ')}`);
  if (typeof config.ropeBase !== 'number' || !(config.ropeBase > 0)) fail('config.ropeBase must be a positive number');
  if (config.sinusoidalScale !== undefined && !(typeof config.sinusoidalScale === 'number' && config.sinusoidalScale > 0)) {
    fail('config.sinusoidalScale must be a positive number when present');
  }
  if ((config.dModel as number) % (config.nHeads as number) !== 0) fail('config.dModel must be divisible by config.nHeads');
  return config as unknown as ModelConfig;
}

function checkTokenizer(tokenizer: unknown): TokenizerSpec {
  if (!isObject(tokenizer)) fail('tokenizer is missing');
  if (tokenizer.kind === 'word') {
    const vocab = tokenizer.vocabulary;
    if (!Array.isArray(vocab) || vocab.length === 0 || !vocab.every((w) => typeof w === 'string')) fail('tokenizer.vocabulary must be a list of strings');
    return tokenizer as TokenizerSpec;
  }
  if (tokenizer.kind === 'bpe') {
    const { merges, specialTokens } = tokenizer;
    if (!Array.isArray(merges) || !merges.every((m) => Array.isArray(m) && m.length === 2 && isCount(m[0]) && isCount(m[1]))) {
      fail('tokenizer.merges must be a list of [left, right] id pairs');
    }
    if (!Array.isArray(specialTokens) || !specialTokens.every((s) => typeof s === 'string')) fail('tokenizer.specialTokens must be a list of strings');
    return tokenizer as TokenizerSpec;
  }
  return fail('tokenizer.kind must be "word" or "bpe"');
}

function checkTensors(tensors: unknown): TensorEntry[] {
  if (!Array.isArray(tensors)) fail('tensors must be a list');
  tensors.forEach((t: unknown, i) => {
    if (!isObject(t) || typeof t.name !== 'string') fail(`tensor ${i} has no name`);
    if (!Array.isArray(t.shape) || !t.shape.every((s) => isCount(s) && s > 0)) fail(`tensor "${t.name}" has an invalid shape`);
    if (t.dtype !== 'float32' && t.dtype !== 'float16') fail(`tensor "${t.name}" has dtype ${String(t.dtype)}; expected float32 or float16`);
    if (!isCount(t.byteOffset) || !isCount(t.byteLength)) fail(`tensor "${t.name}" needs whole-number byteOffset and byteLength`);
  });
  return tensors as TensorEntry[];
}

/** Checks the structure of parsed manifest JSON and returns it typed; throws ModelFileError('bad-manifest'). */
export function parseManifest(json: unknown): ModelManifest {
  if (!isObject(json)) fail('it is not a JSON object');
  if (json.format !== MANIFEST_FORMAT) fail(`format must be "${MANIFEST_FORMAT}"`);
  if (json.formatVersion !== MANIFEST_FORMAT_VERSION) fail(`format version ${String(json.formatVersion)} is not supported; this site reads version ${MANIFEST_FORMAT_VERSION}`);
  if (typeof json.name !== 'string' || json.name.length === 0) fail('name is missing');
  checkConfig(json.config);
  if (!isCount(json.parameterCount)) fail('parameterCount must be a whole number');
  checkTokenizer(json.tokenizer);
  const weights = json.weights;
  if (!isObject(weights) || typeof weights.file !== 'string' || !isCount(weights.byteLength)) fail('weights must give a file name and byteLength');
  if (typeof weights.sha256 !== 'string' || !/^[0-9a-f]{64}$/u.test(weights.sha256)) fail('weights.sha256 must be 64 lower-case hex digits');
  checkTensors(json.tensors);
  if (!isObject(json.provenance)) fail('provenance must be an object');
  if (!isObject(json.evals)) fail('evals must be an object');
  return json as unknown as ModelManifest;
}

/**
 * JSON text for a manifest: indented for reading, but lists of plain values (shapes, vocabulary, merge pairs)
 * kept on one line so a 400-word vocabulary does not take 400 lines.
 */
export function formatManifestJson(manifest: ModelManifest): string {
  const pretty = JSON.stringify(manifest, null, 2);
  // JSON strings never contain raw newlines, so whitespace inside brackets is always formatting.
  return pretty.replace(/\[\s+([^[\]{}]*?)\s+\]/gu, (_m, inner: string) => `[${inner.replace(/,\s*\n\s*/gu, ', ')}]`) + '\n';
}
