// URL state of chapter 4's three course-model widgets (the word pair, the similarity matrix and "apple" layer by
// layer): what a learner typed, so a shared link reopens the same comparison.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import { MAX_INPUT_LENGTH, WORD_PRESETS } from './similarityMatrixModel.ts';

/** Two typed texts side by side: ModelWordPair's words, SenseByLayer's sentences. */
export interface TextPairSettings { first: string; second: string }

/** Longest word the word pair's boxes accept. */
export const WORD_MAX_LENGTH = 200;
/** Longest sentence SenseByLayer's boxes accept. */
export const SENTENCE_MAX_LENGTH = 400;

/** Version 1 of a text pair's URL state: both texts up to `maxLength`; the widget itself judges the words. */
function textPairState(defaults: TextPairSettings, maxLength: number) {
  return defineWidgetState<TextPairSettings>({
    version: 1,
    defaults,
    schema: z.object({ first: z.string().max(maxLength), second: z.string().max(maxLength) }),
  });
}

/** Opens on apple and banana, the lesson's first pair. */
export const DEFAULT_WORD_PAIR: TextPairSettings = { first: 'apple', second: 'banana' };
/** ModelWordPair's URL state. */
export const wordPairState = textPairState(DEFAULT_WORD_PAIR, WORD_MAX_LENGTH);

/** Opens on the lesson's fruit and company sentences. */
export const DEFAULT_SENTENCE_PAIR: TextPairSettings = { first: 'she ate a red apple', second: 'the tech company apple' };
/** SenseByLayer's URL state. */
export const sentencePairState = textPairState(DEFAULT_SENTENCE_PAIR, SENTENCE_MAX_LENGTH);

/** ModelSimilarityMatrix's settings: the word list as typed. */
export interface WordListSettings { text: string }
/** Opens on the first preset ("fruit and phones"). */
export const DEFAULT_WORD_LIST: WordListSettings = { text: WORD_PRESETS[0].words.join(', ') };
/** Version 1: the typed list, as long as the input box allows. */
export const wordListState = defineWidgetState<WordListSettings>({
  version: 1,
  defaults: DEFAULT_WORD_LIST,
  schema: z.object({ text: z.string().max(MAX_INPUT_LENGTH) }),
});
