/**
 * Makes tfjs autograd work in Node for the training benchmark (dev-only). The Node build of
 * @tensorflow/tfjs-core ships without gradient definitions: the umbrella @tensorflow/tfjs
 * package normally registers them from the ESM sources in tfjs-core/dist. Those sources use
 * extension-less imports Node cannot load, so they are bundled once with esbuild (already
 * installed as tsx's dependency) into a temporary CommonJS file and required. The gradients
 * register into tfjs's global registry, which the Node build and the backends share.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

let registered = false;

/** Registers every tfjs gradient (idempotent). */
export function registerTfjsGradients(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-core/package.json')), 'dist');
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'tfjs-gradients-')), 'gradients.cjs');
  buildSync({ stdin: { contents: "import './register_all_gradients.js';", resolveDir: dist }, bundle: true, format: 'cjs', platform: 'node', outfile, logLevel: 'error' });
  require(outfile);
  registered = true;
}
