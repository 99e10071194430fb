// WordGravity's plain data: named tokens on the fruit/tech plane, the weighting rule, the number of layers
// applied, the URL schema, and the trajectory: each Step moves every token to a weighted mix of all tokens.
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { dotRows, rowSoftmax, type Matrix } from './matrixMath.ts';

/** A point on the plane as [fruit, tech]. */
export type Vec2 = [number, number];

/** Words learners can place, with where each starts on the plane (x: fruit, y: tech). */
export const VOCABULARY: Record<string, Vec2> = {
  apple: [1, 1],
  orange: [2, 0],
  banana: [2.5, 0.5],
  juice: [1.5, 0],
  phone: [0, 2],
  laptop: [0.5, 2.5],
  software: [0, 1.5],
};
/** The vocabulary's words in display order. */
export const WORDS = Object.keys(VOCABULARY);

/** How each token weighs the others: all equally, or by softmax of dot products (attention with W = I). */
export type Weighting = 'similarity' | 'uniform';

/** Settings: the tokens in sentence order, the weighting, ÷√d, the projections (identity only) and layers applied. */
export interface WordGravitySettings {
  tokens: Record<string, Vec2>;
  weights: Weighting;
  scale: boolean;
  /** W_Q = W_K = W_V; only the identity is offered, so the plane itself is what attention compares. */
  W: 'identity';
  /** How many times Step has been pressed (0 = the tokens as placed). */
  steps: number;
}

/** Coordinates stay inside this box so every point fits on the plot. */
export const COORD_LIMIT = 4;
/** Most layers a learner can apply. */
export const MAX_STEPS = 6;
/** Fewest and most tokens on the plane. */
export const MIN_TOKENS = 2;
export const MAX_TOKENS = 5;

/** Example (a): orange and apple, scaled similarity weights, nothing applied yet. */
export const DEFAULT_SETTINGS: WordGravitySettings = { tokens: { orange: [2, 0], apple: [1, 1] }, weights: 'similarity', scale: true, W: 'identity', steps: 0 };

/** Sentences to start from. */
export const PRESETS: { label: string; tokens: Record<string, Vec2> }[] = [
  { label: 'orange, apple', tokens: { orange: [2, 0], apple: [1, 1] } },
  { label: 'phone, apple', tokens: { phone: [0, 2], apple: [1, 1] } },
  { label: 'buy an apple and an orange', tokens: { apple: [1, 1], orange: [2, 0], banana: [2.5, 0.5] } },
  { label: 'apple unveiled a new phone', tokens: { apple: [1, 1], phone: [0, 2], laptop: [0.5, 2.5] } },
];

const coordinate = z.number().min(-COORD_LIMIT).max(COORD_LIMIT);

/** Version 1 of the URL state: 2 to 5 tokens named from the vocabulary, each at most once. */
export const wordGravitySchema = z.object({
  tokens: z.record(z.string(), z.tuple([coordinate, coordinate])).refine((t) => {
    const names = Object.keys(t);
    return names.length >= MIN_TOKENS && names.length <= MAX_TOKENS && names.every((n) => Object.hasOwn(VOCABULARY, n));
  }, `2 to 5 tokens, each a vocabulary word`),
  weights: z.enum(['similarity', 'uniform']),
  scale: z.boolean(),
  W: z.literal('identity'),
  steps: z.number().int().min(0).max(MAX_STEPS),
});

/** WordGravity's shareable state. */
export const wordGravityState = defineWidgetState<WordGravitySettings>({ version: 1, schema: wordGravitySchema, defaults: DEFAULT_SETTINGS });

/** One layer: where the tokens were, the weights each used, and where they went. */
export interface GravityLayer {
  /** Positions before the layer. [n, 2] */
  before: Vec2[];
  /** Scores (dot products, ÷√2 when scaling); rows are the tokens being updated (queries), columns the tokens looked at (keys). */
  scores: Matrix;
  /** Attention weights; each row is ≥ 0 and sums to 1. [n, n] */
  weights: Matrix;
  /** Positions after: row i = Σ_j weights[i][j] · before[j], a convex combination. [n, 2] */
  after: Vec2[];
}

/** The tokens' names, their positions now, and every layer applied so far. */
export interface WordGravityView {
  names: string[];
  /** The positions after `steps` layers (the placed positions when steps = 0). */
  positions: Vec2[];
  layers: GravityLayer[];
  /** The next layer's weights from the current positions, shown before Step is pressed. */
  next: GravityLayer;
}

/** One attention layer with W_Q = W_K = W_V = I on 2-D points. points: [n, 2] -> layer */
export function gravityLayer(points: readonly Vec2[], weights: Weighting, scale: boolean): GravityLayer {
  const n = points.length;
  const divisor = scale ? Math.SQRT2 : 1;
  const scores = points.map((p) => points.map((q) => dotRows(p, q) / divisor));
  const w = weights === 'uniform' ? points.map(() => points.map(() => 1 / n)) : rowSoftmax(scores);
  const after = w.map((row) => {
    const mixed: Vec2 = [0, 0];
    row.forEach((a, j) => { mixed[0] += a * points[j][0]; mixed[1] += a * points[j][1]; });
    return mixed;
  });
  return { before: points.map((p) => [p[0], p[1]]), scores, weights: w, after };
}

/** Applies `steps` layers, one after another; assumes settings passed the schema. */
export function wordGravityView(settings: WordGravitySettings): WordGravityView {
  const names = Object.keys(settings.tokens);
  let points: Vec2[] = names.map((n) => [settings.tokens[n][0], settings.tokens[n][1]]);
  const layers: GravityLayer[] = [];
  for (let s = 0; s < settings.steps; s++) {
    const layer = gravityLayer(points, settings.weights, settings.scale);
    layers.push(layer);
    points = layer.after;
  }
  return { names, positions: points, layers, next: gravityLayer(points, settings.weights, settings.scale) };
}
