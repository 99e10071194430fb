// EmbeddingPlane's plain data (W3.1): three toy 2-D planes (place apple, sort words, build a − b + c), the URL
// schema, and the derived view exercise checks read. Pure TypeScript (no runes) so tests and the content schema use it.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import { APPLE_PLANE, ROYAL_TOY, distance, nearestWord, type Point } from './planeMath.ts';

/** The plane runs from 0 to this in both directions; every word stays on it. */
export const PLANE_MAX = 10;

/** A 2-D point as [x, y]. */
export type Vec2 = [number, number];

/** The three activities: place apple among fixed words, sort five words top/bottom, or build a − b + c. */
export type PlaneMode = 'place' | 'sort' | 'arithmetic';

/** Shareable settings; each mode reads its own fields, so switching mode never loses another mode's work. */
export interface EmbeddingPlaneSettings {
  mode: PlaneMode;
  /** Place mode: words that do not move. */
  fixed: Record<string, Vec2>;
  /** Place mode: the words the learner moves (apple). */
  pos: Record<string, Vec2>;
  /** Sort mode: the five words and where the learner put them. */
  sort: Record<string, Vec2>;
  /** Arithmetic mode: the words an expression may use (movable too). */
  words: Record<string, Vec2>;
  /** Arithmetic mode: the chosen a, b and c of a − b + c ('' = not chosen yet). */
  expr: [string, string, string];
}

/** The sort-mode words of the curriculum, each starting on the middle line. */
export const SORT_WORDS = ['cherry', 'android', 'laptop', 'banana', 'apple'] as const;

/** Sort zones by height: at or above TOP_LINE is "top", at or below BOTTOM_LINE "bottom", between them "can't tell". */
export const TOP_LINE = 6.5;
/** See TOP_LINE. */
export const BOTTOM_LINE = 3.5;

/** A sort-mode zone. */
export type SortZone = 'top' | 'bottom' | 'cant-tell';

const asVec = (p: Point): Vec2 => [p[0], p[1]];
const mapValues = (r: Readonly<Record<string, Point>>) => Object.fromEntries(Object.entries(r).map(([w, p]) => [w, asVec(p)]));

/** Defaults: the curriculum's place-the-apple plane with apple away from the fruit, the sort words, the royal toy. */
export const DEFAULT_PLANE: EmbeddingPlaneSettings = {
  mode: 'place',
  fixed: mapValues(APPLE_PLANE),
  pos: { apple: [4, 7.5] },
  sort: Object.fromEntries(SORT_WORDS.map((w, i) => [w, [1 + 2 * i, 5] as Vec2])),
  words: mapValues(ROYAL_TOY),
  expr: ['', '', ''],
};

const coordinate = z.number().min(0).max(PLANE_MAX);
const vec2 = z.tuple([coordinate, coordinate]);
// Short lowercase words only, and a handful of them: a link can never flood the plane or inject markup.
const wordKey = z.string().regex(/^[a-z][a-z-]{0,19}$/);
const wordMap = z.record(wordKey, vec2).refine((r) => Object.keys(r).length <= 8, 'at most 8 words');
const exprWord = z.union([z.literal(''), wordKey]);

/** Version 1 of the URL state. */
export const embeddingPlaneState = defineWidgetState<EmbeddingPlaneSettings>({
  version: 1,
  defaults: DEFAULT_PLANE,
  schema: z.object({
    mode: z.enum(['place', 'sort', 'arithmetic']),
    fixed: wordMap,
    pos: wordMap,
    sort: wordMap,
    words: wordMap,
    expr: z.tuple([exprWord, exprWord, exprWord]),
  }),
});

/** A word's distance to another word (or to the result point). */
export interface Measured { word: string; distance: number }

/** Place mode's view: for each moved word, its nearest fixed word and every distance (closest first). */
export interface PlaceView { mode: 'place'; nearest: Record<string, string | null>; distances: Record<string, Measured[]> }
/** Sort mode's view: each word's zone and its nearest other word. */
export interface SortView { mode: 'sort'; zones: Record<string, SortZone>; nearest: Record<string, string | null> }
/**
 * Arithmetic mode's view: the result of a − b + c (null until all three are chosen), its nearest word with the
 * inputs excluded (the analogy rule), its nearest word with nothing excluded, and every distance.
 */
export interface ArithmeticView {
  mode: 'arithmetic';
  result: Vec2 | null;
  nearest: string | null;
  nearestIncludingInputs: string | null;
  distances: Measured[];
}

/** What the widget shows and exercise checks read. */
export type EmbeddingPlaneView = PlaceView | SortView | ArithmeticView;

/** Which zone a height falls in. */
export function zoneOf(y: number): SortZone {
  return y >= TOP_LINE ? 'top' : y <= BOTTOM_LINE ? 'bottom' : 'cant-tell';
}

/** a − b + c on the arithmetic words; null while a term is missing or unknown. */
export function arithmeticResult(words: Readonly<Record<string, Vec2>>, expr: readonly string[]): Vec2 | null {
  const [a, b, c] = expr.map((w) => words[w]);
  if (!a || !b || !c || expr.some((w) => !Object.hasOwn(words, w))) return null;
  return [a[0] - b[0] + c[0], a[1] - b[1] + c[1]];
}

const measureAll = (p: Point, words: Readonly<Record<string, Point>>): Measured[] =>
  Object.entries(words).map(([word, q]) => ({ word, distance: distance(p, q) })).sort((u, v) => u.distance - v.distance);

/** Computes the current mode's view; never throws. */
export function embeddingPlaneView(s: EmbeddingPlaneSettings): EmbeddingPlaneView {
  if (s.mode === 'place') {
    const nearest: Record<string, string | null> = {};
    const distances: Record<string, Measured[]> = {};
    for (const [w, p] of Object.entries(s.pos)) {
      nearest[w] = nearestWord(p, s.fixed);
      distances[w] = measureAll(p, s.fixed);
    }
    return { mode: 'place', nearest, distances };
  }
  if (s.mode === 'sort') {
    const zones: Record<string, SortZone> = {};
    const nearest: Record<string, string | null> = {};
    for (const [w, p] of Object.entries(s.sort)) {
      zones[w] = zoneOf(p[1]);
      nearest[w] = nearestWord(p, s.sort, [w]);
    }
    return { mode: 'sort', zones, nearest };
  }
  const result = arithmeticResult(s.words, s.expr);
  return {
    mode: 'arithmetic',
    result,
    nearest: result ? nearestWord(result, s.words, s.expr) : null,
    nearestIncludingInputs: result ? nearestWord(result, s.words) : null,
    distances: result ? measureAll(result, s.words) : [],
  };
}

/** Rounds to one decimal and keeps the point on the plane, so dragged and typed values read cleanly. */
export function tidyCoordinate(x: number): number {
  return Math.round(Math.max(0, Math.min(PLANE_MAX, x)) * 10) / 10;
}
