// Zoom and pan for the embedding map: d3-zoom for pointer and wheel, the same behaviour driven by keys and buttons.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import type { ViewTransform } from './embeddingMapModel.ts';

/** How far one key press or button zooms (×) and pans (px of the 640-wide drawing). */
export const ZOOM_STEP = 1.5;
/** Pan distance for one arrow press, in drawing units. */
export const PAN_STEP = 40;

/** A keyboard/button command on the map. */
export type MapCommand = 'in' | 'out' | 'left' | 'right' | 'up' | 'down' | 'reset';

/** The command a key stands for, or null (so the key keeps its usual job). */
export function commandForKey(key: string): MapCommand | null {
  const keys: Record<string, MapCommand> = {
    '+': 'in', '=': 'in', '-': 'out', '−': 'out', _: 'out', ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', '0': 'reset', Home: 'reset',
  };
  return keys[key] ?? null;
}

/** Attaches d3-zoom to an SVG; `onChange` gets every new transform. Returns the command runner and a detach. */
export function attachZoom(svg: SVGSVGElement, width: number, height: number, onChange: (t: ViewTransform) => void): { run: (c: MapCommand, focus?: [number, number]) => void; detach: () => void } {
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 24])
    .extent([[0, 0], [width, height]])
    .translateExtent([[-width * 0.25, -height * 0.25], [width * 1.25, height * 1.25]])
    .on('zoom', (event) => onChange({ k: event.transform.k, x: event.transform.x, y: event.transform.y }));
  const selection = select(svg);
  selection.call(behaviour);
  // `focus` (drawing coordinates, before the zoom) stays put when zooming, e.g. the selected word.
  const run = (c: MapCommand, focus?: [number, number]) => {
    const t = zoomTransform(svg);
    // Pans are in screen units, so divide by the scale to move the same visible distance at any zoom.
    const k = t.k;
    const at = focus ? t.apply(focus) : undefined;
    if (c === 'in') behaviour.scaleBy(selection, ZOOM_STEP, at);
    else if (c === 'out') behaviour.scaleBy(selection, 1 / ZOOM_STEP, at);
    else if (c === 'reset') behaviour.transform(selection, zoomIdentity);
    else {
      const dx = c === 'left' ? PAN_STEP : c === 'right' ? -PAN_STEP : 0;
      const dy = c === 'up' ? PAN_STEP : c === 'down' ? -PAN_STEP : 0;
      behaviour.translateBy(selection, dx / k, dy / k);
    }
  };
  return { run, detach: () => void selection.on('.zoom', null) };
}
