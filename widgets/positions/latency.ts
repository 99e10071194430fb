// Slider-to-redraw timing: a performance measure from the input event to the first frame after Svelte has
// updated the DOM. Tests and the latency script read the measures by name; nothing is sent anywhere.
import { tick } from 'svelte';

/** Measure name for RopeRotator's pure-math redraw. */
export const ROTATOR_MEASURE = 'rope-rotator:slider-to-redraw';
/** Measure name for RopeLive's engine round trip and redraw. */
export const LIVE_MEASURE = 'rope-live:slider-to-redraw';

/** The moment an input happened, on the performance clock (0 where there is no performance API). */
export function inputTime(): number {
  return typeof performance === 'undefined' ? 0 : performance.now();
}

/** After the pending DOM update and the next animation frame, records `name` from `start` to now; resolves with the ms. */
export async function measureRedraw(name: string, start: number): Promise<number | null> {
  if (typeof performance === 'undefined' || typeof requestAnimationFrame === 'undefined') return null;
  await tick();
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const end = performance.now();
      performance.measure(name, { start, end });
      resolve(end - start);
    });
  });
}
