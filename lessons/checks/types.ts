// The shape of an exercise check. Checks are plain TypeScript functions keyed by exercise id (never strings
// evaluated at run time: the site's content security policy forbids eval).

/** What a check sees: the wrapped widget's shareable state and derived view, and the learner's typed answer. */
export interface CheckInput<S = unknown, V = unknown> {
  state: S;
  view: V;
  /** The text in the answer box ('' for widget exercises). */
  answer: string;
}

/** True when the exercise is solved. It may assume `state` and `view` come from the widget the exercise declares. */
export type ExerciseCheck<S = unknown, V = unknown> = (input: CheckInput<S, V>) => boolean;

/** Narrows a check to one widget's state and view types, keeping the table of checks uniformly typed. */
export function checkFor<S, V>(check: ExerciseCheck<S, V>): ExerciseCheck {
  return check as ExerciseCheck;
}

/** Runs a check, treating any exception as "not solved yet" so a half-typed input can never break the page. */
export function runCheck(check: ExerciseCheck | undefined, input: CheckInput): boolean {
  if (!check) return false;
  try {
    return check(input) === true;
  } catch {
    return false;
  }
}
