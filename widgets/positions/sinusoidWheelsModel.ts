// SinusoidWheels' plain data: settings, their URL schema, and the derived view that tables and exercise checks read.
// Pure TypeScript (no runes), so unit tests, exercise checks and the content schema can use it in Node.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';
import {
  distinctAmongFirst, nearestReturn, periodOf, positionVector, repeatEvery, singleWheelCollisions, slowestPeriod,
  wheelAngleDeg, wheelSpeeds, type Collision, type NearestReturn,
} from './wheelMath.ts';

/** One wheel with a step angle, or the sinusoidal encoding's many wheels. */
export type WheelMode = 'single' | 'multi';

/** Widths the d_model slider steps through (GPT-2 small is 768; TinyWorld is 64). */
export const D_MODEL_CHOICES = [2, 4, 8, 16, 32, 64, 128, 256, 512, 768, 1024] as const;
/** Step angles the single wheel accepts, in whole degrees. */
export const STEP_MIN = 1;
export const STEP_MAX = 180;
/** Highest position the position slider reaches. */
export const POSITION_MAX = 500;
/** Positions the single-wheel dial and its table show (0 … 19: the exercise asks about the first 20). */
export const SINGLE_POSITIONS = 20;
/** Offsets searched for the closest return of all wheels together. */
export const RETURN_SEARCH = 2000;

/** What the learner can change; plain data so it fits in a link. */
export interface SinusoidWheelsSettings {
  mode: WheelMode;
  /** Single wheel: degrees turned per position (whole degrees). */
  stepDeg: number;
  /** Multi-wheel: the model width; it has d_model / 2 wheels. */
  dModel: number;
  /** Multi-wheel: the base of the speeds, 10,000 in the original paper. */
  base: number;
  /** The position whose hands the dials show (counted from 0). */
  position: number;
}

/** A single wheel at 36° per position, looking at position 1. */
export const DEFAULT_WHEELS: SinusoidWheelsSettings = { mode: 'single', stepDeg: 36, dModel: 8, base: 10000, position: 1 };

/** Version 1 of the URL state. */
export const sinusoidWheelsSchema = z.object({
  mode: z.enum(['single', 'multi']),
  stepDeg: z.number().int().min(STEP_MIN).max(STEP_MAX),
  dModel: z.number().int().refine((d) => (D_MODEL_CHOICES as readonly number[]).includes(d), 'd_model must be one of the slider values'),
  base: z.number().finite().min(2).max(10_000_000),
  position: z.number().int().min(0).max(POSITION_MAX),
});

/** SinusoidWheels' shareable state. */
export const sinusoidWheelsState = defineWidgetState<SinusoidWheelsSettings>({ version: 1, schema: sinusoidWheelsSchema, defaults: DEFAULT_WHEELS });

/** One wheel of the sinusoidal encoding: dimensions 2i (sine) and 2i+1 (cosine). */
export interface WheelRow {
  index: number;
  /** Radians per position, base^(-2i/d). */
  speed: number;
  /** Positions per full turn, 2π/speed. */
  period: number;
  /** Angle of the hand at the current position, in radians, reduced to [0, 2π). */
  angle: number;
  sin: number;
  cos: number;
}

/** What the widget's tables and the exercise checks read. */
export interface SinusoidWheelsView {
  /** Single wheel: where each of positions 0 … 19 points, in degrees. */
  singleAngles: number[];
  /** Single wheel: steps until it points the same way again. */
  repeatEvery: number;
  /** Single wheel: how many of positions 0 … 19 point in different directions (the exercise's target is 20). */
  distinctAmongFirst20: number;
  /** Single wheel: the positions among 0 … 19 that land on an earlier one. */
  collisions: Collision[];
  /** Multi-wheel: every wheel, fastest first. */
  wheels: WheelRow[];
  /** Multi-wheel: period of the slowest wheel, 2π·base^((d−2)/d). */
  slowestPeriod: number;
  /** Multi-wheel: the position vector at `position` (d numbers). */
  vector: number[];
  /** Multi-wheel: the offset in 1 … 2000 where all wheels together come closest to repeating. */
  nearestReturn: NearestReturn;
}

const TWO_PI = 2 * Math.PI;

/** The wheel speeds, or none when the engine refuses the base (a non-positive base cannot come from the schema). */
function safeSpeeds(d: number, base: number): number[] {
  try {
    return wheelSpeeds(d, base);
  } catch {
    return [];
  }
}

// The closest-return search costs up to 2,000 × 512 cosines and does not depend on the position, so dragging the
// position slider should not redo it: remember the last answer.
let lastReturn: { key: string; value: NearestReturn } | null = null;
function cachedReturn(d: number, base: number, speeds: number[]): NearestReturn {
  const key = `${d}:${base}`;
  if (lastReturn?.key !== key) lastReturn = { key, value: nearestReturn(speeds, RETURN_SEARCH) };
  return lastReturn.value;
}

/** Computes the view; never throws (an unusable setting gives empty lists and NaN). */
export function sinusoidWheelsView(settings: SinusoidWheelsSettings): SinusoidWheelsView {
  const step = settings.stepDeg;
  const singleAngles = Array.from({ length: SINGLE_POSITIONS }, (_, p) => wheelAngleDeg(p, step));
  const speeds = safeSpeeds(settings.dModel, settings.base);
  const wheels = speeds.map((speed, index) => {
    const raw = settings.position * speed;
    return { index, speed, period: periodOf(speed), angle: ((raw % TWO_PI) + TWO_PI) % TWO_PI, sin: Math.sin(raw), cos: Math.cos(raw) };
  });
  return {
    singleAngles,
    repeatEvery: repeatEvery(step),
    distinctAmongFirst20: distinctAmongFirst(SINGLE_POSITIONS, step),
    collisions: singleWheelCollisions(SINGLE_POSITIONS, step),
    wheels,
    slowestPeriod: slowestPeriod(settings.dModel, settings.base),
    vector: positionVector(settings.position, speeds),
    nearestReturn: speeds.length ? cachedReturn(settings.dModel, settings.base, speeds) : { offset: NaN, distance: NaN, similarity: NaN },
  };
}
