// The worker's loaded models, by name. A model is downloaded and checked once per worker; every widget reuses it.
import { EngineError } from './errors.ts';
import type { ModelManifest } from './modelFile.ts';
import type { Model } from './model.ts';
import type { Tokenizer } from './tokenizer/types.ts';

/** A model ready to run, with its tokenizer and the manifest it came from. */
export interface LoadedModel {
  name: string;
  model: Model;
  tokenizer: Tokenizer;
  manifest: ModelManifest;
}

const loaded = new Map<string, LoadedModel>();

/** Stores a loaded model under its name (replacing an older one). */
export function putModel(entry: LoadedModel): void {
  loaded.set(entry.name, entry);
}

/** The loaded model called `name`, or undefined. */
export function findModel(name: string): LoadedModel | undefined {
  return loaded.get(name);
}

/** The loaded model called `name`; a clear error if the page forgot to load it first. */
export function requireModel(name: string): LoadedModel {
  const entry = loaded.get(name);
  if (!entry) throw new EngineError('model-not-loaded', `The model "${name}" is not loaded yet. Wait for it to finish downloading, or reload the page.`);
  return entry;
}

/** Forgets every model (tests). */
export function clearModels(): void {
  loaded.clear();
}
