/**
 * Case: what the worker boundary costs. A traced 64-token forward asked through the engine protocol in a
 * worker thread, against a bare postMessage round trip that carries the same buffers. Overhead = protocol
 * round trip − the worker's own time in `handle` (timed inside the worker on the same call); the ratio
 * compares that overhead with the bare message. Node worker_threads stand in for a browser Worker (same structured
 * clone and transfer semantics); the browser adds its own scheduling on top.
 */
import { Worker } from 'node:worker_threads';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import { forward } from '../../engine/model.ts';
import { traceBuffers } from '../../engine/trace.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase } from './harness.ts';

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
      new Promise<{ result: unknown; workMs?: number }>((resolve) => {
        const id = nextId++;
        const listen = (reply: { id: number; result: unknown; workMs?: number }) => {
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
      const timed = async (message: Record<string, unknown>) => {
        const started = performance.now();
        const reply = await ask(message);
        return { total: performance.now() - started, work: reply.workMs ?? 0 };
      };
      const overheads: number[] = [];
      const bares: number[] = [];
      const works: number[] = [];
      for (let i = 0; i < 40; i++) {
        // Alternate the two kinds of message so load from other processes hits both alike; skip warm-up rounds.
        const viaProtocol = await timed({ type: 'request', verb: 'forward', params: { model: 'bench', text, trace: true } });
        const bare = await timed({ type: 'bare', sizes });
        if (i < 5) continue;
        overheads.push(viaProtocol.total - viaProtocol.work);
        works.push(viaProtocol.work);
        bares.push(bare.total - bare.work);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const [overhead, bareMs, workMs] = [median(overheads), median(bares), median(works)];
      ctx.log(`median over 35 calls: worker time in handle ${workMs.toFixed(2)} ms (tokenise + forward + trace), protocol overhead ${overhead.toFixed(2)} ms, bare round trip ${bareMs.toFixed(2)} ms (allocation excluded)`);
      return [
        {
          name: 'worker overhead (round trip − compute)', unit: 'ms', higherIsBetter: false,
          engine: overhead, reference: bareMs, referenceName: 'bare postMessage',
          note: 'each side: round trip − time spent inside the worker (handle, or allocating the bare buffers); both transfer the same 70 buffers',
        },
      ];
    } finally {
      await worker.terminate();
    }
  },
};
