/**
 * The TinyWorld corpus generator (curriculum §2.3–2.4). Deterministic: the same seed gives
 * byte-identical text on every platform (mulberry32 from ../rng.ts, no Math.random).
 *
 * Reading of §2.3 "Documents are 1–5 mixed sentences, each ending in <eos>": the "each" is the
 * documents. `<eos>` ends a doc (§2.1: "<eos> ends a document and stops generation"), and
 * the rule that a capital sentence "ends its doc in at least half of its occurrences, so
 * <eos> is the likeliest token after it" only makes sense if sentences inside a doc are not
 * followed by <eos>. A doc is its sentences joined by spaces, then " <eos>", one per line.
 */
import { createRng } from '../rng.ts';
import { choiceNats } from './entropy.ts';
import { HELD_OUT_ENTITY, drawSentence } from './sampler.ts';
import type { EntityGate } from './sampler.ts';
import { CorpusStatsCollector } from './corpusStats.ts';
import type { CorpusStats } from './corpusStats.ts';
import type { FamilyId } from './templateModel.ts';

/** Options for `generateCorpus`. */
export interface CorpusOptions {
  seed: number;
  /** Number of documents; default 40,000 (≈ 1.1 M tokens). */
  documents?: number;
  /** Share of documents held out for validation; default 0.02. */
  validationFraction?: number;
}

/** One sentence (one filled template) of a doc. */
export interface CorpusSentence {
  templateId: string;
  family: FamilyId;
  text: string;
}

/** One doc: its text ends in "<eos>". */
export interface CorpusDocument {
  split: 'train' | 'validation';
  text: string;
  sentences: CorpusSentence[];
  tokenCount: number;
  /** −ln P(doc | everything before it in its split), in nats. */
  nats: number;
}

/** A generated corpus: documents in order, the two splits as text (one doc per line), stats. */
export interface Corpus {
  seed: number;
  documents: CorpusDocument[];
  trainText: string;
  validationText: string;
  stats: CorpusStats;
}

/** The default number of documents. */
export const DEFAULT_DOCUMENTS = 40_000;
/** Documents hold at most this many sentences. */
export const MAX_SENTENCES = 5;
/** Probability of ending the doc after an ordinary sentence (≈ 3 sentences per doc, ≈ 120,000 in all). */
export const STOP_AFTER_SENTENCE = 0.24;
/** Probability of ending the doc right after "the capital of {country} is {capital} ." (C-2b). */
export const STOP_AFTER_CAPITAL_FACT = 0.6;
/** The training sequence length: no sequence this long holds a held-out country with its capital. */
export const HELD_OUT_WINDOW = 64;

/** Picks exactly round(fraction · n) validation documents with a partial Fisher–Yates shuffle. */
function validationSet(seed: number, n: number, fraction: number): Set<number> {
  const rng = createRng((seed ^ 0x9e3779b9) >>> 0);
  const order = Array.from({ length: n }, (_, i) => i);
  const k = Math.round(fraction * n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Set(order.slice(0, k));
}

/**
 * Where held-out countries and capitals were last named in one split's token stream.
 * A held-out country may not be named in a doc, or within HELD_OUT_WINDOW tokens, of its
 * capital (and the reverse), so no doc and no training sequence of the split (documents
 * concatenated in order) contains both.
 */
class HeldOutTracker {
  private lastPosition = new Map<string, number>();
  private inDocument = new Set<string>();
  position = 0;

  gate: EntityGate = (word) => {
    const entity = HELD_OUT_ENTITY.get(word);
    if (!entity) return true;
    const partner = `${entity.pair}:${entity.kind === 'country' ? 'capital' : 'country'}`;
    if (this.inDocument.has(partner)) return false;
    const last = this.lastPosition.get(partner);
    return last === undefined || this.position - last >= HELD_OUT_WINDOW;
  };

  record(tokens: readonly string[]): void {
    tokens.forEach((word, i) => {
      const entity = HELD_OUT_ENTITY.get(word);
      if (!entity) return;
      const name = `${entity.pair}:${entity.kind}`;
      this.inDocument.add(name);
      this.lastPosition.set(name, this.position + i);
    });
    this.position += tokens.length;
  }

  endDocument(): void {
    this.inDocument.clear();
    this.position += 1; // the <eos> token
  }
}

/** Generates one doc: sentences until a stop choice (or MAX_SENTENCES), then <eos>. */
function generateDocument(rng: () => number, tracker: HeldOutTracker, split: CorpusDocument['split'], stats: CorpusStatsCollector): CorpusDocument {
  const sentences: CorpusSentence[] = [];
  const tokens: string[] = [];
  let nats = 0;
  let previousWasQuiz = false;
  for (;;) {
    const drawn = drawSentence(rng, previousWasQuiz, tracker.gate);
    tracker.record(drawn.tokens);
    nats += drawn.nats;
    tokens.push(...drawn.tokens);
    const text = drawn.tokens.join(' ');
    sentences.push({ templateId: drawn.template.id, family: drawn.template.family, text });
    previousWasQuiz = drawn.template.tags?.includes('quiz') ?? false;
    const isFact = drawn.template.tags?.includes('capitalFact') ?? false;
    let stop = true;
    if (sentences.length < MAX_SENTENCES) {
      const pStop = isFact ? STOP_AFTER_CAPITAL_FACT : STOP_AFTER_SENTENCE;
      stop = rng() < pStop;
      nats += stop ? choiceNats(pStop, 1) : choiceNats(1 - pStop, 1);
    }
    stats.addSentence(drawn, stop);
    if (stop) break;
  }
  tracker.endDocument();
  tokens.push('<eos>');
  const doc: CorpusDocument = { split, text: tokens.join(' '), sentences, tokenCount: tokens.length, nats };
  stats.addDocument(doc);
  return doc;
}

/** Generates the TinyWorld corpus for a seed. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const n = options.documents ?? DEFAULT_DOCUMENTS;
  const validation = validationSet(options.seed, n, options.validationFraction ?? 0.02);
  const rng = createRng(options.seed);
  const trackers = { train: new HeldOutTracker(), validation: new HeldOutTracker() };
  const stats = new CorpusStatsCollector();
  const documents: CorpusDocument[] = [];
  for (let i = 0; i < n; i++) {
    const split = validation.has(i) ? 'validation' : 'train';
    documents.push(generateDocument(rng, trackers[split], split, stats));
  }
  const textOf = (split: CorpusDocument['split']) =>
    documents.filter((d) => d.split === split).map((d) => `${d.text}\n`).join('');
  return { seed: options.seed, documents, trainText: textOf('train'), validationText: textOf('validation'), stats: stats.finish() };
}
