// GradientStep's plain data: its settings, their URL schema, and the derived view exercise checks read.
// Pure TypeScript (no runes) so unit tests and the content schema can import it in Node.
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { argmax, descend, etaToOvertake, gradientStep, probabilities, type DescentPoint } from './crossEntropy.ts';

/** Names of the tokens, by position: the lesson's running example asks for a capital. */
export const TOKEN_NAMES = ['Rome', 'Paris', 'Oslo', 'Lima', 'Cairo'];
/** Fewest and most logits the learner can edit. */
export const MIN_LOGITS = 2;
export const MAX_LOGITS = TOKEN_NAMES.length;
/** Largest learning rate the exact box accepts (the slider stops at ETA_SLIDER_MAX). */
export const ETA_LIMIT = 10;
/** Slider range for η: wide enough to show big steps, fine enough to find the 0.704 boundary. */
export const ETA_SLIDER_MAX = 3;
/** Most steps a run keeps; the curve and its table stay readable. */
export const MAX_STEPS = 200;
/** How many steps "Run" takes at once. */
export const RUN_LENGTH = 20;

/** Settings a learner can change: the starting logits, the correct token, the learning rate and the steps taken. */
export interface GradientStepSettings { logits: number[]; target: number; eta: number; steps: number }

/** The curriculum's example: Rome 2, Paris 1, Oslo 0, target Paris, η = 1, no step taken yet. */
export const DEFAULT_SETTINGS: GradientStepSettings = { logits: [2, 1, 0], target: 1, eta: 1, steps: 0 };

/** Version 1 of the URL state; every field required so a link reproduces the whole run. */
export const gradientStepSchema = z.object({
  logits: z.array(z.number().min(-50).max(50)).min(MIN_LOGITS).max(MAX_LOGITS),
  target: z.number().int().min(0).max(MAX_LOGITS - 1),
  eta: z.number().min(0).max(ETA_LIMIT),
  steps: z.number().int().min(0).max(MAX_STEPS),
}).refine((s) => s.target < s.logits.length, { message: 'the target must be one of the tokens', path: ['target'] });

/** GradientStep's shareable state. */
export const gradientStepState = defineWidgetState<GradientStepSettings>({ version: 1, schema: gradientStepSchema, defaults: DEFAULT_SETTINGS });

/** What the widget shows and exercise checks read. */
export interface GradientStepView {
  /** Every step of the run so far, the start first (empty while an input is invalid). */
  history: DescentPoint[];
  /** The point after the last step taken. */
  current: DescentPoint | null;
  /** The logits after ONE step from the start at the current η. */
  logitsAfter: number[];
  /** Probabilities after that one step. */
  probsAfter: number[];
  /** Index of the top token after one step from the start (−1 while an input is invalid). */
  argmaxAfter: number;
  /** The η above which one step puts the target on top. */
  etaToOvertake: number;
}

const EMPTY_VIEW: GradientStepView = { history: [], current: null, logitsAfter: [], probsAfter: [], argmaxAfter: -1, etaToOvertake: Number.NaN };

/** True when the settings can be computed (finite logits, a target among them, η ≥ 0). */
export function usable(s: GradientStepSettings): boolean {
  return s.logits.length >= MIN_LOGITS && s.logits.every(Number.isFinite) && Number.isInteger(s.target)
    && s.target >= 0 && s.target < s.logits.length && Number.isFinite(s.eta) && s.eta >= 0;
}

/** Computes the view; never throws (unusable input gives an empty view). */
export function gradientStepView(s: GradientStepSettings): GradientStepView {
  if (!usable(s)) return EMPTY_VIEW;
  const history = descend(s.logits, s.target, s.eta, Math.min(Math.max(0, Math.floor(s.steps)), MAX_STEPS));
  const logitsAfter = gradientStep(s.logits, s.target, s.eta);
  const probsAfter = probabilities(logitsAfter);
  return {
    history,
    current: history[history.length - 1],
    logitsAfter,
    probsAfter,
    argmaxAfter: argmax(logitsAfter),
    etaToOvertake: etaToOvertake(s.logits, s.target),
  };
}
