// One course model as a widget sees it: loading (with a progress fraction), ready (with its summary), or
// failed (with the engine's sentence and a retry). Widgets on a page share the worker's single copy.
import { ensureModel, getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { ModelSummary } from '../../engine/verbs/modelVerbs.ts';
import { broadcastModelBytes, listenToModelBytes } from './modelBytes.ts';

/** Where a model is in its life on this page. */
export type ModelStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The default model of the course (curriculum §2.1). */
export const DEFAULT_MODEL = 'tw-learned';

/** Reactive loading state of one model for one widget. */
export class ModelSession {
  status = $state<ModelStatus>('idle');
  /** Bytes downloaded so far as a fraction of the weights file, 0…1. */
  progress = $state(0);
  /** Bytes of the weights file received so far, and its size (0 until the first bytes arrive). */
  bytesDone = $state(0);
  bytesTotal = $state(0);
  summary = $state<ModelSummary | null>(null);
  error = $state<string | null>(null);
  /** Set after the worker crashed and restarted; the widget shows it once. */
  restarted = $state(false);

  constructor(readonly name: string = DEFAULT_MODEL) {}

  /** Loads the model (once per page) and resolves when it is ready; never throws, the state says what happened. */
  async load(): Promise<boolean> {
    if (this.status === 'ready') return true;
    this.status = 'loading';
    this.error = null;
    const stopListening = listenToModelBytes(this.name, (done, total) => {
      this.bytesDone = done;
      this.bytesTotal = total;
      this.progress = total > 0 ? done / total : 0;
    });
    try {
      this.summary = await ensureModel(getEngine(), this.name, broadcastModelBytes(this.name));
      this.progress = 1;
      this.status = 'ready';
      return true;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return false;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
      return false;
    } finally {
      stopListening();
    }
  }

  /** Watches for worker crashes: the model must be loaded again in the new worker. Returns the unsubscribe. */
  watchRestarts(onReady: () => void): () => void {
    return getEngine().onRestart(() => {
      this.restarted = true;
      this.status = 'idle';
      void this.load().then((ok) => ok && onReady());
    });
  }
}
