// Turning a learner's text into token ids the model can run, with sentences for everything that can go wrong.
import { EngineError } from '../errors.ts';
import type { LoadedModel } from '../modelStore.ts';
import { suggestKnownWords } from '../tokenizer/word.ts';

/** Longest text (in characters) a verb accepts; a bigger paste is refused with a sentence, not a frozen tab. */
export const MAX_TEXT_CHARS = 200_000;

/** Checks the text is a non-empty string of a sane size. */
export function assertText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new EngineError('bad-input', 'The text is missing.');
  if (text.length > MAX_TEXT_CHARS) {
    throw new EngineError('bad-input', `That text is ${text.length.toLocaleString('en')} characters long; paste at most ${MAX_TEXT_CHARS.toLocaleString('en')}.`);
  }
}

/**
 * Encodes text for running through the model: refuses empty text, unknown words (naming them and
 * suggesting known ones) and text longer than the model's context length.
 */
export function promptIds(entry: LoadedModel, text: unknown): number[] {
  assertText(text);
  const encoding = entry.tokenizer.encode(text);
  if (encoding.ids.length === 0) throw new EngineError('bad-input', 'Type some text first: the prompt is empty.');
  if (encoding.unknown.length > 0) {
    const first = encoding.unknown[0];
    const vocabulary = Array.from({ length: entry.tokenizer.vocabSize }, (_, id) => entry.tokenizer.tokenText(id));
    const suggestions = suggestKnownWords(first.word, vocabulary, 3);
    const others = encoding.unknown.length > 1 ? ` (and ${encoding.unknown.length - 1} more unknown word${encoding.unknown.length > 2 ? 's' : ''})` : '';
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    throw new EngineError('bad-input', `The model has never seen the word "${first.word}"${others}.${hint}`);
  }
  const limit = entry.model.config.contextLength;
  if (encoding.ids.length > limit) {
    throw new EngineError('bad-input', `That text is ${encoding.ids.length} tokens; this model reads at most ${limit}. Shorten it.`);
  }
  return encoding.ids;
}

/** The display text of each id. */
export function tokenTexts(entry: LoadedModel, ids: readonly number[]): string[] {
  return ids.map((id) => entry.tokenizer.tokenText(id));
}
