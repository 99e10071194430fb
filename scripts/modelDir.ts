/**
 * Node-only helpers to write and read a model directory (`<dir>/manifest.json` + the weights file it names).
 * The engine itself stays free of node:fs so it can run in a browser worker.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeModelFile, encodeModelFile, formatManifestJson, ModelFileError } from '../engine/modelFile.ts';
import type { ModelFileMeta, ModelManifest, StoredModel } from '../engine/modelFile.ts';
import type { Tokenizer } from '../engine/tokenizer/types.ts';

/** Encodes a model and writes manifest.json and its weights file into `dir` (created if needed). */
export async function writeModelDir(dir: string, model: StoredModel, tokenizer: Tokenizer, meta: ModelFileMeta): Promise<ModelManifest> {
  const { manifest, weights } = encodeModelFile(model, tokenizer, meta);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, manifest.weights.file), weights);
  await writeFile(join(dir, 'manifest.json'), formatManifestJson(manifest));
  return manifest;
}

/** Reads just the manifest JSON of a model directory (no weights, no checks beyond JSON syntax). */
export async function readManifestJson(dir: string): Promise<unknown> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`No model found at ${dir}: ${path} could not be read. Pass --model <dir> pointing at a folder with manifest.json.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ModelFileError('bad-manifest', `${path} is not valid JSON (${(err as Error).message}).`);
  }
}

/** Reads, validates (size, checksum, tensor table) and decodes the model in `dir`. */
export async function readModelDir(dir: string): ReturnType<typeof decodeModelFile> {
  const json = await readManifestJson(dir);
  const file = (json as { weights?: { file?: unknown } })?.weights?.file;
  // basename() keeps a manifest from pointing outside its own directory.
  const weightsName = typeof file === 'string' && file.length > 0 ? basename(file) : 'weights.bin';
  let weights: Uint8Array;
  try {
    weights = new Uint8Array(await readFile(join(dir, weightsName)));
  } catch {
    throw new Error(`The weights file ${join(dir, weightsName)} is missing; the model directory is incomplete.`);
  }
  return decodeModelFile(json, weights);
}
