// Checks for chapter 6's engine exercise (curriculum: "Exercises" of chapter 6, `find-the-pronoun-head`).
// The pure-math exercises of the chapter have their checks in their own file.
import type { HeadViewerSettings, HeadViewerView } from '../../widgets/attention/model/headViewerModel.ts';
import { checkFor, type ExerciseCheck } from './types.ts';

/** How much more the last row must weight "bear" than "honey" (curriculum: at least 0.1). */
export const PRONOUN_HEAD_MARGIN = 0.1;

/** A_last,bear − A_last,honey of the head the view shows, or NaN when either word is missing. */
export function bearOverHoney(view: HeadViewerView): number {
  const last = view.tokens.length - 1;
  const bear = view.tokens.lastIndexOf('bear');
  const honey = view.tokens.lastIndexOf('honey');
  if (last < 0 || bear < 0 || honey < 0) return Number.NaN;
  return view.A[last][bear] - view.A[last][honey];
}

/** Chapter 6 engine checks, keyed by exercise id. */
export const attentionChecks: Record<string, ExerciseCheck> = {
  // On the "hungry" sentence (state and the traced tokens agree), the chosen head's last row prefers bear by ≥ 0.1.
  'find-the-pronoun-head': checkFor<HeadViewerSettings, HeadViewerView>(({ state, view }) =>
    state.text.includes('hungry') && view.tokens.includes('hungry') && view.layer === state.layer && view.head === state.head
    && bearOverHoney(view) >= PRONOUN_HEAD_MARGIN),
};
