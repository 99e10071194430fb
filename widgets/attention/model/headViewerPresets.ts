// The sentences the chapter reads heads on. A preset changes only the text and the query row, never the model,
// layer or head, so the learner can flip between two sentences and watch the same head change its mind.
import type { HeadViewerSettings } from './headViewerModel.ts';

/** One preset: a button label and the settings it changes. */
export interface HeadViewerPreset {
  id: string;
  label: string;
  patch: Pick<HeadViewerSettings, 'text' | 'query'>;
}

/** The coreference pair: only the adjective differs, and with it what "it" means. */
export const BEAR_HUNGRY = 'the bear ate the honey because it was hungry . so the';
/** The same sentence where "it" is the honey. */
export const BEAR_DELICIOUS = 'the bear ate the honey because it was delicious . so the';
/** "apple" after fruit cues (it is the last token, so the query row −1 is apple). */
export const APPLE_FRUIT = 'she ate a juicy apple';
/** "apple" after company cues. */
export const APPLE_COMPANY = 'the tech company apple';

/** The presets, in the order the buttons show them. */
export const HEAD_VIEWER_PRESETS: readonly HeadViewerPreset[] = [
  { id: 'bear-hungry', label: 'bear … hungry', patch: { text: BEAR_HUNGRY, query: -1 } },
  { id: 'bear-delicious', label: 'bear … delicious', patch: { text: BEAR_DELICIOUS, query: -1 } },
  { id: 'apple-fruit', label: 'apple after fruit words', patch: { text: APPLE_FRUIT, query: -1 } },
  { id: 'apple-company', label: 'apple after company words', patch: { text: APPLE_COMPANY, query: -1 } },
];
