// QuestionnaireDot's plain data: two people's yes/no answers as ±1 vectors, a weight per question, and each person's
// "wants" (what they look for in the other). The view is the dot product, the weighted score a·D·bᵀ with D = diag(w),
// and the two directed scores wants·D·offers, which need not agree: a first look at queries and keys.
import { z } from 'zod';
import { defineWidgetState } from '../kit/urlState.ts';

/** Fewest and most questions the widget offers. */
export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 6;
/** Weights are importances: 0 ignores a question, 100 is far more than any other question can outweigh. */
export const WEIGHT_MAX = 100;

/** The questions, in order; the widget shows the first n. */
export const QUESTIONS = ['Likes hiking?', 'Prefers the city?', 'Early riser?', 'Has a cat?', 'Plays music?', 'Reads a lot?'] as const;

/** One answer: +1 for yes, −1 for no. */
export type Answer = 1 | -1;

/** Settings: answers a and b (what each person is, i.e. offers), weights w, and each person's wants. */
export interface QuestionnaireSettings {
  a: Answer[];
  b: Answer[];
  w: number[];
  /** Whether the "wants and offers" part is open. */
  split: boolean;
  /** What a looks for in the other person, one ±1 per question. */
  wantsA: Answer[];
  /** What b looks for in the other person. */
  wantsB: Answer[];
}

/**
 * The curriculum's questionnaire: a = (+1, −1, +1), b = (+1, −1, −1), equal weights (score +1). The wants are chosen
 * so the two directed scores differ at once: a wants exactly what b is (+3), b wants the opposite of two of a's
 * answers (−1).
 */
export const DEFAULT_SETTINGS: QuestionnaireSettings = {
  a: [1, -1, 1], b: [1, -1, -1], w: [1, 1, 1], split: false, wantsA: [1, -1, -1], wantsB: [-1, 1, 1],
};

const answers = z.array(z.union([z.literal(1), z.literal(-1)])).min(MIN_QUESTIONS).max(MAX_QUESTIONS);

/** Version 1 of the URL state: every list has one entry per question. */
export const questionnaireSchema = z.object({
  a: answers, b: answers, w: z.array(z.number().min(0).max(WEIGHT_MAX)).min(MIN_QUESTIONS).max(MAX_QUESTIONS),
  split: z.boolean(), wantsA: answers, wantsB: answers,
}).refine((s) => [s.b, s.w, s.wantsA, s.wantsB].every((list) => list.length === s.a.length), 'one answer and one weight per question');

/** QuestionnaireDot's shareable state. */
export const questionnaireState = defineWidgetState<QuestionnaireSettings>({ version: 1, schema: questionnaireSchema, defaults: DEFAULT_SETTINGS });

/** Everything the widget shows and exercise checks read. */
export interface QuestionnaireView {
  /** a_i·b_i per question: +1 agree, −1 disagree. */
  products: number[];
  /** w_i·a_i·b_i per question. */
  weightedProducts: number[];
  /** The plain dot product a·b. */
  plain: number;
  /** a·D·bᵀ with D = diag(w). */
  weighted: number;
  /** wantsA·D·bᵀ: how well b offers what a wants. */
  aWantsB: number;
  /** wantsB·D·aᵀ: how well a offers what b wants. */
  bWantsA: number;
}

/** Σ_i x_i·d_i·y_i, the bilinear form x·diag(d)·yᵀ. x, d, y: [n] -> scalar */
export function weightedDot(x: readonly number[], d: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * d[i] * y[i];
  return sum;
}

/** Computes the products, both scores and both directed scores; never throws. */
export function questionnaireView(s: QuestionnaireSettings): QuestionnaireView {
  const products = s.a.map((ai, i) => ai * s.b[i]);
  const weightedProducts = products.map((p, i) => p * s.w[i]);
  const ones = s.a.map(() => 1);
  return {
    products,
    weightedProducts,
    plain: weightedDot(s.a, ones, s.b),
    weighted: weightedDot(s.a, s.w, s.b),
    aWantsB: weightedDot(s.wantsA, s.w, s.b),
    bWantsA: weightedDot(s.wantsB, s.w, s.a),
  };
}
