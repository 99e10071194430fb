// Checks for chapter 3's exercises (curriculum: "Exercises" of chapter 3).
import type { EmbeddingMapSettings, EmbeddingMapView } from '../../widgets/embeddings/embeddingMapModel.ts';
import { isPureCluster } from '../../widgets/embeddings/embeddingMapModel.ts';
import type { EmbeddingPlaneSettings, EmbeddingPlaneView } from '../../widgets/embeddings/embeddingPlaneModel.ts';
import { APPLE_PLANE, PLANE_FRUITS, ROYAL_TOY, distance, type Point } from '../../widgets/embeddings/planeMath.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** True when a plane holds exactly the given words at exactly the given points (a link cannot move the goalposts). */
function samePlane(plane: Readonly<Record<string, Point>>, expected: Readonly<Record<string, Point>>): boolean {
  const words = Object.keys(expected);
  return Object.keys(plane).length === words.length && words.every((w) => Object.hasOwn(plane, w) && distance(plane[w], expected[w]) === 0);
}

/** Chapter 3 checks, keyed by exercise id. */
export const embeddingsChecks: Record<string, ExerciseCheck> = {
  // Curriculum: fruits.includes(view.nearest.apple) && dist(state.pos.apple, [6, 4]) <= 1.5, on the curriculum's fixed plane.
  'place-the-apple': checkFor<EmbeddingPlaneSettings, EmbeddingPlaneView>(({ state, view }) =>
    view.mode === 'place' && samePlane(state.fixed, APPLE_PLANE) &&
    PLANE_FRUITS.includes(view.nearest.apple ?? '') && distance(state.pos.apple, [6, 4]) <= 1.5),
  // Curriculum: eq(view.result, [2, 2]) && state.expr.includes("king") && view.nearest === "queen", on the royal toy.
  // The nearest word excludes the inputs (the analogy rule), so king − king + queen does not count.
  'analogy-by-hand': checkFor<EmbeddingPlaneSettings, EmbeddingPlaneView>(({ state, view }) =>
    view.mode === 'arithmetic' && samePlane(state.words, ROYAL_TOY) && view.result !== null &&
    distance(view.result, [2, 2]) < 1e-9 && state.expr.includes('king') && view.nearest === 'queen'),
  // Every shown neighbour shares a §2.2 list with the chosen word, and the view belongs to that word.
  'pure-cluster': checkFor<EmbeddingMapSettings, EmbeddingMapView>(({ state, view }) =>
    view.word === state.word.trim().toLowerCase() && state.k >= 5 && view.neighbours.length >= 5 && isPureCluster(view.word, view.neighbours)),
};
