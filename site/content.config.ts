import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The chapters: one MDX file each under `lessons/`, ordered by `order`. */
const lessons = defineCollection({
  // File names start with the chapter number for authors; URLs drop it so renumbering never breaks links.
  loader: glob({ pattern: '**/*.mdx', base: './lessons', generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.mdx$/, '') }),
  schema: z.object({
    title: z.string(),
    order: z.number().int().positive(),
    summary: z.string(),
    objectives: z.array(z.string()).min(1),
  }),
});

export const collections = { lessons };
