import { getCollection, type CollectionEntry } from 'astro:content';

/** A chapter entry from the content collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** All chapters, in course order. */
export async function lessonsInOrder(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** The URL of a chapter page. */
export function lessonHref(lesson: Lesson): string {
  return `/chapters/${lesson.id}/`;
}
