// Runs expensive, cacheable work while the reader is still reading, one task per idle period, so that a later
// slider step finds its data ready instead of blocking for the whole draw (e.g. 10 M random normals at d = 1024).

/** A task whose result is cached by whoever it calls; its return value is ignored. */
export type WarmupTask = () => unknown;

type IdleScheduler = (run: () => void) => () => void;

// requestIdleCallback where the browser has it (not every Safari does); otherwise a short timeout.
const scheduleIdle: IdleScheduler = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 50);
  return () => clearTimeout(handle);
};

/** Runs the tasks in order, one per idle period; returns a function that stops the rest (call it on unmount). */
export function warmUpWhenIdle(tasks: readonly WarmupTask[], schedule: IdleScheduler = scheduleIdle): () => void {
  let next = 0;
  let cancel: (() => void) | null = null;
  const step = () => {
    cancel = null;
    if (next >= tasks.length) return;
    tasks[next++]();
    if (next < tasks.length) cancel = schedule(step);
  };
  if (tasks.length > 0) cancel = schedule(step);
  return () => cancel?.();
}
