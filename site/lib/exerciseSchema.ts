// The frontmatter a chapter uses to declare its exercises and quiz. Shared by the content collection
// (which validates every lesson at build time) and by the unit tests (which read the MDX files directly).
import { z } from 'zod';
import { widgetStates, type WidgetName } from './widgetStates.ts';

/** Exercise ids become URL parts (`/exercises/<id>/`, `#ex-<id>`) and progress keys: lowercase words and dashes. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

/** One answer menu: a labelled choice among a few options; the check reads the chosen option under `key`. */
export const answerMenuSchema = z.object({
  /** The name the check reads (`answer.<key>`): a JavaScript identifier, so the check can write `answer.lowerLoss`. */
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'use letters and digits, starting with a letter'),
  /** The menu's visible label. */
  label: z.string().min(1),
  /** The choices, shown and passed to the check as written; at least two, no repeats. */
  options: z.array(z.string().min(1)).min(2).refine((o) => new Set(o).size === o.length, 'options must differ'),
});

/** One exercise: a task on a widget (or on a typed answer, or on choices in menus), with hints and a worked solution. */
export const exerciseSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** What the learner should achieve; `$…$` renders as math. */
    task: z.string().min(1),
    /** The widget the exercise wraps, by name (see `site/lib/widgetStates.ts`); leave out for an answer-only exercise. */
    widget: z.enum(Object.keys(widgetStates) as [WidgetName, ...WidgetName[]]).optional(),
    /** The widget's starting settings, merged over its defaults. */
    start: z.record(z.string(), z.unknown()).default({}),
    /** Label of the answer box, for exercises checked on a typed answer instead of a widget. */
    answerLabel: z.string().optional(),
    /** Menus to choose the answer from, for exercises checked on choices (the check gets `{ [key]: option }`). */
    answerMenus: z.array(answerMenuSchema).min(1).optional(),
    /** Shown one at a time, in order, when the learner asks. */
    hints: z.array(z.string()).default([]),
    /** The worked solution behind "Show solution". */
    solution: z.string().min(1),
  })
  .superRefine((exercise, ctx) => {
    if (!exercise.widget && !exercise.answerLabel && !exercise.answerMenus) ctx.addIssue({ code: 'custom', message: 'an exercise needs a widget, an answerLabel or answerMenus' });
    // One answer per exercise: the check gets either a string or an object, never has to guess which.
    if (exercise.answerLabel && exercise.answerMenus) ctx.addIssue({ code: 'custom', path: ['answerMenus'], message: 'an exercise takes an answerLabel or answerMenus, not both' });
    const keys = exercise.answerMenus?.map((m) => m.key) ?? [];
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['answerMenus'], message: 'answer menu keys must differ' });
    if (exercise.widget) {
      const spec = widgetStates[exercise.widget];
      const result = spec.schema.safeParse({ ...spec.defaults, ...exercise.start }) as { success: boolean; error?: { message: string } };
      if (!result.success) ctx.addIssue({ code: 'custom', path: ['start'], message: `not a valid ${exercise.widget} state: ${result.error?.message ?? 'rejected by its schema'}` });
    }
  });

/** How a short answer is accepted: numbers within a tolerance, and/or any of some key phrases. */
export const acceptSchema = z.object({
  /** Expected numbers, in order; the answer must contain each (extra words are fine). */
  numbers: z.array(z.number()).optional(),
  /** Largest accepted distance from each expected number. */
  tolerance: z.number().nonnegative().default(0),
  /** The numbers are percentages: also accept them written as fractions (0.71 for 71 %). */
  percent: z.boolean().default(false),
  /** Case-insensitive phrases; any one of them in the answer is enough. */
  keywords: z.array(z.string().min(1)).optional(),
});

const questionBase = { id: slug, question: z.string().min(1), explanation: z.string().min(1) };

/** A quiz question: multiple choice (index of the correct choice) or short answer (with acceptance rules). */
export const quizQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), ...questionBase, choices: z.array(z.string().min(1)).min(2), correct: z.number().int().nonnegative() })
    .refine((q) => q.correct < q.choices.length, { message: 'correct must index one of the choices', path: ['correct'] }),
  z.object({ kind: z.literal('short'), ...questionBase, answer: z.string().min(1), accept: acceptSchema }),
]);

/** A declared exercise after validation. */
export type ExerciseData = z.infer<typeof exerciseSchema>;
/** One answer menu after validation. */
export type AnswerMenu = z.infer<typeof answerMenuSchema>;
/** A quiz question after validation. */
export type QuizQuestionData = z.infer<typeof quizQuestionSchema>;
/** The acceptance rules of a short-answer question. */
export type AcceptRule = z.infer<typeof acceptSchema>;

/** The lesson frontmatter: the chapter fields plus optional exercises and quiz. */
export const lessonSchema = z.object({
  title: z.string(),
  order: z.number().int().positive(),
  summary: z.string(),
  objectives: z.array(z.string()).min(1),
  exercises: z.array(exerciseSchema).default([]),
  quiz: z.array(quizQuestionSchema).default([]),
});
