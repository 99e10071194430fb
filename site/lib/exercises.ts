// Exercises and quiz questions as the site sees them: read from the lessons collection, never from a hand list.
import type { ExerciseData } from './exerciseSchema';
import { lessonHref, lessonsInOrder, type Lesson } from './lessons';

/** An exercise together with the chapter that declares it. */
export interface ExerciseEntry {
  exercise: ExerciseData;
  lesson: Lesson;
}

/** Every exercise in course order (chapter order, then declaration order). */
export async function allExercises(): Promise<ExerciseEntry[]> {
  const lessons = await lessonsInOrder();
  return lessons.flatMap((lesson) => lesson.data.exercises.map((exercise) => ({ exercise, lesson })));
}

/** The exercise with this id; throws at build time so a typo in a lesson fails loudly. */
export async function exerciseById(id: string): Promise<ExerciseEntry> {
  const found = (await allExercises()).find((entry) => entry.exercise.id === id);
  if (!found) throw new Error(`No exercise with id "${id}" is declared in any lesson's frontmatter.`);
  return found;
}

/** Anchor of an exercise on its chapter page (present in the static HTML). */
export const exerciseAnchor = (id: string): string => `ex-${id}`;
/** Id of the widget an exercise wraps: also its URL parameter name. */
export const exerciseWidgetId = (id: string): string => `ex-${id}-widget`;
/** The exercise inside its chapter. */
export const exerciseInChapterHref = (entry: ExerciseEntry): string => `${lessonHref(entry.lesson)}#${exerciseAnchor(entry.exercise.id)}`;
/** The standalone (projector) page. */
export const standaloneHref = (id: string): string => `/exercises/${id}/`;
/** The minimal page for an LMS iframe. */
export const embedHref = (id: string): string => `/exercises/${id}/embed/`;

/** Progress items of a chapter, as counted by the progress store: `ex:<id>` and `quiz:<lesson>/<question>`. */
export function progressItems(lesson: Lesson): string[] {
  return [
    ...lesson.data.exercises.map((e) => `ex:${e.id}`),
    ...lesson.data.quiz.map((q) => `quiz:${quizKey(lesson.id, q.id)}`),
  ];
}

/** The progress key of a quiz question. */
export const quizKey = (lessonId: string, questionId: string): string => `${lessonId}/${questionId}`;
