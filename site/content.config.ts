import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lib/exerciseSchema';

/** The chapters: one MDX file each under `lessons/`, ordered by `order`, with their exercises and quiz in frontmatter. */
const lessons = defineCollection({
  // File names start with the chapter number for authors; URLs drop it so renumbering never breaks links.
  loader: glob({ pattern: '**/*.mdx', base: './lessons', generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.mdx$/, '') }),
  schema: lessonSchema,
});

export const collections = { lessons };
