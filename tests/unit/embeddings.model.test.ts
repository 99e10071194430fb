// EmbeddingMap's plain data: groups, map points, the view filter, bad-input messages, suggestions, keys.
import { describe, expect, test } from 'vitest';
import { GROUPS, GROUP_IDS, embeddingMapState, groupOf, isPureCluster, mapPoints, pointsInView, suggestions, wordProblem } from '../../widgets/embeddings/embeddingMapModel.ts';
import { commandForKey } from '../../widgets/embeddings/mapZoom.ts';

describe('groups', () => {
  test('the eight highlight groups of the brief, each non-empty', () => {
    expect(GROUP_IDS).toEqual(['fruit', 'animals', 'colours', 'royalty', 'countries', 'capitals', 'days', 'numbers']);
    for (const g of GROUP_IDS) expect(GROUPS[g].words.length).toBeGreaterThan(3);
  });
  test('membership', () => {
    expect(groupOf('paris')).toBe('capitals');
    expect(groupOf('france')).toBe('countries');
    expect(groupOf('queen')).toBe('royalty');
    expect(groupOf('woman')).toBeNull();
    expect(groupOf('orange')).toBe('fruit');
    expect(groupOf('the')).toBeNull();
  });
  test('isPureCluster needs a list of its own', () => {
    expect(isPureCluster('monday', ['tuesday', 'friday'])).toBe(true);
    expect(isPureCluster('monday', ['tuesday', 'paris'])).toBe(false);
    expect(isPureCluster('the', [])).toBe(false);
  });
});

describe('map points and the view', () => {
  const vocab = ['<pad>', '<unk>', '.', 'paris', 'cat'];
  const coords = new Float32Array([9, 9, 9, 9, 9, 9, 1, 2, 3, 4]);
  test('specials and punctuation are left out; coordinates read from row id', () => {
    expect(mapPoints(coords, 2, vocab)).toEqual([
      { id: 3, word: 'paris', group: 'capitals', x: 1, y: 2 },
      { id: 4, word: 'cat', group: 'animals', x: 3, y: 4 },
    ]);
  });
  test('3-D coords use the first two columns', () => {
    expect(mapPoints(new Float32Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 6, 7, 8, 9, 10]), 3, vocab).map((p) => [p.x, p.y])).toEqual([[5, 6], [8, 9]]);
  });
  test('pointsInView applies the zoom transform', () => {
    const points = mapPoints(coords, 2, vocab);
    const toScreen = (p: { x: number; y: number }): [number, number] => [p.x * 100, p.y * 100];
    expect(pointsInView(points, toScreen, { k: 1, x: 0, y: 0 }, 640, 420).map((p) => p.word)).toEqual(['paris', 'cat']);
    // Zoomed ×2: paris at (200, 400) stays, cat at (600, 800) leaves the 640 × 420 box.
    expect(pointsInView(points, toScreen, { k: 2, x: 0, y: 0 }, 640, 420).map((p) => p.word)).toEqual(['paris']);
    expect(pointsInView(points, toScreen, { k: 1, x: -150, y: 0 }, 640, 420).map((p) => p.word)).toEqual(['cat']);
  });
});

describe('bad input', () => {
  test.each(['', '   ', '😀', 'new york', 'x'.repeat(100_000), 'é'])('%j gets a message', (w) => expect(wordProblem(w)).toMatch(/\w/));
  test('a plain word passes to the worker, which checks the vocabulary', () => expect(wordProblem('Paris')).toBeNull());
  test('long input is not echoed in full', () => expect(wordProblem('😀'.repeat(50_000))!.length).toBeLessThan(200));
  test('suggestions by prefix, words only', () => {
    expect(suggestions('ca', ['<pad>', 'cat', 'cake', 'dog', 'cairo'])).toEqual(['cairo', 'cake', 'cat']);
    expect(suggestions('', ['cat'])).toEqual([]);
  });
});

describe('URL state and keys', () => {
  test('defaults validate; bad values are refused', () => {
    expect(embeddingMapState.schema.safeParse(embeddingMapState.defaults).success).toBe(true);
    expect(embeddingMapState.schema.safeParse({ ...embeddingMapState.defaults, k: 0 }).success).toBe(false);
    expect(embeddingMapState.schema.safeParse({ ...embeddingMapState.defaults, group: 'planets' }).success).toBe(false);
  });
  test('keys map to zoom and pan commands', () => {
    expect(['+', '-', 'ArrowLeft', 'ArrowUp', '0', 'a'].map(commandForKey)).toEqual(['in', 'out', 'left', 'up', 'reset', null]);
  });
});
