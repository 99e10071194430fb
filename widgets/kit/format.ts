/** Formats a probability as a percentage with the given decimals (70.54 %); keeps the sign for "impossible" negatives. */
export function percent(p: number, decimals = 1): string {
  if (!Number.isFinite(p)) return '—';
  // A probability that is not 0 (or not 1) must not read as exactly 0 % (or 100 %) after rounding.
  const step = 10 ** -decimals;
  if (p > 0 && p * 100 < step / 2) return `< ${step.toFixed(decimals)} %`;
  if (p < 1 && p * 100 >= 100 - step / 2) return `> ${(100 - step).toFixed(decimals)} %`;
  return `${(p * 100).toFixed(decimals)} %`;
}

/** Formats any number for a table: fixed decimals in the ordinary range, powers of ten outside it. */
export function num(x: number, decimals = 3): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e6 || abs < 10 ** -decimals)) {
    const [mantissa, exponent] = x.toExponential(2).split('e');
    return `${mantissa.replace('-', '−')} × 10^${Number(exponent)}`;
  }
  return x.toFixed(decimals).replace('-', '−');
}
