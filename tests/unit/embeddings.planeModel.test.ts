// EmbeddingPlane's pure model (W3.1): the view of each mode, zones, a − b + c, and the URL schema.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_PLANE, SORT_WORDS, arithmeticResult, embeddingPlaneState, embeddingPlaneView, tidyCoordinate, zoneOf,
  type EmbeddingPlaneSettings,
} from '../../widgets/embeddings/embeddingPlaneModel.ts';

const settings = (over: Partial<EmbeddingPlaneSettings>): EmbeddingPlaneSettings => ({ ...DEFAULT_PLANE, ...over });

describe('place mode', () => {
  test('apple at (5, 5): strawberry nearest at 1, cherry at √2 ≈ 1.414 (curriculum worked example)', () => {
    const view = embeddingPlaneView(settings({ pos: { apple: [5, 5] } }));
    if (view.mode !== 'place') throw new Error('expected the place view');
    expect(view.nearest.apple).toBe('strawberry');
    const byWord = Object.fromEntries(view.distances.apple.map((m) => [m.word, m.distance]));
    expect(byWord.strawberry).toBeCloseTo(1, 12);
    expect(byWord.cherry).toBeCloseTo(1.414, 3);
    // castle (2, 1) and bike (1, 2) are both √(9 + 16) = 5 away, written out by hand; basketball (2, 6) √10.
    expect(byWord.castle).toBeCloseTo(5, 12);
    expect(byWord.bike).toBeCloseTo(5, 12);
    expect(byWord.basketball).toBeCloseTo(Math.sqrt(10), 12);
    expect(view.distances.apple.map((m) => m.word).slice(0, 3)).toEqual(['strawberry', 'cherry', 'basketball']);
  });
  test('the default apple starts outside the fruit cluster', () => {
    const view = embeddingPlaneView(DEFAULT_PLANE);
    if (view.mode !== 'place') throw new Error('expected the place view');
    expect(['cherry', 'strawberry']).not.toContain(view.nearest.apple);
  });
});

describe('sort mode', () => {
  test('zones split at 6.5 and 3.5', () => {
    expect([zoneOf(10), zoneOf(6.5), zoneOf(6.4), zoneOf(5), zoneOf(3.6), zoneOf(3.5), zoneOf(0)]).toEqual(['top', 'top', 'cant-tell', 'cant-tell', 'cant-tell', 'bottom', 'bottom']);
  });
  test('the five curriculum words all start in "can\'t tell"', () => {
    expect(Object.keys(DEFAULT_PLANE.sort)).toEqual([...SORT_WORDS]);
    const view = embeddingPlaneView(settings({ mode: 'sort' }));
    if (view.mode !== 'sort') throw new Error('expected the sort view');
    expect(Object.values(view.zones)).toEqual(['cant-tell', 'cant-tell', 'cant-tell', 'cant-tell', 'cant-tell']);
  });
  test('sorted words read their zones, and a word is never its own nearest', () => {
    const view = embeddingPlaneView(settings({ mode: 'sort', sort: { cherry: [2, 1], banana: [3, 1], android: [2, 9], laptop: [3, 9], apple: [5, 5] } }));
    if (view.mode !== 'sort') throw new Error('expected the sort view');
    expect(view.zones).toEqual({ cherry: 'bottom', banana: 'bottom', android: 'top', laptop: 'top', apple: 'cant-tell' });
    expect(view.nearest.cherry).toBe('banana');
    expect(view.nearest.laptop).toBe('android');
  });
});

describe('arithmetic mode', () => {
  const royal = DEFAULT_PLANE.words;
  test('king − man + woman = (2, 2), nearest queen (curriculum worked example)', () => {
    expect(arithmeticResult(royal, ['king', 'man', 'woman'])).toEqual([2, 2]);
    const view = embeddingPlaneView(settings({ mode: 'arithmetic', expr: ['king', 'man', 'woman'] }));
    if (view.mode !== 'arithmetic') throw new Error('expected the arithmetic view');
    expect(view.nearest).toBe('queen');
    expect(view.distances[0]).toEqual({ word: 'queen', distance: 0 });
  });
  test('inputs are excluded from the nearest word but not from the plain nearest', () => {
    const view = embeddingPlaneView(settings({ mode: 'arithmetic', expr: ['king', 'king', 'queen'] }));
    if (view.mode !== 'arithmetic') throw new Error('expected the arithmetic view');
    expect(view.result).toEqual([2, 2]);
    expect(view.nearestIncludingInputs).toBe('queen');
    expect(view.nearest).toBe('woman');
  });
  test('no result until all three words are chosen; unknown or inherited names give none either', () => {
    expect(arithmeticResult(royal, ['king', 'man', ''])).toBeNull();
    expect(arithmeticResult(royal, ['king', 'man', 'constructor'])).toBeNull();
    const view = embeddingPlaneView(settings({ mode: 'arithmetic' }));
    expect(view).toEqual({ mode: 'arithmetic', result: null, nearest: null, nearestIncludingInputs: null, distances: [] });
  });
  test('a result off the plane is still computed: man − king + woman = (0, 2); man − queen + man = (0, 0)', () => {
    expect(arithmeticResult(royal, ['man', 'king', 'woman'])).toEqual([0, 2]);
    expect(arithmeticResult(royal, ['man', 'queen', 'man'])).toEqual([0, 0]);
    expect(arithmeticResult(royal, ['queen', 'man', 'king'])).toEqual([3, 2]);
  });
});

describe('coordinates and the URL schema', () => {
  test('tidyCoordinate rounds to 0.1 and keeps points on the 0..10 plane', () => {
    expect([tidyCoordinate(4.26), tidyCoordinate(-3), tidyCoordinate(12), tidyCoordinate(0.04)]).toEqual([4.3, 0, 10, 0]);
  });
  test('the defaults validate; off-plane points, long or odd names, and too many words do not', () => {
    const ok = (s: unknown) => embeddingPlaneState.schema.safeParse(s).success;
    expect(ok(DEFAULT_PLANE)).toBe(true);
    expect(ok({ ...DEFAULT_PLANE, pos: { apple: [11, 2] } })).toBe(false);
    expect(ok({ ...DEFAULT_PLANE, pos: { '<b>x</b>': [1, 2] } })).toBe(false);
    expect(ok({ ...DEFAULT_PLANE, pos: { ['a'.repeat(30)]: [1, 2] } })).toBe(false);
    expect(ok({ ...DEFAULT_PLANE, words: Object.fromEntries('abcdefghi'.split('').map((c) => [c, [1, 1]])) })).toBe(false);
    expect(ok({ ...DEFAULT_PLANE, expr: ['king', 'man'] })).toBe(false);
    expect(ok({ ...DEFAULT_PLANE, mode: 'fly' })).toBe(false);
  });
});
