// Worker thread for the round-trip benchmark: answers engine requests through the real `handle`,
// and echoes "bare" messages of a given byte size, so the two can be compared on the same thread pair.
import { parentPort } from 'node:worker_threads';
import { handle } from '../../engine/handlers.ts';
import { putModel } from '../../engine/modelStore.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { benchFixture } from './fixture.ts';

const { model } = benchFixture();
const tokenizer = createWordTokenizer(courseVocabulary());
putModel({ name: 'bench', model, tokenizer, manifest: { config: model.config } as never });

parentPort!.on('message', async (message: { type: string; id: number; verb?: string; params?: unknown; sizes?: number[] }) => {
  if (message.type === 'bare') {
    // Same number and sizes of buffers as the traced forward's answer, transferred the same way.
    const started = performance.now();
    const buffers = (message.sizes ?? []).map((n) => new ArrayBuffer(n));
    parentPort!.postMessage({ type: 'result', id: message.id, result: buffers, workMs: performance.now() - started }, buffers);
    return;
  }
  const ctx = { progress: () => {}, isCancelled: () => false, transfer: [] as ArrayBuffer[] };
  const started = performance.now();
  const result = await handle(message.verb as 'forward', message.params as never, ctx as never);
  // The worker times its own work, so the page-side overhead is measured on the same call, on the same thread.
  const workMs = performance.now() - started;
  parentPort!.postMessage({ type: 'result', id: message.id, result, workMs }, ctx.transfer);
});
