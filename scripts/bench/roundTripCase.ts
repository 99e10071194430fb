/**
 * Case: what the worker boundary costs. A traced 64-token forward asked through the engine protocol in a
 * worker thread, against (a) the same forward run in-thread and (b) a bare postMessage round trip that
 * carries the same buffers. Overhead = protocol round trip − in-thread compute; the ratio compares that
 * overhead with the bare message. Node worker_threads stand in for a browser Worker (same structured
 * clone and transfer semantics); the browser adds its own scheduling on top.
 */
import { Worker } from 'node:worker_threads';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { forward } from '../../engine/model.ts';
import { traceBuffers } from '../../engine/trace.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase } from './harness.ts';
import { interleavedMedianMs } from './harness.ts';

export const roundTripCase: BenchCase = {
  id: 'roundtrip',
  title: 'Worker round trip: traced forward via the protocol vs a bare postMessage of the same buffers',
  async run(ctx) {
    const { model } = benchFixture();
    const vocabulary = courseVocabulary();
    // 64 real words so the request goes through the tokenizer like a widget's would.
    const text = Array.from({ length: model.config.contextLength }, (_, i) => vocabulary[10 + (i % 300)]).join(' ');
    const worker = new Worker(new URL('./roundTripWorker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
    let nextId = 1;
    const ask = (message: Record<string, unknown>) =>
      new Promise<{ result: unknown }>((resolve) => {
        const id = nextId++;
        const listen = (reply: { id: number; result: unknown }) => {
          if (reply.id !== id) return;
          worker.off('message', listen);
          resolve(reply);
        };
        worker.on('message', listen);
        worker.postMessage({ ...message, id });
      });
    try {
      const ids = text.split(' ').map((w) => vocabulary.indexOf(w));
      const local = forward(model, ids, { trace: true });
      const sizes = [...traceBuffers(local.trace!), local.logits.buffer as ArrayBuffer].map((b) => b.byteLength);
      const totalMb = sizes.reduce((a, b) => a + b, 0) / 1e6;
      ctx.log(`payload: ${sizes.length} buffers, ${totalMb.toFixed(2)} MB (trace + logits), transferred not copied`);
      const viaProtocol = () => ask({ type: 'request', verb: 'forward', params: { model: 'bench', text, trace: true } });
      const bare = () => ask({ type: 'bare', sizes });
      const inThread = () => forward(model, ids, { trace: true });
      const [protocolMs, bareMs, computeMs] = await interleavedMedianMs([viaProtocol, bare, inThread], { warmup: 3, samples: 9 });
      const overhead = Math.max(0, protocolMs - computeMs);
      ctx.log(`protocol round trip ${protocolMs.toFixed(2)} ms = compute ${computeMs.toFixed(2)} ms + overhead ${overhead.toFixed(2)} ms; bare round trip ${bareMs.toFixed(2)} ms`);
      return [
        {
          name: 'worker overhead (round trip − compute)', unit: 'ms', higherIsBetter: false,
          engine: overhead, reference: bareMs, referenceName: 'bare postMessage',
          note: 'overhead includes tokenising the text and building the trace objects in the worker; compute measured in-thread',
        },
      ];
    } finally {
      await worker.terminate();
    }
  },
};
