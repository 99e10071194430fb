// Slider-to-redraw timing for every slider widget: a performance measure from the input event to the first
// animation frame after Svelte has updated the DOM. The measures show up in the browser's Performance panel;
// e2e tests and `npm run bench:latency` read them by name. Nothing is sent anywhere.
//
// Naming convention (the latency bench relies on it): `<widget id>:<what>:redraw`, e.g. `softmax-lab:tau:redraw`.
// The bench attributes a measure to a widget when its name starts with the widget's id and ends with `redraw`.
import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** Measures kept per name before old ones are dropped, so a long session cannot grow the buffer forever. */
const MAX_MEASURES = 500;

const hasPerformance = () => typeof performance !== 'undefined' && typeof performance.measure === 'function';

/** The moment an input happened, on the performance clock (0 where there is no performance API). */
export function inputTime(): number {
  return hasPerformance() ? performance.now() : 0;
}

/** After the pending DOM update and the next animation frame, records `name` from `start` to now; resolves with the ms. */
export async function measureRedraw(name: string, start: number): Promise<number | null> {
  if (!hasPerformance() || typeof requestAnimationFrame !== 'function') return null;
  await tick();
  return new Promise((resolve) => {
    // The frame after the update is when the new numbers are painted, so the measure includes style and layout.
    requestAnimationFrame(() => {
      const end = performance.now();
      if (performance.getEntriesByName(name).length >= MAX_MEASURES) performance.clearMeasures(name);
      performance.measure(name, { start, end });
      resolve(end - start);
    });
  });
}

/** A slider-to-redraw stopwatch for widgets whose redraw waits on something (e.g. the engine worker). */
export interface RedrawTimer {
  /** Call on the slider's input; a later start replaces an earlier one (latest wins, like engine channels). */
  start(): void;
  /** Call once the new result is in the state; measures to the next frame. Does nothing without a pending start. */
  settle(): Promise<number | null>;
}

/** Creates a stopwatch that records measures named `measureName` (use `<widget id>:<what>:redraw`). */
export function createRedrawTimer(measureName: string): RedrawTimer {
  let pendingStart: number | null = null;
  return {
    start() {
      if (hasPerformance()) pendingStart = performance.now();
    },
    async settle() {
      if (pendingStart === null) return null;
      const start = pendingStart;
      pendingStart = null;
      return measureRedraw(measureName, start);
    },
  };
}

/**
 * An attachment for widgets that redraw synchronously (pure math): every input from a range slider inside
 * the element is timed to the next frame. Usage: `<div {@attach timeSliderRedraws(`${id}:slider:redraw`)}>`.
 */
export function timeSliderRedraws(measureName: string): Attachment<HTMLElement> {
  return (element) => {
    const onInput = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.type === 'range') void measureRedraw(measureName, inputTime());
    };
    element.addEventListener('input', onInput, { capture: true });
    return () => element.removeEventListener('input', onInput, { capture: true });
  };
}
