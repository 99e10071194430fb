// Builds the Pagefind search index inside the Astro build (the only place it is built), so every build, with any
// --outDir, has search, and the service worker's list can include the index files.
import { join } from 'node:path';

/** Selectors Pagefind leaves out of the index (KaTeX's MathML copy would index every formula twice). */
export const SEARCH_EXCLUDE_SELECTORS = ['.katex-mathml'];

/** Indexes the built pages under `root` into `root/pagefind/`; logs and carries on if Pagefind reports errors. */
export async function writeSearchIndex(root, logger) {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE_SELECTORS });
    if (!index) throw new Error(errors.join('; '));
    await index.addDirectory({ path: root });
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length > 0) logger.warn(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
