// Checks for chapter 4's exercises (curriculum: "Exercises" of chapter 4).
import type { PlaygroundSettings } from '../../widgets/similarity/playgroundModel.ts';
import type { DimensionSpreadSettings, DimensionSpreadView } from '../../widgets/similarity/dimensionSpreadModel.ts';
import { dot, measurePair } from '../../widgets/similarity/vectorMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

const at = (v: readonly number[], x: number, y: number) => v[0] === x && v[1] === y;

/** The questionnaire's two people (curriculum: (+1, −1, +1) and (+1, −1, −1)). */
export const QUESTIONNAIRE_A = [1, -1, 1];
export const QUESTIONNAIRE_B = [1, -1, -1];

/** Reads exactly three numbers (weights) from a typed answer such as "1, 1, 10"; throws otherwise. */
export function readWeights(answer: string): number[] {
  const numbers = (answer.match(/[-−]?\d+(?:\.\d+)?/g) ?? []).map((s) => Number(s.replace('−', '-')));
  if (numbers.length !== 3) throw new Error('three weights expected');
  return numbers;
}

/** Chapter 4 checks, keyed by exercise id. */
export const similarityChecks: Record<string, ExerciseCheck> = {
  // Measured on the raw vectors (the normalise switch only changes the display): Android must win the dot
  // product by 20 or more while orange still wins on cosine, with apple and orange where they started.
  'longer-not-closer': checkFor<PlaygroundSettings, unknown>(({ state }) => {
    const ab = measurePair(state.a, state.b);
    const ac = measurePair(state.a, state.c);
    return at(state.a, 5, 5) && at(state.b, 6, 1) && ac.dot - ab.dot >= 20 && ab.cosine > ac.cosine;
  }),
  // Weights must be importances (not negative): the point is that a heavy disagreeing question flips the sign.
  'weights-flip-the-match': checkFor<unknown, unknown>(({ answer }) => {
    const w = readWeights(answer);
    if (w.some((x) => x < 0)) return false;
    const weighted = QUESTIONNAIRE_A.map((a, i) => a * w[i]);
    return dot(weighted, QUESTIONNAIRE_B) < 0;
  }),
  'spread-by-dimension': checkFor<DimensionSpreadSettings, DimensionSpreadView>(({ state, view }) =>
    state.d === 64 && state.scaled && Math.abs(view.dotStd - 1) < 0.1),
};
