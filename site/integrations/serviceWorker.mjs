// Astro integration: after a production build, writes `sw.js` at the output root. The worker knows exactly which
// files the build produced (pages, scripts, styles, fonts, search index, models) and a version derived from their
// bytes, so a changed build installs a new cache and deletes the old one. `astro dev` never runs this hook.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_WORKER_FILE, precacheFiles, precacheVersion, urlForFile } from './precacheList.mjs';
import { renderServiceWorker } from './serviceWorkerRuntime.mjs';
import { writeSearchIndex } from './searchIndex.mjs';

/** Prefix of every cache this site's service worker creates (older ones with it are deleted on update). */
export const CACHE_PREFIX = 'course-';

/** Page shown for a page that is neither online nor cached (built from `site/pages/offline.astro`). */
export const OFFLINE_URL = '/offline/';

/** Writes the service worker for the build in `root` and returns its version and precached URLs. */
export function writeServiceWorker(root) {
  const files = precacheFiles(root);
  const version = precacheVersion(root, files);
  const urls = files.map(urlForFile);
  writeFileSync(join(root, SERVICE_WORKER_FILE), renderServiceWorker({ prefix: CACHE_PREFIX, version, urls, offlineUrl: OFFLINE_URL }));
  return { version, urls };
}

/** The integration for `astro.config.mjs`: search index, then `sw.js`, once the pages are built. */
export default function serviceWorker() {
  return {
    name: 'course-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        await writeSearchIndex(root, logger);
        const { version, urls } = writeServiceWorker(root);
        logger.info(`${SERVICE_WORKER_FILE}: ${urls.length} files precached, version ${version}`);
      },
    },
  };
}
