/// <reference lib="webworker" />
// Worker glue: receives requests, runs them through `handle`, posts results, errors and progress back.
// All logic lives in `handlers.ts` so it can be tested in Node without a worker.
import { serializeError } from './errors.ts';
import { handle, type HandlerContext } from './handlers.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id, verb, params } = message;
  const ctx: HandlerContext = {
    progress: (done, total, label, data) => post({ type: 'progress', id, done, total, label, data }),
    isCancelled: () => cancelled.has(id),
    transfer: [],
  };
  try {
    const result = await handle(verb, params, ctx);
    post({ type: 'result', id, result }, ctx.transfer);
  } catch (err) {
    post({ type: 'error', id, error: serializeError(err) });
  } finally {
    cancelled.delete(id);
  }
};
