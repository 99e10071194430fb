// Downloads a model directory over HTTP(S) from the site's own origin, with progress, and verifies it.
// Uses only fetch and streams, so it runs in a browser worker and in Node alike.
import { EngineError } from './errors.ts';
import { decodeModelFile, ModelFileError } from './modelFile.ts';
import type { LoadedModel } from './modelStore.ts';

/** Reports download progress in bytes. */
export type ByteProgress = (received: number, total: number) => void;

/** Model names are folder names under /models/: keep them to safe characters so a URL can never escape the folder. */
export function assertModelName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) {
    throw new EngineError('bad-input', `"${String(name)}" is not a model name (use lower-case letters, digits, dots, dashes).`);
  }
}

async function fetchOrExplain(url: string, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new EngineError('model-file', `Could not download the ${what} (${url}). Check your connection and reload the page.`);
  }
  if (!response.ok) {
    throw new EngineError('model-file', `The ${what} is not available (${url} answered ${response.status}). Reload the page; if it persists, the site is missing its model files.`);
  }
  return response;
}

/** Reads a response body to the end, reporting progress against the expected size. */
async function readWithProgress(response: Response, expected: number, onProgress: ByteProgress): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, Math.max(expected, received));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Downloads `<base>/<name>/manifest.json` and its weights, verifies size and checksum, and decodes them. */
export async function fetchModel(base: string, name: string, onProgress: ByteProgress): Promise<LoadedModel> {
  assertModelName(name);
  const folder = `${base.replace(/\/$/, '')}/${name}/`;
  const manifestResponse = await fetchOrExplain(`${folder}manifest.json`, 'model description');
  let manifestJson: unknown;
  try {
    manifestJson = await manifestResponse.json();
  } catch {
    throw new EngineError('model-file', `The model description for "${name}" is not valid JSON. Reload the page; if it persists, the model files need to be rebuilt.`);
  }
  const weightsInfo = (manifestJson as { weights?: { file?: unknown; byteLength?: unknown } })?.weights;
  const file = typeof weightsInfo?.file === 'string' && /^[\w.-]+$/.test(weightsInfo.file) ? weightsInfo.file : 'weights.bin';
  const expected = typeof weightsInfo?.byteLength === 'number' ? weightsInfo.byteLength : 0;
  const weightsResponse = await fetchOrExplain(folder + file, 'model weights');
  const bytes = await readWithProgress(weightsResponse, expected, onProgress);
  try {
    const { model, tokenizer, manifest } = await decodeModelFile(manifestJson, bytes);
    return { name, model, tokenizer, manifest };
  } catch (err) {
    if (err instanceof ModelFileError) throw new EngineError('model-file', err.message);
    throw err;
  }
}
