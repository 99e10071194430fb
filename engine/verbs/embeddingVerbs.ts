// Questions about the model's token embedding table E (wte): a 2-D/3-D map, cosine neighbours, analogies.
import { EngineError } from '../errors.ts';
import { analogyVector, nearestByCosine, row } from '../embeddings.ts';
import type { LoadedModel } from '../modelStore.ts';
import { requireModel } from '../modelStore.ts';
import { pca } from '../pca.ts';
import { suggestKnownWords } from '../tokenizer/word.ts';

/** A neighbour with its token text. */
export interface WordNeighbour { id: number; token: string; cosine: number }

const maps = new WeakMap<LoadedModel, Map<number, { coords: Float32Array; explained: number[] }>>();

function vocabulary(entry: LoadedModel): string[] {
  return Array.from({ length: entry.tokenizer.vocabSize }, (_, id) => entry.tokenizer.tokenText(id));
}

/** Special tokens (<eos>, <pad>, …) are left out of neighbour lists: they are not words a learner asked about. */
function specialIds(entry: LoadedModel): Set<number> {
  const ids = new Set<number>();
  vocabulary(entry).forEach((token, id) => /^<.*>$/.test(token) && ids.add(id));
  return ids;
}

function wordId(entry: LoadedModel, word: unknown): number {
  if (typeof word !== 'string' || word.trim() === '') throw new EngineError('bad-input', 'Type a word first.');
  const clean = word.trim().toLowerCase();
  const id = entry.tokenizer.idOf(clean);
  if (id !== undefined) return id;
  const suggestions = suggestKnownWords(clean, vocabulary(entry), 3);
  const hint = suggestions.length ? ` Try ${suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
  throw new EngineError('bad-input', `"${clean}" is not in the model's vocabulary.${hint}`);
}

function clampK(k: unknown, fallback: number): number {
  return Number.isInteger(k) ? Math.max(1, Math.min(k as number, 50)) : fallback;
}

/** Every token's embedding projected on the top 2 or 3 principal components (computed once per model). */
export function embeddingMapVerb(params: { model: string; dims: 2 | 3 }): { coords: Float32Array; dims: number; explained: number[]; vocabulary: string[] } {
  const entry = requireModel(params.model);
  if (params.dims !== 2 && params.dims !== 3) throw new EngineError('bad-input', 'The map can be 2-D or 3-D.');
  let cache = maps.get(entry);
  if (!cache) maps.set(entry, (cache = new Map()));
  let map = cache.get(params.dims);
  if (!map) {
    const { vocabSize: V, dModel: d } = entry.model.config;
    const { coords, explained } = pca(entry.model.params.wte, V, d, params.dims);
    cache.set(params.dims, (map = { coords, explained }));
  }
  // Copy so the cached map survives transfer of the result.
  return { coords: map.coords.slice(), dims: params.dims, explained: map.explained, vocabulary: vocabulary(entry) };
}

/** The k words whose embeddings point most nearly the same way as `word`'s. */
export function neighboursVerb(params: { model: string; word: string; k?: number }): { word: string; neighbours: WordNeighbour[] } {
  const entry = requireModel(params.model);
  const id = wordId(entry, params.word);
  const d = entry.model.config.dModel;
  const exclude = specialIds(entry).add(id);
  const found = nearestByCosine(entry.model.params.wte, d, row(entry.model.params.wte, id, d), clampK(params.k, 10), exclude);
  return { word: entry.tokenizer.tokenText(id), neighbours: found.map((n) => ({ id: n.index, token: entry.tokenizer.tokenText(n.index), cosine: n.cosine })) };
}

/** Nearest words to a − b + c (king − man + woman), the three inputs excluded. */
export function analogyVerb(params: { model: string; a: string; b: string; c: string; k?: number }): { expression: string; neighbours: WordNeighbour[] } {
  const entry = requireModel(params.model);
  const [a, b, c] = [wordId(entry, params.a), wordId(entry, params.b), wordId(entry, params.c)];
  const d = entry.model.config.dModel;
  const target = analogyVector(entry.model.params.wte, d, a, b, c);
  const exclude = specialIds(entry);
  [a, b, c].forEach((id) => exclude.add(id));
  const found = nearestByCosine(entry.model.params.wte, d, target, clampK(params.k, 5), exclude);
  const text = (id: number) => entry.tokenizer.tokenText(id);
  return { expression: `${text(a)} − ${text(b)} + ${text(c)}`, neighbours: found.map((n) => ({ id: n.index, token: text(n.index), cosine: n.cosine })) };
}
