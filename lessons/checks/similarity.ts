// Checks for chapter 4's exercises (curriculum: "Exercises" of chapter 4).
import type { PlaygroundSettings } from '../../widgets/similarity/playgroundModel.ts';
import type { DimensionSpreadSettings, DimensionSpreadView } from '../../widgets/similarity/dimensionSpreadModel.ts';
import type { QuestionnaireSettings, QuestionnaireView } from '../../widgets/similarity/questionnaireModel.ts';
import { measurePair } from '../../widgets/similarity/vectorMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

const at = (v: readonly number[], x: number, y: number) => v[0] === x && v[1] === y;
const same = (v: readonly number[], expected: readonly number[]) => v.length === expected.length && v.every((x, i) => x === expected[i]);

/** The questionnaire's two people (curriculum: (+1, −1, +1) and (+1, −1, −1)). */
export const QUESTIONNAIRE_A = [1, -1, 1];
export const QUESTIONNAIRE_B = [1, -1, -1];

/** Chapter 4 checks, keyed by exercise id. */
export const similarityChecks: Record<string, ExerciseCheck> = {
  // Measured on the raw vectors (the normalise switch only changes the display): Android must win the dot
  // product by 20 or more while orange still wins on cosine, with apple and orange where they started.
  'longer-not-closer': checkFor<PlaygroundSettings, unknown>(({ state }) => {
    const ab = measurePair(state.a, state.b);
    const ac = measurePair(state.a, state.c);
    return at(state.a, 5, 5) && at(state.b, 6, 1) && ac.dot - ab.dot >= 20 && ab.cosine > ac.cosine;
  }),
  // Only the weights may change (the widget keeps them at 0 or more): a heavy disagreeing question flips the sign.
  'weights-flip-the-match': checkFor<QuestionnaireSettings, QuestionnaireView>(({ state, view }) =>
    view.weighted < 0 && same(state.a, QUESTIONNAIRE_A) && same(state.b, QUESTIONNAIRE_B)),
  'spread-by-dimension': checkFor<DimensionSpreadSettings, DimensionSpreadView>(({ state, view }) =>
    state.d === 64 && state.scaled && Math.abs(view.dotStd - 1) < 0.1),
};
