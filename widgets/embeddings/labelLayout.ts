// Greedy label placement for scatter plots: each label tries a few spots around its dot and takes the first one
// that covers no earlier label, no dot and stays inside the drawing. Cheap enough to rerun on every zoom step.

/** A label to place: its dot's position and the label's box size, in the drawing's units. */
export interface LabelItem { key: string; x: number; y: number; width: number; height: number; /** Distance from the dot, overriding the default. */ gap?: number; /** Always placed (at its least-covered spot if none is free). */ must?: boolean;
  /** Try above and below the dot before its sides (for dots in a row, where a side label reads as the neighbour's). */ vertical?: boolean }

/** A dot labels should not cover (the dots of unlabelled words count too). */
export interface Obstacle { x: number; y: number; r: number }

/** Where a label goes: offset of its baseline anchor from the dot, and the SVG text-anchor to use. */
export interface LabelSpot { key: string; dx: number; dy: number; anchor: 'start' | 'middle' | 'end' }

interface Box { left: number; top: number; right: number; bottom: number }

/** Candidate spots in order of preference, for a label of height h at distance `gap` from its dot. */
function candidates(gap: number, h: number): Omit<LabelSpot, 'key'>[] {
  const mid = h * 0.35;
  return [
    { dx: gap, dy: mid, anchor: 'start' },
    { dx: gap, dy: -gap, anchor: 'start' },
    { dx: gap, dy: gap + h * 0.8, anchor: 'start' },
    { dx: -gap, dy: mid, anchor: 'end' },
    { dx: 0, dy: -gap - h * 0.2, anchor: 'middle' },
    { dx: 0, dy: gap + h * 0.8, anchor: 'middle' },
    { dx: -gap, dy: -gap, anchor: 'end' },
    { dx: -gap, dy: gap + h * 0.8, anchor: 'end' },
  ];
}

/** The box a label covers at a spot (baseline text: 80 % of the height above the baseline, 20 % below). */
function boxAt(item: LabelItem, spot: Omit<LabelSpot, 'key'>): Box {
  const x = item.x + spot.dx;
  const left = spot.anchor === 'start' ? x : spot.anchor === 'end' ? x - item.width : x - item.width / 2;
  const base = item.y + spot.dy;
  return { left, right: left + item.width, top: base - item.height * 0.8, bottom: base + item.height * 0.2 };
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Places labels in the given order (put the most important first). With `keepAll`, a label with no free spot takes
 * its least-covered one; without it, such a label is left out (the dot keeps a tooltip and the table lists it).
 */
export function layoutLabels(
  items: readonly LabelItem[], obstacles: readonly Obstacle[], bounds: { width: number; height: number },
  options: { gap?: number; keepAll?: boolean } = {},
): LabelSpot[] {
  const gap = options.gap ?? 6;
  const placed: Box[] = [];
  const dots: Box[] = obstacles.map((o) => ({ left: o.x - o.r, right: o.x + o.r, top: o.y - o.r, bottom: o.y + o.r }));
  const frame: Box = { left: 0, top: 0, right: bounds.width, bottom: bounds.height };
  const spots: LabelSpot[] = [];
  for (const item of items) {
    let best: { spot: Omit<LabelSpot, 'key'>; cost: number } | null = null;
    const tries = candidates(item.gap ?? gap, item.height);
    const order = item.vertical ? [tries[4], tries[5], ...tries.slice(0, 4), ...tries.slice(6)] : tries;
    for (const spot of order) {
      const box = boxAt(item, spot);
      const outside = (box.right - box.left) * (box.bottom - box.top) - overlap(box, frame);
      const cost = outside + placed.reduce((s, b) => s + overlap(box, b), 0) + dots.reduce((s, b) => s + overlap(box, b), 0);
      if (!best || cost < best.cost) best = { spot, cost };
      if (cost === 0) break;
    }
    if (!best || (best.cost > 0 && !options.keepAll && !item.must)) continue;
    placed.push(boxAt(item, best.spot));
    spots.push({ key: item.key, ...best.spot });
  }
  return spots;
}

/** A rough width for a label: average glyph width of a sans-serif font is a little over half its size. */
export function labelWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}
