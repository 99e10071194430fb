/**
 * Model files: `manifest.json` (config, tokenizer, tensor table, sha256, provenance, evals) beside one
 * little-endian `weights.bin` (fp32 or fp16). This module is pure: reading and writing directories is in
 * scripts/modelDir.ts (Node) and fetching is the worker's job.
 */
export { encodeModelFile, decodeModelFile, tokenizerFromSpec, tokenizerToSpec } from './modelFile/codec.ts';
export type { ModelFileMeta, StoredModel } from './modelFile/codec.ts';
export { ModelFileError, formatCount } from './modelFile/errors.ts';
export type { ModelFileErrorCode } from './modelFile/errors.ts';
export { parseManifest, formatManifestJson, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION } from './modelFile/manifest.ts';
export type { ModelManifest, TensorEntry, TokenizerSpec, WeightDtype } from './modelFile/manifest.ts';
export { toFloat16Bits, fromFloat16Bits, float32ToFloat16Array, float16ToFloat32Array } from './modelFile/fp16.ts';
export { sha256Hex } from './sha256.ts';
