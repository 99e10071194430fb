/**
 * C-7: nearest neighbours by cosine over the token embeddings E, word analogies (a − b + c), and the
 * `pure-cluster` word whose five nearest neighbours all share a §2.2 list with it. The ranking is the
 * one the embedding widgets use (engine/embeddings.ts), so a lesson shows exactly what was checked.
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import { listWords, listsOf } from '../corpus/wordLists.ts';
import type { Model } from '../model.ts';
import type { Tokenizer } from '../tokenizer/types.ts';
import type { CheckOutcome } from './types.ts';
import { fraction, round } from './types.ts';
import { cosine, row } from './vectors.ts';
import { analogyVector, nearestByCosine } from '../embeddings.ts';
import { isSpecialToken } from '../tokenizer/word.ts';

/** Analogies that must land in the top 3 (of 4). */
export const ANALOGIES_REQUIRED = 2;
/** How far down an analogy's answer may rank. */
export const ANALOGY_TOP = 3;
/** The pure-cluster condition looks at this many neighbours. */
export const PURE_CLUSTER_K = 5;

/** A token embedding table with the token text of every row. */
export interface Embeddings {
  /** [V, d] */
  matrix: Float32Array;
  d: number;
  tokens: readonly string[];
}

/** One neighbour: its token and cosine to the query. */
export interface Neighbour {
  token: string;
  id: number;
  cosine: number;
}

/** The model's (tied) token embeddings E with the tokenizer's token texts. */
export function embeddingsOf(model: Model, tokenizer: Tokenizer): Embeddings {
  const V = model.config.vocabSize;
  return { matrix: model.params.wte, d: model.config.dModel, tokens: Array.from({ length: V }, (_, id) => tokenizer.tokenText(id)) };
}

function idOf(E: Embeddings, word: string): number {
  const id = E.tokens.indexOf(word);
  if (id < 0) throw new RangeError(`"${word}" is not in the vocabulary.`);
  return id;
}

/**
 * Ids never offered as neighbours: special tokens such as <eos> (not words; the lesson widgets leave them
 * out too, so what a learner sees is what the check measured) plus the given ones.
 */
function excluded(E: Embeddings, ids: readonly number[]): Set<number> {
  const out = new Set(ids);
  E.tokens.forEach((token, id) => isSpecialToken(token) && out.add(id));
  return out;
}

/** The k rows closest to a vector by cosine, skipping `exclude` ids; ties go to the lower id. query: [d] -> [k] */
export function nearestToVector(E: Embeddings, query: ArrayLike<number>, k: number, exclude: ReadonlySet<number> = new Set()): Neighbour[] {
  return nearestByCosine(E.matrix, E.d, query, k, exclude).map((n) => ({ token: E.tokens[n.index], id: n.index, cosine: n.cosine }));
}

/** The k nearest words to `word` by cosine over E (the word itself and special tokens excluded). */
export function cosineNeighbours(E: Embeddings, word: string, k: number): Neighbour[] {
  const id = idOf(E, word);
  return nearestToVector(E, row(E.matrix, id, E.d), k, excluded(E, [id]));
}

/** a − b + c, then the k nearest words by cosine with a, b, c (and special tokens) excluded (king − man + woman). */
export function analogy(E: Embeddings, a: string, b: string, c: string, k = ANALOGY_TOP): Neighbour[] {
  const ids = [idOf(E, a), idOf(E, b), idOf(E, c)];
  return nearestToVector(E, analogyVector(E.matrix, E.d, ids[0], ids[1], ids[2]), k, excluded(E, ids));
}

/** True when every one of the word's k nearest neighbours shares a §2.2 list with it. */
export function isPureCluster(E: Embeddings, word: string, k = PURE_CLUSTER_K): boolean {
  const own = new Set(listsOf(word));
  if (own.size === 0) return false;
  return cosineNeighbours(E, word, k).every((n) => listsOf(n.token).some((list) => own.has(list)));
}

/** The first §2.2 list word (in vocabulary order) that forms a pure cluster, or null. */
export function findPureClusterWord(E: Embeddings, k = PURE_CLUSTER_K): string | null {
  for (const word of listWords()) if (E.tokens.includes(word) && isPureCluster(E, word, k)) return word;
  return null;
}

/** One neighbour requirement of C-7 and what was found. */
export interface NeighbourReading {
  word: string;
  k: number;
  min: number;
  hits: number;
  neighbours: string[];
}

/** One analogy and its top 3. */
export interface AnalogyReading {
  a: string;
  b: string;
  c: string;
  expected: string;
  top: string[];
}

/** Everything C-7 reads from E. */
export interface NeighbourMeasurement {
  neighbours: NeighbourReading[];
  analogies: AnalogyReading[];
  pureCluster: string | null;
}

/** C-7 measurement (pure: reads only E). */
export function measureNeighbours(E: Embeddings): NeighbourMeasurement {
  return {
    neighbours: ACCEPTANCE_PROMPTS.neighbours.map(({ word, k, anyOf, min }) => {
      const found = cosineNeighbours(E, word, k).map((n) => n.token);
      return { word, k, min, hits: found.filter((t) => anyOf.includes(t)).length, neighbours: found };
    }),
    analogies: ACCEPTANCE_PROMPTS.analogies.map((q) => ({ ...q, top: analogy(E, q.a, q.b, q.c).map((n) => n.token) })),
    pureCluster: findPureClusterWord(E),
  };
}

/** C-7 verdict: every neighbour requirement, ≥ 2 of 4 analogies, and a pure-cluster word. */
export function judgeNeighbours(m: NeighbourMeasurement): CheckOutcome {
  const neighboursOk = m.neighbours.map((n) => n.hits >= n.min);
  const analogyHits = m.analogies.filter((a) => a.top.includes(a.expected));
  return {
    id: 'C-7',
    title: 'Embedding neighbours and analogies',
    met: neighboursOk.every(Boolean) && analogyHits.length >= ANALOGIES_REQUIRED && m.pureCluster !== null,
    measured: {
      neighbours: fraction(neighboursOk.filter(Boolean).length, m.neighbours.length),
      analogies: fraction(analogyHits.length, m.analogies.length),
      pureCluster: m.pureCluster,
    },
    threshold: `all ${m.neighbours.length} neighbour conditions; ≥ ${ANALOGIES_REQUIRED}/4 analogies in top ${ANALOGY_TOP}; a pure-cluster word exists`,
    details: {
      neighbours: m.neighbours.map((n) => ({ word: n.word, hits: n.hits, min: n.min, top: n.neighbours.join(' ') })),
      // Reported in full: lessons show the misses honestly.
      analogies: m.analogies.map((a) => ({ query: `${a.a} − ${a.b} + ${a.c}`, expected: a.expected, top3: a.top.join(' '), hit: a.top.includes(a.expected) })),
    },
  };
}

/** Cosine of two words over E, rounded for display. */
export function wordCosine(E: Embeddings, a: string, b: string): number {
  return round(cosine(row(E.matrix, idOf(E, a), E.d), row(E.matrix, idOf(E, b), E.d)), 6);
}
