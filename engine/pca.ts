// Principal component analysis by power iteration on the covariance matrix: small, dependency-free and
// deterministic, which is all a 400 × 64 embedding table needs.
import { EngineError } from './errors.ts';

/** Coordinates of every row on the top components, and how much of the variance each component explains. */
export interface PcaResult {
  /** [n, k] row-major projections. */
  coords: Float32Array;
  /** [k, d] unit component directions. */
  components: Float64Array;
  /** Fraction of total variance along each component, [k]. */
  explained: number[];
}

/**
 * Projects rows onto their top-k principal components. Each component's sign is fixed so that its
 * largest-magnitude entry is positive, so the same table always gives the same picture.
 * x: [n, d] -> coords [n, k]
 */
export function pca(x: Float32Array, n: number, d: number, k: number, iterations = 200): PcaResult {
  if (x.length !== n * d) throw new EngineError('bad-input', `PCA: expected ${n}×${d} values, got ${x.length}.`);
  if (!(k >= 1 && k <= d && k <= n)) throw new EngineError('bad-input', `PCA: cannot take ${k} components of a ${n}×${d} table.`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
  // cov: [d, d] in float64 so that deflation stays accurate.
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[a * d + b] += row[a] * row[b];
  }
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b] /= Math.max(1, n - 1);
  let total = 0;
  for (let a = 0; a < d; a++) total += cov[a * d + a];

  const components = new Float64Array(k * d);
  const explained: number[] = [];
  const v = new Float64Array(d);
  const w = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    // A fixed, non-symmetric start vector keeps the iteration deterministic and unlikely to be orthogonal to the answer.
    for (let j = 0; j < d; j++) v[j] = 1 + ((j * 7919 + c * 104729) % 97) / 97;
    let eigen = 0;
    for (let it = 0; it < iterations; it++) {
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b] * v[b];
        w[a] = s;
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      for (let j = 0; j < d; j++) v[j] = w[j] / norm;
      eigen = norm;
    }
    let big = 0;
    for (let j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    const sign = v[big] < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) components[c * d + j] = sign * v[j];
    explained.push(total > 0 ? eigen / total : 0);
    // Deflate: remove this component so the next iteration finds the next one.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b] -= eigen * v[a] * v[b];
  }

  const coords = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (x[i * d + j] - mean[j]) * components[c * d + j];
      coords[i * k + c] = s;
    }
  }
  return { coords, components, explained };
}
