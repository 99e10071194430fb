// VectorPlayground's plain data: three 2-D vectors (a reference word and two candidates), the URL schema, and
// the derived view exercise checks read. Pure TypeScript (no runes) so tests and the content schema can use it.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import { measurePair, unit, type PairMeasures } from './vectorMath.ts';

/** Coordinates stay inside this box so every arrow fits on the plot. */
export const COORD_LIMIT = 60;

/** A 2-D vector as [x, y]. */
export type Vec2 = [number, number];

/** Settings a learner can change: the reference a, candidates b and c, and whether to scale all three to length 1. */
export interface PlaygroundSettings { a: Vec2; b: Vec2; c: Vec2; normalise: boolean }

/** The curriculum's worked example: apple (5,5) against orange (6,1) and Android (1,8). */
export const DEFAULT_SETTINGS: PlaygroundSettings = { a: [5, 5], b: [6, 1], c: [1, 8], normalise: false };

const coordinate = z.number().min(-COORD_LIMIT).max(COORD_LIMIT);
const vec2 = z.tuple([coordinate, coordinate]);

/** Version 1 of the URL state. */
export const playgroundSchema = z.object({ a: vec2, b: vec2, c: vec2, normalise: z.boolean() });

/** VectorPlayground's shareable state. */
export const playgroundState = defineWidgetState<PlaygroundSettings>({ version: 1, schema: playgroundSchema, defaults: DEFAULT_SETTINGS });

/** Which candidate a measure prefers for a: 'b', 'c' or 'tie'. */
export type Winner = 'b' | 'c' | 'tie';

/** What the widget shows and exercise checks read. */
export interface PlaygroundView {
  /** The vectors as measured (scaled to length 1 when `normalise` is on). */
  a: Vec2; b: Vec2; c: Vec2;
  ab: PairMeasures;
  ac: PairMeasures;
  /** The candidate each measure ranks closer to a (bigger dot or cosine, smaller distance). */
  byDot: Winner; byCosine: Winner; byDistance: Winner;
  /** True when the three measures do not all pick the same candidate. */
  disagree: boolean;
}

const TIE = 1e-9;
const bigger = (b: number, c: number): Winner => (Math.abs(b - c) < TIE ? 'tie' : b > c ? 'b' : 'c');

/** Computes every measure for a·b and a·c; never throws. */
export function playgroundView(settings: PlaygroundSettings): PlaygroundView {
  const scale = (v: Vec2): Vec2 => (settings.normalise ? (unit(v) as Vec2) : [v[0], v[1]]);
  const a = scale(settings.a);
  const b = scale(settings.b);
  const c = scale(settings.c);
  const ab = measurePair(a, b);
  const ac = measurePair(a, c);
  const byDot = bigger(ab.dot, ac.dot);
  const byCosine = bigger(ab.cosine, ac.cosine);
  const byDistance = bigger(ac.distance, ab.distance);
  return { a, b, c, ab, ac, byDot, byCosine, byDistance, disagree: !(byDot === byCosine && byCosine === byDistance) };
}
