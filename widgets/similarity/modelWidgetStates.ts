// URL state of chapter 4's three course-model widgets (the word pair, the similarity matrix and "apple" layer by
// layer): what a learner typed, so a shared link reopens the same comparison.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import { MAX_INPUT_LENGTH, WORD_PRESETS } from './similarityMatrixModel.ts';

/** ModelWordPair's settings: the two words compared. */
export interface WordPairSettings { first: string; second: string }
/** Opens on apple and banana, the lesson's first pair. */
export const DEFAULT_WORD_PAIR: WordPairSettings = { first: 'apple', second: 'banana' };
/** Version 1: two words; the widget itself says when one is not in the vocabulary. */
export const wordPairState = defineWidgetState<WordPairSettings>({
  version: 1,
  defaults: DEFAULT_WORD_PAIR,
  schema: z.object({ first: z.string().max(200), second: z.string().max(200) }),
});

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

/** SenseByLayer's settings: the two sentences whose "apple" vectors are compared. */
export interface SentencePairSettings { first: string; second: string }
/** Opens on the lesson's fruit and company sentences. */
export const DEFAULT_SENTENCE_PAIR: SentencePairSettings = { first: 'she ate a red apple', second: 'the tech company apple' };
/** Version 1: two sentences, as long as the input boxes allow. */
export const sentencePairState = defineWidgetState<SentencePairSettings>({
  version: 1,
  defaults: DEFAULT_SENTENCE_PAIR,
  schema: z.object({ first: z.string().max(400), second: z.string().max(400) }),
});
