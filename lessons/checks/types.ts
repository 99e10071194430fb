// The shape of an exercise check. Checks are plain TypeScript functions keyed by exercise id (never strings
// evaluated at run time: the site's content security policy forbids eval).

/** A menu answer: each menu's key → the option the learner chose (see `answerMenus` in the exercise schema). */
export type MenuAnswer = Readonly<Record<string, string>>;

/** What the learner submitted: the text in the answer box, or the choices in the answer menus. */
export type Answer = string | MenuAnswer;

/** What a check sees: the wrapped widget's shareable state and derived view, and the learner's answer. */
export interface CheckInput<S = unknown, V = unknown, A extends Answer = Answer> {
  state: S;
  view: V;
  /** The text in the answer box ('' for widget exercises), or the chosen options of a menu exercise. */
  answer: A;
}

/** True when the exercise is solved. It may assume `state` and `view` come from the widget the exercise declares. */
export type ExerciseCheck<S = unknown, V = unknown, A extends Answer = Answer> = (input: CheckInput<S, V, A>) => boolean;

/** Narrows a check to one widget's state and view types (and a typed answer), keeping the table of checks uniformly typed. */
export function checkFor<S, V>(check: ExerciseCheck<S, V, string>): ExerciseCheck {
  return check as ExerciseCheck;
}

/** A check on a menu answer; says "not solved" to a text answer, so a check can never read a string as choices. */
export function checkMenus<S, V>(check: ExerciseCheck<S, V, MenuAnswer>): ExerciseCheck {
  return (input) => typeof input.answer === 'object' && input.answer !== null && check(input as CheckInput<S, V, MenuAnswer>);
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
