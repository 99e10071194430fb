/**
 * Backward of layer norm y = x̂·g + b with x̂ = (x − μ)·r, r = 1/√(var + eps).
 * With dx̂ = dy·g, the gradient through the mean and variance works out to
 * dx = r·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) per row; gain and bias gradients sum over rows.
 */

/**
 * Gradients of layer norm from the forward's input and its per-row statistics.
 * dGain and dBias are ADDED to (callers zero them first); dx is overwritten.
 * dy, x: [rows, cols], mean, rstd: [rows], gain: [cols] -> dx: [rows, cols], dGain, dBias: [cols]
 */
export function layerNormBackward(
  dy: Float32Array, x: Float32Array, mean: Float32Array, rstd: Float32Array, gain: Float32Array,
  rows: number, cols: number, dx: Float32Array, dGain: Float32Array, dBias: Float32Array,
): Float32Array {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    const mu = mean[r];
    const inv = rstd[r];
    // Two row sums first: mean(dx̂) and mean(dx̂·x̂).
    let sumDxhat = 0;
    let sumDxhatXhat = 0;
    for (let c = 0; c < cols; c++) {
      const xhat = (x[o + c] - mu) * inv;
      const g = dy[o + c];
      const dxhat = g * gain[c];
      sumDxhat += dxhat;
      sumDxhatXhat += dxhat * xhat;
      dGain[c] += g * xhat;
      dBias[c] += g;
    }
    const meanDxhat = sumDxhat / cols;
    const meanDxhatXhat = sumDxhatXhat / cols;
    for (let c = 0; c < cols; c++) {
      const xhat = (x[o + c] - mu) * inv;
      dx[o + c] = inv * (dy[o + c] * gain[c] - meanDxhat - xhat * meanDxhatXhat);
    }
  }
  return dx;
}
