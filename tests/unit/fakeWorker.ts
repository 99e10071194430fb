// A stand-in for a Web Worker in Node: runs the real `handle` asynchronously, like a worker would,
// and can be told to crash so the client's restart path can be exercised.
import type { WorkerLike } from '../../engine/client.ts';
import { serializeError } from '../../engine/errors.ts';
import { handle } from '../../engine/handlers.ts';
import type { FromWorker, ToWorker } from '../../engine/protocol.ts';

/** A fake worker that answers through the engine's real handler table. */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Every message the client sent, in order. */
  readonly received: ToWorker[] = [];

  postMessage(message: ToWorker): void {
    this.received.push(message);
    if (message.type !== 'request') return;
    setTimeout(async () => {
      if (this.terminated) return;
      let reply: FromWorker;
      try {
        const ctx = { progress: () => {}, isCancelled: () => false, transfer: [] };
        reply = { type: 'result', id: message.id, result: await handle(message.verb, message.params, ctx) };
      } catch (err) {
        reply = { type: 'error', id: message.id, error: serializeError(err) };
      }
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
    }, 1);
  }

  /** Simulates the worker dying (an uncaught error in the worker scope). */
  crash(): void {
    this.onerror?.(new Event('error'));
  }

  terminate(): void {
    this.terminated = true;
  }
}
