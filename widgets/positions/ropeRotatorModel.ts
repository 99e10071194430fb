// RopeRotator's plain data: settings, their URL schema, and the derived view that tables and exercise checks read.
// Pure TypeScript (no runes), so unit tests, exercise checks and the content schema can use it in Node.
import { z } from 'zod';
import { rotaryFrequencies } from '../../engine/positions.ts';
import { defineWidgetState } from '../kit/urlState.ts';
import { DEFAULT_ROPE_FREQUENCIES, ropeFrequencyFields, ropePairs, type RopeFrequencySettings, type RopePair } from './ropeFrequencies.ts';
import { periodOf, wheelSpeeds } from './wheelMath.ts';
import { logOffsets, meanScoreAtOffset, rotate, ropeScore, ropeScoreAtOffset, toDegrees, toRadians, type Vec2 } from './ropeMath.ts';

/** ω typed in degrees per position, or derived from θ_base, d_k and a pair index. */
export type OmegaMode = 'degrees' | 'base';

/** Head sizes the d_k control offers. */
export const DK_CHOICES = [2, 4, 8, 16, 32, 64, 128] as const;
/** Highest position t or s can take (counted from 0). */
export const ROPE_POSITION_MAX = 127;
/** Largest |component| of q or k. */
export const VECTOR_LIMIT = 2;
/** The score-against-offset plot runs over offsets −OFFSET_SPAN … OFFSET_SPAN. */
export const OFFSET_SPAN = 24;
/** The long-range plot runs over offsets 0 … LONG_RANGE_MAX (log scale). */
export const LONG_RANGE_MAX = 100_000;

/** What the learner can change: the 2-D pair (q, k, ω, t, s) and the d_k = 16 head's shared RoPE settings. */
export interface RopeRotatorSettings extends RopeFrequencySettings {
  q: [number, number];
  k: [number, number];
  omegaMode: OmegaMode;
  /** ω in degrees per position (degrees mode). */
  omegaDeg: number;
  /** Head size (base mode); ω = ropeBase^(−2·pair/dk). */
  dk: number;
  /** Pair index i in 0 … dk/2 − 1 (base mode): dimensions 2i and 2i+1. */
  pair: number;
  /** Position of the query token. */
  t: number;
  /** Position of the key token. */
  s: number;
}

/** The curriculum's 2-D example: ω = 30° per position, q = k = (1, 0), t = 5, s = 3 (score 0.5). */
export const DEFAULT_ROPE: RopeRotatorSettings = {
  q: [1, 0], k: [1, 0], omegaMode: 'degrees', omegaDeg: 30, dk: 16, pair: 0, t: 5, s: 3, ...DEFAULT_ROPE_FREQUENCIES,
};

const component = z.number().finite().min(-VECTOR_LIMIT).max(VECTOR_LIMIT);
const position = z.number().int().min(0).max(ROPE_POSITION_MAX);

/** Version 1 of the URL state. */
export const ropeRotatorSchema = z.object({
  q: z.tuple([component, component]),
  k: z.tuple([component, component]),
  omegaMode: z.enum(['degrees', 'base']),
  omegaDeg: z.number().finite().min(0).max(180),
  dk: z.number().int().refine((d) => (DK_CHOICES as readonly number[]).includes(d), 'd_k must be one of the offered sizes'),
  pair: z.number().int().min(0).max(63),
  t: position,
  s: position,
  ...ropeFrequencyFields,
}).refine((s) => s.pair < s.dk / 2, { message: 'pair must be below d_k / 2', path: ['pair'] });

/** RopeRotator's shareable state. */
export const ropeRotatorState = defineWidgetState<RopeRotatorSettings>({ version: 1, schema: ropeRotatorSchema, defaults: DEFAULT_ROPE });

/** One point of a score-against-offset curve. */
export interface OffsetScore {
  offset: number;
  score: number;
}

/** What the widget's tables and the exercise checks read. */
export interface RopeRotatorView {
  /** The pair's speed in radians per position. */
  omega: number;
  omegaDeg: number;
  /** Positions for one full turn, 2π/ω (Infinity for ω = 0). */
  period: number;
  /** q turned by t·ω, and k turned by s·ω. */
  qRotated: Vec2;
  kRotated: Vec2;
  /** Dot product of the rotated vectors (without the model's 1/√d_k). */
  score: number;
  /** t − s. */
  offset: number;
  /** The score before any rotation (q · k), for comparison. */
  unrotatedScore: number;
  /** The score at offsets −24 … 24, which is all it depends on. */
  byOffset: OffsetScore[];
  /** The d_k = 16 head under the shared settings: every pair's speed and period. */
  pairs: RopePair[];
  /** Mean over the 16-wide head's 8 pairs of the score, with q and k in every pair, at log-spaced offsets. */
  longRange: OffsetScore[];
}

/** The pair's speed ω in radians per position under the current mode. */
export function omegaOf(settings: RopeRotatorSettings): number {
  if (settings.omegaMode === 'degrees') return toRadians(settings.omegaDeg);
  return rotaryFrequencies(settings.dk, settings.ropeBase)[settings.pair] ?? NaN;
}

/** Computes the view; never throws (an unusable setting gives NaN and empty lists). */
export function ropeRotatorView(settings: RopeRotatorSettings): RopeRotatorView {
  const { q, k, t, s } = settings;
  let omega = NaN;
  let pairs: RopePair[] = [];
  try {
    omega = omegaOf(settings);
    pairs = ropePairs(settings);
  } catch {
    // an out-of-range base or scale: leave NaN and empty tables for the widget to explain
  }
  const speeds = pairs.map((p) => p.speed);
  return {
    omega,
    omegaDeg: toDegrees(omega),
    period: omega > 0 ? periodOf(omega) : Infinity,
    qRotated: rotate(q, t * omega),
    kRotated: rotate(k, s * omega),
    score: ropeScore(q, k, omega, t, s),
    offset: t - s,
    unrotatedScore: q[0] * k[0] + q[1] * k[1],
    byOffset: Array.from({ length: 2 * OFFSET_SPAN + 1 }, (_, i) => i - OFFSET_SPAN).map((offset) => ({ offset, score: ropeScoreAtOffset(q, k, omega, offset) })),
    pairs,
    longRange: speeds.length ? logOffsets(LONG_RANGE_MAX, 160).map((offset) => ({ offset, score: meanScoreAtOffset(q, k, speeds, offset) })) : [],
  };
}

/** The per-pair speeds of any head size at a base (the d_k control's table). */
export const headSpeeds = (dk: number, base: number): number[] => wheelSpeeds(dk, base);

/**
 * The slider range for one position when it is locked to the other at a fixed offset (this − other): both must
 * stay within 0 … max, so this one may only go where the other can follow.
 */
export function lockedRange(self: number, other: number, max = ROPE_POSITION_MAX): [number, number] {
  const offset = self - other;
  return [Math.max(0, offset), Math.min(max, max + offset)];
}

/** t and s both moved by delta, or null when either would leave 0 … max (the offset never changes). */
export function shiftedPair(t: number, s: number, delta: number, max = ROPE_POSITION_MAX): [number, number] | null {
  const next: [number, number] = [t + delta, s + delta];
  return Math.min(...next) < 0 || Math.max(...next) > max ? null : next;
}
