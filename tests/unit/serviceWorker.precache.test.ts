// The build-time precache list and version: computed over a small fake output folder written by the test.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheFiles, precacheVersion, urlForFile } from '../../site/integrations/precacheList.mjs';
import { writeServiceWorker } from '../../site/integrations/serviceWorker.mjs';

const folders: string[] = [];

/** Writes `files` (path → text) into a new temporary folder shaped like an Astro build. */
function fakeBuild(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sw-build-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BUILD = {
  'index.html': '<h1>home</h1>',
  '404.html': 'missing',
  'offline/index.html': 'offline',
  'chapters/one-token/index.html': 'one token',
  'chapters/softmax/index.html': 'softmax',
  'exercises/tame-the-poet/index.html': 'exercise',
  'exercises/tame-the-poet/embed/index.html': 'embed',
  '_astro/app.Ab12.js': 'code',
  '_astro/app.Ab12.js.map': '{"mappings":""}',
  '_astro/BaseLayout.Cd34.css': 'body{}',
  '_astro/KaTeX_Main-Regular.Ef56.woff2': 'font',
  '_astro/KaTeX_Main-Regular.Gh78.woff': 'older font',
  '_astro/KaTeX_Main-Regular.Ij90.ttf': 'oldest font',
  'pagefind/pagefind.js': 'search',
  'pagefind/fragment/en_1.pf_fragment': 'fragment',
  'models/tw-learned/index.html': 'model card',
  'models/tw-learned/manifest.json': '{}',
  'models/tw-learned/weights.bin': 'weights',
  'favicon.svg': '<svg/>',
  '.DS_Store': 'litter',
  'sw.js': 'old worker',
};

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('precache list', () => {
  it('holds every page, script, style, woff2 font, search file and model file, and no source map, dotfile, older font format or sw.js', () => {
    const urls = precacheFiles(fakeBuild(BUILD)).map(urlForFile);
    expect(new Set(urls)).toEqual(new Set([
      '/', '/404.html', '/offline/', '/chapters/one-token/', '/chapters/softmax/', '/exercises/tame-the-poet/',
      '/exercises/tame-the-poet/embed/', '/_astro/app.Ab12.js', '/_astro/BaseLayout.Cd34.css',
      '/_astro/KaTeX_Main-Regular.Ef56.woff2', '/pagefind/pagefind.js', '/pagefind/fragment/en_1.pf_fragment',
      '/models/tw-learned/', '/models/tw-learned/manifest.json', '/models/tw-learned/weights.bin', '/favicon.svg',
    ]));
  });

  it('misses no HTML file of the build', () => {
    const htmlCount = Object.keys(BUILD).filter((path) => path.endsWith('.html')).length;
    const pages = precacheFiles(fakeBuild(BUILD)).filter((path) => path.endsWith('.html'));
    expect(pages).toHaveLength(htmlCount);
  });

  it('maps index files to their folder URL and leaves other files as they are', () => {
    expect(urlForFile('index.html')).toBe('/');
    expect(urlForFile('chapters/softmax/index.html')).toBe('/chapters/softmax/');
    expect(urlForFile('404.html')).toBe('/404.html');
    expect(urlForFile('_astro/x.js')).toBe('/_astro/x.js');
  });
});

describe('precache version', () => {
  const versionOf = (files: Record<string, string>) => {
    const root = fakeBuild(files);
    return precacheVersion(root, precacheFiles(root));
  };

  it('is the same for the same bytes, and changes when one byte of one file changes', () => {
    const first = versionOf(BUILD);
    expect(versionOf(BUILD)).toBe(first);
    expect(versionOf({ ...BUILD, 'models/tw-learned/weights.bin': 'weightz' })).not.toBe(first);
  });

  it('changes when a file is added or renamed, but not when only a source map changes', () => {
    const first = versionOf(BUILD);
    expect(versionOf({ ...BUILD, 'chapters/new/index.html': 'new' })).not.toBe(first);
    const { ['_astro/app.Ab12.js']: code, ...rest } = BUILD;
    expect(versionOf({ ...rest, '_astro/app.Zz99.js': code })).not.toBe(first);
    expect(versionOf({ ...BUILD, '_astro/app.Ab12.js.map': '{"mappings":"AAAA"}' })).toBe(first);
  });

  it('is written into sw.js at the output root with the URL list', () => {
    const root = fakeBuild(BUILD);
    const { version, urls } = writeServiceWorker(root);
    const text = readFileSync(join(root, 'sw.js'), 'utf8');
    expect(text).toContain(`"version":"${version}"`);
    expect(text).toContain('"/chapters/one-token/"');
    expect(text).not.toContain('.map"');
    expect(urls).toContain('/offline/');
    expect(version).toMatch(/^[0-9a-f]{16}$/);
  });
});
