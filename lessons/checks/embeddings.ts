// Checks for chapter 3's exercises (curriculum: "Exercises" of chapter 3).
import type { EmbeddingMapSettings, EmbeddingMapView } from '../../widgets/embeddings/embeddingMapModel.ts';
import { isPureCluster } from '../../widgets/embeddings/embeddingMapModel.ts';
import { APPLE_PLANE, PLANE_FRUITS, ROYAL_TOY, distance, evaluate, nearestWord, parseExpression, parsePoint } from '../../widgets/embeddings/planeMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** Chapter 3 checks, keyed by exercise id. */
export const embeddingsChecks: Record<string, ExerciseCheck> = {
  // Typed "x, y" for apple: its nearest word is a fruit and it lies within 1.5 of cherry (6, 4).
  'place-the-apple': checkFor<unknown, unknown>(({ answer }) => {
    const p = parsePoint(answer);
    if (!p) return false;
    const nearest = nearestWord(p, APPLE_PLANE);
    return nearest !== null && PLANE_FRUITS.includes(nearest) && distance(p, APPLE_PLANE.cherry) <= 1.5;
  }),
  // A typed expression that starts from king (queen itself not used) and lands on queen's point (2, 2).
  'analogy-by-hand': checkFor<unknown, unknown>(({ answer }) => {
    const expr = parseExpression(answer, ROYAL_TOY);
    if (!expr || !expr.terms.some((t) => t.word === 'king' && t.sign === 1) || expr.terms.some((t) => t.word === 'queen')) return false;
    const result = evaluate(expr, ROYAL_TOY);
    return distance(result, ROYAL_TOY.queen) < 1e-9 && nearestWord(result, ROYAL_TOY) === 'queen';
  }),
  // Every shown neighbour shares a §2.2 list with the chosen word, and the view belongs to that word.
  'pure-cluster': checkFor<EmbeddingMapSettings, EmbeddingMapView>(({ state, view }) =>
    view.word === state.word.trim().toLowerCase() && state.k >= 5 && view.neighbours.length >= 5 && isPureCluster(view.word, view.neighbours)),
};
