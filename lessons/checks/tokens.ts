// Checks for chapter 2's exercises (curriculum: "Exercises" of chapter 2).
import type { BpeStepperSettings, BpeStepperView } from '../../widgets/tokens/bpeStepperModel.ts';
import type { PlaygroundSettings, PlaygroundView } from '../../widgets/tokens/playgroundModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** Lower-cases and keeps letters only, so ␣strawberry, "strawberry and Strawberry all read "strawberry". */
export const lettersOnly = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

const HUG_WORDS = [['hug', 1], ['hugs', 1], ['bug', 1], ['bugs', 1]];
const isHugCorpus = (view: BpeStepperView) =>
  view.words.length === HUG_WORDS.length && view.words.every((w, i) => w.word === HUG_WORDS[i][0] && w.count === HUG_WORDS[i][1]);

/** Chapter 2 checks, keyed by exercise id. */
export const tokensChecks: Record<string, ExerciseCheck> = {
  // Three merges on the curriculum's words leave 6 tokens, and the first merge is u + g.
  'bpe-hug-merges': checkFor<BpeStepperSettings, BpeStepperView>(({ view }) =>
    isHugCorpus(view) && view.merges.length === 3 && view.tokenCount === 6 && view.merges[0] === 'u g'),
  // Two spellings of strawberry whose GPT-2 counts differ by at least 3 (e.g. ␣strawberry 1 and "strawberry 4).
  'strawberry-variants': checkFor<PlaygroundSettings, PlaygroundView>(({ state, view }) =>
    state.compare && state.left === 'r50k' && state.right === 'r50k' &&
    lettersOnly(view.textLeft) === 'strawberry' && lettersOnly(view.textRight) === 'strawberry' &&
    view.countLeft !== null && view.countRight !== null && Math.abs(view.countLeft - view.countRight) >= 3),
  // Five characters that are one GPT-4o token and at least five GPT-2 tokens (こんにちは gives 6 and 1).
  'five-chars-one-token': checkFor<PlaygroundSettings, PlaygroundView>(({ state, view }) =>
    state.compare && state.left === 'r50k' && state.right === 'o200k' && view.textLeft === view.textRight &&
    [...state.text].length === 5 && view.countRight === 1 && view.countLeft !== null && view.countLeft >= 5),
};
