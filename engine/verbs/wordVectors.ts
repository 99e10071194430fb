// The embedding rows of a few words, for comparing them with dot product, cosine and distance (chapter 4).
import { EngineError } from '../errors.ts';
import { requireModel } from '../modelStore.ts';
import { suggestKnownWords } from '../tokenizer/word.ts';

/** Most words one request may ask for: enough for a small similarity matrix, small enough to stay cheap. */
export const MAX_WORDS = 10;
/** Longest word accepted: no course word comes close, so anything longer is pasted text, not a word. */
const MAX_WORD_LENGTH = 40;

/** The rows asked for: words as the vocabulary spells them, their ids, and rows [n, dModel]. */
export interface WordVectorsResult { words: string[]; ids: number[]; dModel: number; rows: Float32Array }

/** Looks each word up in the model's vocabulary and copies its row of E (wte). words: n -> rows: [n, dModel] */
export function wordVectorsVerb(params: { model: string; words: string[] }): WordVectorsResult {
  const entry = requireModel(params.model);
  const { tokenizer } = entry;
  if (!Array.isArray(params.words) || params.words.length === 0) throw new EngineError('bad-input', 'Type at least one word.');
  if (params.words.length > MAX_WORDS) throw new EngineError('bad-input', `Compare at most ${MAX_WORDS} words at a time.`);
  const d = entry.model.config.dModel;
  const ids = params.words.map((raw, i) => {
    const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (word === '') throw new EngineError('bad-input', `Word ${i + 1} is empty: type a word.`);
    if (word.length > MAX_WORD_LENGTH) throw new EngineError('bad-input', `Word ${i + 1} is too long to be a word of this model.`);
    const id = tokenizer.idOf(word);
    if (id !== undefined) return id;
    const vocabulary = Array.from({ length: tokenizer.vocabSize }, (_, t) => tokenizer.tokenText(t));
    const suggestions = suggestKnownWords(word, vocabulary, 3);
    const hint = suggestions.length ? ` Try ${suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
    throw new EngineError('bad-input', `"${word}" is not in the model's vocabulary.${hint}`);
  });
  const rows = new Float32Array(ids.length * d);
  ids.forEach((id, i) => rows.set(entry.model.params.wte.subarray(id * d, (id + 1) * d), i * d));
  return { words: ids.map((id) => tokenizer.tokenText(id)), ids, dModel: d, rows };
}
