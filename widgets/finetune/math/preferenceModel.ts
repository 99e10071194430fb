// PreferenceToy's data: five sample answers (written for the course, not drawn from the model), the pairs a learner
// labels, the URL schema, and the view: fitted rewards and the tuned distribution p′ for a chosen β.
import { z } from 'zod';
import { defineWidgetState } from '../../kit/urlState.ts';
import { fitRewardWeights, klOptimum, preferenceProbability, type Comparison } from './preferenceMath.ts';

/** One candidate answer: its text, whether it is right, how many flattering phrases it has, and p_ref. */
export interface Answer { text: string; right: boolean; flattery: number; pRef: number }

/** The question every answer replies to. */
export const QUESTION = 'what is the capital of france ?';

/** Candidate answers with the starting (instruction-tuned) model's probabilities; the last one is never labelled. */
export const ANSWERS: readonly Answer[] = [
  { text: 'paris .', right: true, flattery: 0, pRef: 0.45 },
  { text: 'great question ! paris .', right: true, flattery: 1, pRef: 0.1 },
  { text: 'lyon .', right: false, flattery: 0, pRef: 0.3 },
  { text: 'great question ! lyon .', right: false, flattery: 1, pRef: 0.13 },
  { text: 'great question ! you are so clever ! what a brilliant question ! paris .', right: true, flattery: 3, pRef: 0.02 },
];

/** The pairs shown for labelling, as indices into ANSWERS. Answer 4 (heavy flattery) is deliberately never shown. */
export const PAIRS: readonly (readonly [number, number])[] = [[0, 2], [1, 3], [0, 1], [3, 0], [2, 3]];

/** A rater who likes a friendly tone: right over wrong, and, between equals, the one that says "great question". */
export const FRIENDLY_CHOICES: readonly number[] = [0, 0, 1, 1, 1];

/** β range for the slider (log scale) and the schema. */
export const BETA_MIN = 0.05;
export const BETA_MAX = 20;

/** Settings: which answer of each pair was preferred (0 = first, 1 = second), β, and whether the reward model sees flattery. */
export interface PreferenceSettings { choices: number[]; beta: number; flatteryFeature: boolean }

/** The friendly rater's labels, β = 1, and a reward model that can see flattery. */
export const DEFAULT_SETTINGS: PreferenceSettings = { choices: [...FRIENDLY_CHOICES], beta: 1, flatteryFeature: true };

/** Version 1 of the URL state. */
export const preferenceSchema = z.object({
  choices: z.array(z.union([z.literal(0), z.literal(1)])).length(PAIRS.length),
  beta: z.number().min(BETA_MIN).max(BETA_MAX),
  flatteryFeature: z.boolean(),
});

/** PreferenceToy's shareable state. */
export const preferenceState = defineWidgetState<PreferenceSettings>({ version: 1, schema: preferenceSchema, defaults: DEFAULT_SETTINGS });

/** Features the reward model reads: "is it right" and, if switched on, the number of flattering phrases. */
export function features(answer: Answer, flatteryFeature: boolean): number[] {
  return [answer.right ? 1 : 0, flatteryFeature ? answer.flattery : 0];
}

/** What the widget shows. */
export interface PreferenceView {
  /** Fitted weights: reward per "right" and per flattering phrase. */
  weights: number[];
  /** Reward of each answer. */
  rewards: number[];
  /** Tuned distribution p′ ∝ p_ref·e^{r/β}. */
  pTuned: number[];
  /** For each labelled pair, the reward model's probability that the chosen answer wins. */
  pairAgreement: number[];
  /** P(right answer) and expected flattering phrases, before and after. */
  rightBefore: number; rightAfter: number;
  flatteryBefore: number; flatteryAfter: number;
  /** Index of the answer p′ favours most. */
  top: number;
}

/** Fits the reward model to the choices and tunes the distribution for β. */
export function preferenceView(s: PreferenceSettings): PreferenceView {
  const comparisons: Comparison[] = PAIRS.map(([a, b], i) => {
    const [winner, loser] = s.choices[i] === 1 ? [b, a] : [a, b];
    return { winner: features(ANSWERS[winner], s.flatteryFeature), loser: features(ANSWERS[loser], s.flatteryFeature) };
  });
  const weights = fitRewardWeights(comparisons, 2);
  const rewards = ANSWERS.map((ans) => features(ans, s.flatteryFeature).reduce((acc, f, i) => acc + f * weights[i], 0));
  const pRef = ANSWERS.map((ans) => ans.pRef);
  const beta = Math.min(BETA_MAX, Math.max(BETA_MIN, Number.isFinite(s.beta) ? s.beta : 1));
  const pTuned = klOptimum(pRef, rewards, beta);
  const pairAgreement = PAIRS.map(([a, b], i) => (s.choices[i] === 1 ? preferenceProbability(rewards[b], rewards[a]) : preferenceProbability(rewards[a], rewards[b])));
  const expect = (p: number[], f: (ans: Answer) => number) => p.reduce((acc, pi, i) => acc + pi * f(ANSWERS[i]), 0);
  let top = 0;
  pTuned.forEach((p, i) => { if (p > pTuned[top]) top = i; });
  return {
    weights, rewards, pTuned, pairAgreement, top,
    rightBefore: expect(pRef, (ans) => (ans.right ? 1 : 0)), rightAfter: expect(pTuned, (ans) => (ans.right ? 1 : 0)),
    flatteryBefore: expect(pRef, (ans) => ans.flattery), flatteryAfter: expect(pTuned, (ans) => ans.flattery),
  };
}
