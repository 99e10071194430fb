// Descent's plain data: the learning rate and the steps taken (a link reproduces the whole walk), and the derived view.
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { START, VALLEY, descentPath, regimeOf, stableLimit, stepFactors, stepsToSettle, type PathPoint, type Regime } from './descentMath.ts';

/** Slider range for η on the valley: from a crawl to well past the 0.5 where it blows up. */
export const ETA_MIN = 0;
export const ETA_MAX = 0.6;
/** Most steps a walk keeps (a diverging one is far off the map long before). */
export const MAX_STEPS = 100;
/** Learning rates the preset buttons pick, one per regime the lesson names. */
export const PRESETS = [
  { label: 'Too small', eta: 0.01 },
  { label: 'Good', eta: 0.35 },
  { label: 'Too large', eta: 0.55 },
] as const;

/** Settings a learner can change. */
export interface DescentSettings { eta: number; steps: number }

/** Starts with a learning rate that works and 20 steps already walked, so the first view shows a whole walk. */
export const DEFAULT_SETTINGS: DescentSettings = { eta: 0.35, steps: 20 };

/** Version 1 of the URL state. */
export const descentSchema = z.object({
  eta: z.number().min(ETA_MIN).max(ETA_MAX),
  steps: z.number().int().min(0).max(MAX_STEPS),
});

/** Descent's shareable state. */
export const descentState = defineWidgetState<DescentSettings>({ version: 1, schema: descentSchema, defaults: DEFAULT_SETTINGS });

/** What the widget shows. */
export interface DescentView {
  path: PathPoint[];
  regime: Regime;
  /** 1 − ηλ along the valley and across it. */
  factors: [number, number];
  /** η above which the walk diverges. */
  limit: number;
  /** Step at which the loss has come 99 % of the way down, or null if not yet. */
  settledAt: number | null;
}

/** Computes the view from the settings (pure; clamps anything out of range instead of throwing). */
export function descentView(s: DescentSettings): DescentView {
  const eta = Number.isFinite(s.eta) ? Math.min(ETA_MAX, Math.max(ETA_MIN, s.eta)) : 0;
  const steps = Number.isFinite(s.steps) ? Math.min(MAX_STEPS, Math.max(0, Math.floor(s.steps))) : 0;
  const path = descentPath(VALLEY, START, eta, steps);
  return { path, regime: regimeOf(VALLEY, eta), factors: stepFactors(VALLEY, eta), limit: stableLimit(VALLEY), settledAt: stepsToSettle(path, VALLEY.floor) };
}

/** One sentence per regime, for the status line under the map. */
export const REGIME_TEXT: Record<Regime, string> = {
  'frozen': 'η = 0: no step moves the hiker at all.',
  'too-small': 'Too small: every step goes downhill, but the hiker crawls and is still far from the valley floor after many steps.',
  'good': 'Good: the hiker gets down to the valley floor quickly.',
  'zigzag': 'Nearly too large: each step overshoots the valley floor and the hiker zigzags from side to side, settling only slowly.',
  'edge': 'On the edge: the hiker bounces between the two sides of the valley forever, never lower.',
  'diverges': 'Too large: each step overshoots further than the last, the loss grows and the walk leaves the map.',
};
