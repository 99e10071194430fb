// The page's side of the engine: one lazily created worker per page, shared by every widget.
// Typed calls, latest-wins channels for slider streams, cancellation, progress, and restart after a crash.
import { EngineError, type EngineErrorCode } from './errors.ts';
import type { FromWorker, ParamsOf, ResultOf, ToWorker, Verb } from './protocol.ts';

/** The part of a Worker the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

/** Options of one call. */
export interface CallOptions {
  /** Requests on the same channel supersede each other: only the newest resolves, older ones reject 'superseded'. */
  channel?: string;
  /** Aborting rejects the call with 'cancelled' and tells the worker to stop. */
  signal?: AbortSignal;
  /** Called for each progress report of a long job. */
  onProgress?: (done: number, total: number, label?: string, data?: unknown) => void;
  /** Buffers to hand over to the worker instead of copying them. */
  transfer?: Transferable[];
}

interface Pending {
  id: number;
  verb: Verb;
  params: unknown;
  options: CallOptions;
  resolve(value: unknown): void;
  reject(error: EngineError): void;
  sent: boolean;
}

/** Listener told when the worker crashed and a fresh one will serve the next request. */
export type RestartListener = (reason: string) => void;

/** A typed handle on the engine worker. */
export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per channel: the request being worked on and the newest one waiting behind it. */
  private readonly channels = new Map<string, { running: Pending | null; waiting: Pending | null }>();
  private readonly restartListeners = new Set<RestartListener>();
  /** Number of times the worker has been replaced after a crash. */
  restarts = 0;

  constructor(private readonly createWorker: () => WorkerLike) {}

  /** Runs `verb` in the worker and resolves with its typed result. */
  call<V extends Verb>(verb: V, params: ParamsOf<V>, options: CallOptions = {}): Promise<ResultOf<V>> {
    return new Promise<ResultOf<V>>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new EngineError('cancelled', 'The request was cancelled.'));
      const request: Pending = {
        id: this.nextId++, verb, params, options, sent: false,
        resolve: resolve as (value: unknown) => void, reject,
      };
      this.pending.set(request.id, request);
      options.signal?.addEventListener('abort', () => this.cancel(request.id), { once: true });
      if (options.channel === undefined) return this.send(request);
      this.enqueueOnChannel(options.channel, request);
    });
  }

  /** Subscribes to crash-and-restart notices; returns the unsubscribe function. */
  onRestart(listener: RestartListener): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** Stops the worker and fails every open request (used when a page is torn down, and by tests). */
  dispose(): void {
    this.failAll('cancelled', 'The engine was shut down.');
    this.worker?.terminate();
    this.worker = null;
  }

  private enqueueOnChannel(name: string, request: Pending): void {
    const channel = this.channels.get(name) ?? { running: null, waiting: null };
    this.channels.set(name, channel);
    if (channel.waiting) this.settle(channel.waiting.id, 'superseded');
    if (channel.running) {
      // The running request is already stale: reject it now, let the worker stop early, and send the newest once it answers.
      this.settle(channel.running.id, 'superseded');
      this.post({ type: 'cancel', id: channel.running.id });
      channel.waiting = request;
    } else {
      channel.running = request;
      this.send(request);
    }
  }

  private send(request: Pending): void {
    request.sent = true;
    this.post({ type: 'request', id: request.id, verb: request.verb, params: request.params as never }, request.options.transfer);
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.ensureWorker().postMessage(message, transfer);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
      this.crashed(detail || 'the worker stopped');
    };
    worker.onmessageerror = () => this.crashed('a message could not be read');
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'progress') {
      this.pending.get(message.id)?.options.onProgress?.(message.done, message.total, message.label, message.data);
      return;
    }
    const request = this.pending.get(message.id);
    if (request) {
      this.pending.delete(message.id);
      if (message.type === 'result') request.resolve(message.result);
      else request.reject(new EngineError(message.error.code, message.error.message));
    }
    this.advanceChannels(message.id);
  }

  /** When a channel's running request has answered (or been dropped), send the newest waiting one. */
  private advanceChannels(finishedId: number): void {
    for (const channel of this.channels.values()) {
      if (channel.running?.id !== finishedId) continue;
      channel.running = channel.waiting;
      channel.waiting = null;
      if (channel.running) this.send(channel.running);
    }
  }

  private cancel(id: number): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.settle(id, 'cancelled');
    if (request.sent) this.post({ type: 'cancel', id });
    for (const channel of this.channels.values()) if (channel.waiting?.id === id) channel.waiting = null;
  }

  /** Rejects a request without waiting for the worker; a late answer for it is ignored. */
  private settle(id: number, code: EngineErrorCode): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    const sentence = code === 'superseded' ? 'A newer request replaced this one.' : 'The request was cancelled.';
    request.reject(new EngineError(code, sentence));
  }

  private crashed(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.restarts++;
    this.channels.clear();
    this.failAll('worker-crashed', 'The engine stopped unexpectedly and has been restarted. Please try that again.');
    for (const listener of this.restartListeners) listener(reason);
  }

  private failAll(code: EngineErrorCode, sentence: string): void {
    const open = [...this.pending.values()];
    this.pending.clear();
    for (const request of open) request.reject(new EngineError(code, sentence));
  }
}

let shared: EngineClient | null = null;

/** The page's engine, created on first use; every widget on the page shares it and its one worker. */
export function getEngine(): EngineClient {
  // `new URL(..., import.meta.url)` must stay written inline so Vite bundles the worker.
  shared ??= new EngineClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
  return shared;
}

const modelLoads = new WeakMap<EngineClient, Map<string, Promise<ResultOf<'loadModel'>>>>();

/**
 * Loads a model into the client's worker once and shares the promise between widgets; after a worker
 * restart (or a failed load) the next call loads it again.
 */
export function ensureModel(client: EngineClient, name: string, onProgress?: CallOptions['onProgress']): Promise<ResultOf<'loadModel'>> {
  let loads = modelLoads.get(client);
  if (!loads) {
    const fresh = new Map<string, Promise<ResultOf<'loadModel'>>>();
    loads = fresh;
    modelLoads.set(client, fresh);
    client.onRestart(() => fresh.clear());
  }
  const existing = loads.get(name);
  if (existing) return existing;
  const pending = client.call('loadModel', { name }, { onProgress });
  loads.set(name, pending);
  pending.catch(() => loads.delete(name));
  return pending;
}

/** True when an error only means a newer request took over or the learner cancelled: nothing to show. */
export function isSupersededOrCancelled(error: unknown): boolean {
  return error instanceof EngineError && (error.code === 'superseded' || error.code === 'cancelled');
}
