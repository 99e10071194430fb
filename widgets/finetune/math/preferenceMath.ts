// Preference tuning in miniature: Bradley–Terry preference probabilities, a linear reward model fitted to chosen
// pairs, and the KL-regularised optimum p*(y) ∝ p_ref(y)·e^{r(y)/β} that RLHF (and DPO) aim for.

/** The logistic function σ(x) = 1 / (1 + e^{−x}). */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Bradley–Terry: the probability that the answer with reward `winner` is preferred over the one with `loser`. */
export function preferenceProbability(winner: number, loser: number): number {
  return sigmoid(winner - loser);
}

/** p*(y) ∝ p_ref(y)·e^{r(y)/β}, computed in log space so a tiny β cannot overflow. pRef: [n], rewards: [n] -> [n] */
export function klOptimum(pRef: readonly number[], rewards: readonly number[], beta: number): number[] {
  const logits = pRef.map((p, i) => Math.log(p) + rewards[i] / beta);
  const max = Math.max(...logits);
  const weights = logits.map((l) => Math.exp(l - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** One labelled comparison: the features of the preferred answer and of the other one. */
export interface Comparison { winner: readonly number[]; loser: readonly number[] }

/**
 * Fits reward weights w (reward = w · features) to comparisons by maximising the Bradley–Terry log-likelihood
 * minus (ridge/2)‖w‖². The ridge keeps w finite when every choice agrees (otherwise the best fit is infinite).
 * Newton's method on a concave objective: a few iterations reach machine precision.
 */
export function fitRewardWeights(comparisons: readonly Comparison[], dims: number, ridge = 0.5, iterations = 50): number[] {
  const w = new Array<number>(dims).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((wi) => -ridge * wi);
    const hess = Array.from({ length: dims }, (_, i) => Array.from({ length: dims }, (_, j) => (i === j ? -ridge : 0)));
    for (const { winner, loser } of comparisons) {
      const x = winner.map((f, i) => f - loser[i]);
      const s = sigmoid(x.reduce((acc, xi, i) => acc + xi * w[i], 0));
      for (let i = 0; i < dims; i++) {
        grad[i] += (1 - s) * x[i];
        for (let j = 0; j < dims; j++) hess[i][j] -= s * (1 - s) * x[i] * x[j];
      }
    }
    const step = solve(hess, grad);
    for (let i = 0; i < dims; i++) w[i] -= step[i];
    if (Math.hypot(...step) < 1e-12) break;
  }
  return w;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is tiny and negative definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
