// Greedy label placement for the toy plane and the embedding map: no two placed labels overlap.
import { describe, expect, test } from 'vitest';
import { labelWidth, layoutLabels, type LabelItem } from '../../widgets/embeddings/labelLayout.ts';

/** The box of a placed label, recomputed here from the spot's meaning (baseline anchor, 80 % above / 20 % below). */
function box(item: LabelItem, spot: { dx: number; dy: number; anchor: string }) {
  const x = item.x + spot.dx;
  const left = spot.anchor === 'start' ? x : spot.anchor === 'end' ? x - item.width : x - item.width / 2;
  return { left, right: left + item.width, top: item.y + spot.dy - 0.8 * item.height, bottom: item.y + spot.dy + 0.2 * item.height };
}
const intersects = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('layoutLabels', () => {
  test('a lone label goes right of its dot, vertically centred', () => {
    const [spot] = layoutLabels([{ key: 'a', x: 50, y: 50, width: 30, height: 10 }], [], { width: 200, height: 200 }, { gap: 6 });
    expect(spot).toEqual({ key: 'a', dx: 6, dy: 3.5, anchor: 'start' });
  });
  test('two dots side by side (cherry and strawberry on the toy plane): the labels do not overlap', () => {
    const items: LabelItem[] = [
      { key: 'cherry', x: 175, y: 200, width: 45, height: 13 },
      { key: 'strawberry', x: 150, y: 200, width: 75, height: 13 },
    ];
    const dots = items.map((i) => ({ x: i.x, y: i.y, r: 6 }));
    const spots = layoutLabels(items, dots, { width: 320, height: 320 }, { gap: 8, keepAll: true });
    expect(spots).toHaveLength(2);
    const [a, b] = spots.map((s, i) => box(items[i], s));
    expect(intersects(a, b)).toBe(false);
    // Neither label covers the other dot.
    expect(b.left < 181 && b.right > 169 && b.top < 206 && b.bottom > 194).toBe(false);
  });
  test('a label at the right edge flips to the left instead of leaving the drawing', () => {
    const [spot] = layoutLabels([{ key: 'z', x: 195, y: 100, width: 40, height: 10 }], [], { width: 200, height: 200 });
    expect(spot.anchor).toBe('end');
  });
  test('a crowded cluster: without keepAll, blocked labels are dropped and the rest never overlap', () => {
    const items: LabelItem[] = Array.from({ length: 30 }, (_, i) => ({ key: `w${i}`, x: 100 + (i % 3), y: 100 + (i % 2), width: 40, height: 12 }));
    const spots = layoutLabels(items, [], { width: 300, height: 300 });
    expect(spots.length).toBeGreaterThan(2);
    expect(spots.length).toBeLessThan(30);
    const boxes = spots.map((s) => box(items.find((i) => i.key === s.key)!, s));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i], boxes[j])).toBe(false);
    // Priority is the order given: the first label is always kept.
    expect(spots[0].key).toBe('w0');
  });
  test('a label marked must is kept even when every spot is covered', () => {
    const first: LabelItem = { key: 'a', x: 100, y: 100, width: 40, height: 12 };
    const blocked: LabelItem = { key: 'b', x: 100, y: 100, width: 40, height: 12 };
    const crowd = Array.from({ length: 8 }, (_, i) => ({ ...first, key: `c${i}` }));
    expect(layoutLabels([first, ...crowd, blocked], [], { width: 300, height: 300 }).map((s) => s.key)).not.toContain('b');
    expect(layoutLabels([first, ...crowd, { ...blocked, must: true }], [], { width: 300, height: 300 }).map((s) => s.key)).toContain('b');
  });
  test('vertical items try above their dot first', () => {
    const [spot] = layoutLabels([{ key: 'a', x: 50, y: 50, width: 30, height: 10, vertical: true }], [], { width: 200, height: 200 }, { gap: 10 });
    expect(spot.anchor).toBe('middle');
    expect(spot.dx).toBe(0);
    expect(spot.dy).toBeLessThan(0);
  });
  test('keepAll keeps every label', () => {
    const items: LabelItem[] = Array.from({ length: 12 }, (_, i) => ({ key: `w${i}`, x: 100, y: 100, width: 40, height: 12 }));
    expect(layoutLabels(items, [], { width: 300, height: 300 }, { keepAll: true })).toHaveLength(12);
  });
  test('labelWidth grows with the characters, not the bytes', () => {
    expect(labelWidth('paris', 10)).toBe(30);
    expect(labelWidth('😀', 10)).toBe(6);
  });
});
