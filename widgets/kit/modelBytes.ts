// Fans one model download's byte reports out to every widget loading that model. The worker downloads a model once
// per page and reports progress to the first caller only; without this, only the first widget's bar would move.
// Plain collections on purpose: listeners are plumbing, not state a view renders.

type ByteListener = (done: number, total: number) => void;
const listenersByModel = new Map<string, Set<ByteListener>>();

/** Calls `listener` with (bytes received, bytes expected) for each report of `name`'s download; returns the unsubscribe. */
export function listenToModelBytes(name: string, listener: ByteListener): () => void {
  const listeners = listenersByModel.get(name) ?? new Set<ByteListener>();
  listenersByModel.set(name, listeners.add(listener));
  return () => listeners.delete(listener);
}

/** A progress callback for `ensureModel` that forwards every report of `name`'s download to all its listeners. */
export function broadcastModelBytes(name: string): ByteListener {
  return (done, total) => listenersByModel.get(name)?.forEach((listen) => listen(done, total));
}
