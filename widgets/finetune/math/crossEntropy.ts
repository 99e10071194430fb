// Cross-entropy for one next-token prediction, its gradient, and gradient descent with the logits themselves as the
// parameters. Tiny on purpose: chapter 10 uses it to show what a single training step does to three scores.
import { softmaxWithTemperature } from '../../../engine/softmax.ts';

/** Softmax at temperature 1. logits: [n] -> probs: [n] */
export function probabilities(logits: readonly number[]): number[] {
  return softmaxWithTemperature(logits, 1).probs;
}

/** −ln p_target, in nats, computed from the logits with the max subtracted so huge logits do not overflow. */
export function crossEntropy(logits: readonly number[], target: number): number {
  const max = Math.max(...logits);
  let sum = 0;
  for (const z of logits) sum += Math.exp(z - max);
  return Math.log(sum) - (logits[target] - max);
}

/** ∂(−ln p_target)/∂z = p − e_target. logits: [n] -> gradient: [n] */
export function crossEntropyGradient(logits: readonly number[], target: number): number[] {
  return probabilities(logits).map((p, i) => (i === target ? p - 1 : p));
}

/** One gradient-descent step on the logits: z ← z − η (p − e_target). logits: [n] -> logits: [n] */
export function gradientStep(logits: readonly number[], target: number, eta: number): number[] {
  const gradient = crossEntropyGradient(logits, target);
  return logits.map((z, i) => z - eta * gradient[i]);
}

/** Index of the largest entry (the first one on ties). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The state after a number of steps: logits, probabilities, loss and the gradient at that point. */
export interface DescentPoint {
  step: number;
  logits: number[];
  probs: number[];
  loss: number;
  gradient: number[];
}

/** Describes the logits at one step of a run. */
export function describePoint(step: number, logits: readonly number[], target: number): DescentPoint {
  return { step, logits: [...logits], probs: probabilities(logits), loss: crossEntropy(logits, target), gradient: crossEntropyGradient(logits, target) };
}

/** Runs `steps` gradient steps from `logits`; returns steps + 1 points, the start first. */
export function descend(logits: readonly number[], target: number, eta: number, steps: number): DescentPoint[] {
  const points = [describePoint(0, logits, target)];
  let current = [...logits];
  for (let step = 1; step <= steps; step++) {
    current = gradientStep(current, target, eta);
    points.push(describePoint(step, current, target));
  }
  return points;
}

/**
 * The η above which one step puts the target strictly on top (0 when it is already on top or only tied). One step widens the margin z_target − z_j by η(1 − p_target + p_j), so each rival j is overtaken
 * once η exceeds (z_j − z_target)/(1 − p_target + p_j).
 */
export function etaToOvertake(logits: readonly number[], target: number): number {
  const probs = probabilities(logits);
  let needed = 0;
  for (let j = 0; j < logits.length; j++) {
    if (j === target) continue;
    const gap = logits[j] - logits[target];
    if (gap >= 0) needed = Math.max(needed, gap / (1 - probs[target] + probs[j]));
  }
  return needed;
}
