// What the service worker stores on install: every file a reader needs to use the course with the network off.
// Runs in Node at build time over the output folder, so the list is exactly what was built.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The service worker's own file name at the output root (never precached: the browser fetches it itself). */
export const SERVICE_WORKER_FILE = 'sw.js';

// Source maps are for developers with a network; dotfiles are editor or OS litter. KaTeX ships each face as woff2,
// woff and ttf, and a browser takes the first it supports: every browser with service workers reads woff2, so the
// older formats (about 0.8 MB) would only lengthen the first visit.
const SKIPPED = [/\.map$/, /(^|\/)\./, /\.(woff|ttf)$/, new RegExp(`^${SERVICE_WORKER_FILE.replace('.', '\\.')}$`)];

/** Every file under `dir`, as forward-slash paths relative to it, sorted so the list and its hash are stable. */
export function listBuiltFiles(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The URL a built file is served at: `chapters/x/index.html` → `/chapters/x/`, anything else → `/<path>`. */
export function urlForFile(path) {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/** The built files the service worker precaches (relative paths), leaving out source maps, dotfiles and itself. */
export function precacheFiles(dir) {
  return listBuiltFiles(dir).filter((path) => !SKIPPED.some((pattern) => pattern.test(path)));
}

/**
 * A short fingerprint of the build: sha256 over every precached path and its bytes. Any changed, added or
 * removed file gives a new value, hence a new cache name, and the old cache is deleted when the new worker activates.
 */
export function precacheVersion(dir, files) {
  const hash = createHash('sha256');
  for (const path of files) {
    hash.update(path).update('\0');
    hash.update(readFileSync(join(dir, path))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
