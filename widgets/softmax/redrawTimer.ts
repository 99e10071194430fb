// Measures how long a slider input takes to reach the screen: a performance mark when the input event arrives,
// and a measure at the first animation frame after the DOM shows the new numbers. The measures appear in the
// browser's Performance panel and can be read by tests with performance.getEntriesByName(`${name}:redraw`).

/** A slider-to-redraw stopwatch: call `start` on input and `settle` once the DOM has been updated. */
export interface RedrawTimer {
  start(): void;
  settle(): void;
}

/** Measures kept per name before old ones are dropped, so a long session cannot grow the buffer forever. */
const MAX_MEASURES = 500;

/** Creates a stopwatch whose entries are named `${name}:input` (mark) and `${name}:redraw` (measure). */
export function createRedrawTimer(name: string): RedrawTimer {
  const inputMark = `${name}:input`;
  const redraw = `${name}:redraw`;
  let pending = false;
  const available = () => typeof performance !== 'undefined' && typeof performance.mark === 'function';
  return {
    start() {
      if (!available()) return;
      performance.clearMarks(inputMark);
      performance.mark(inputMark);
      pending = true;
    },
    settle() {
      if (!pending || !available() || typeof requestAnimationFrame !== 'function') return;
      pending = false;
      // The frame after the update is when the new bars are painted; measuring to it includes style and layout.
      requestAnimationFrame(() => {
        if (performance.getEntriesByName(redraw).length >= MAX_MEASURES) performance.clearMeasures(redraw);
        performance.measure(redraw, inputMark);
      });
    },
  };
}
