// The RoPE frequency settings a TinyWorld head uses: the base and one multiplier per pair. They are exactly the
// engine's inference-time options (ForwardOptions.ropeBase and ropeFreqScale), so a widget that runs `tw-rope`
// (a later RopeLive) can reuse this type, its schema and these tables unchanged.
import { z } from 'zod';
import { rotaryFrequencies } from '../../engine/positions.ts';
import { periodOf } from './wheelMath.ts';

/** Head size of the TinyWorld models: d_model 64 over 4 heads. */
export const TINYWORLD_DK = 16;
/** Number of rotated pairs in a TinyWorld head. */
export const TINYWORLD_PAIRS = TINYWORLD_DK / 2;
/** Smallest and largest multiplier a pair's speed may get. */
export const FREQ_SCALE_MIN = 0.1;
export const FREQ_SCALE_MAX = 10;
/** Range of θ_base the widgets accept (Llama 3's 500,000 fits). */
export const ROPE_BASE_MIN = 2;
export const ROPE_BASE_MAX = 10_000_000;

/** The RoPE settings shared with the engine: base θ and per-pair speed multipliers. */
export interface RopeFrequencySettings {
  ropeBase: number;
  /** One multiplier per pair of a d_k = 16 head; all 1 is plain RoPE. */
  freqScale: number[];
}

/** Plain RoPE at base 10,000. */
export const DEFAULT_ROPE_FREQUENCIES: RopeFrequencySettings = { ropeBase: 10000, freqScale: Array(TINYWORLD_PAIRS).fill(1) };

/** Zod fields for the shared settings, to spread into a widget's own schema. */
export const ropeFrequencyFields = {
  ropeBase: z.number().finite().min(ROPE_BASE_MIN).max(ROPE_BASE_MAX),
  freqScale: z.array(z.number().finite().min(FREQ_SCALE_MIN).max(FREQ_SCALE_MAX)).length(TINYWORLD_PAIRS),
};

/** One row of the per-pair table. */
export interface RopePair {
  /** Pair index i: dimensions 2i and 2i+1 of the head. */
  pair: number;
  /** ω_i before the multiplier, θ^(-2i/d_k). */
  baseSpeed: number;
  scale: number;
  /** ω_i after the multiplier, radians per position: what the engine rotates by. */
  speed: number;
  /** Positions for one full turn, 2π/ω_i. */
  period: number;
}

/** The per-pair speeds and periods of a d_k-wide head under these settings (the engine's rotaryFrequencies). */
export function ropePairs(settings: RopeFrequencySettings, dk = TINYWORLD_DK): RopePair[] {
  const plain = rotaryFrequencies(dk, settings.ropeBase);
  const scaled = rotaryFrequencies(dk, settings.ropeBase, Float32Array.from(settings.freqScale));
  return Array.from(scaled, (speed, pair) => ({ pair, baseSpeed: plain[pair], scale: settings.freqScale[pair], speed, period: periodOf(speed) }));
}

/** The multipliers as the engine's forward option wants them (ForwardOptions.ropeFreqScale). */
export const freqScaleOption = (settings: RopeFrequencySettings): Float32Array => Float32Array.from(settings.freqScale);
