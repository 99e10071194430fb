// The "where did this number come from" sentences of AttentionCalculator: each computed cell written out as
// the products and sums that made it, with the actual numbers filled in.
import type { AttentionCalculatorSettings, AttentionCalculatorView } from './attentionCalculatorModel.ts';
import type { Matrix } from './matrixMath.ts';

/** Up to 3 decimals without trailing zeros, with a real minus sign; −∞ for masked scores. */
export function short(x: number): string {
  if (x === -Infinity) return '−∞';
  if (!Number.isFinite(x)) return '—';
  return String(Number(x.toFixed(3)) || 0).replace('-', '−');
}
const wrap = (x: number) => (x < 0 ? `(${short(x)})` : short(x));
/** "a₁×b₁ + a₂×b₂" for two equal-length lists. */
const products = (a: readonly number[], b: readonly number[]) => a.map((x, t) => `${wrap(x)}×${wrap(b[t])}`).join(' + ');
const column = (m: Matrix, j: number) => m.map((row) => row[j]);

/** Which computed matrix a cell belongs to. */
export type StepName = 'Q' | 'K' | 'V' | 'S' | 'M' | 'A' | 'out';

/** The sentence for cell (i, j) of one step. */
export function explainCell(step: StepName, i: number, j: number, settings: AttentionCalculatorSettings, view: AttentionCalculatorView): string {
  const w = view.words;
  const x = settings.X[i];
  switch (step) {
    case 'Q':
    case 'K':
    case 'V': {
      const W = step === 'Q' ? settings.WQ : step === 'K' ? settings.WK : settings.WV;
      const value = view[step][i][j];
      return `${step}[${w[i]}, ${j + 1}] = row ${w[i]} of X · column ${j + 1} of W_${step} = ${products(x, column(W, j))} = ${short(value)}`;
    }
    case 'S': {
      const dot = `${products(view.Q[i], view.K[j])}`;
      const scaled = view.divisor === 1 ? '' : ` ÷ √${view.dk}`;
      return `S[${w[i]}, ${w[j]}] = q_${w[i]} · k_${w[j]}${scaled} = (${dot})${scaled} = ${short(view.S[i][j])}`;
    }
    case 'M':
      return view.M[i][j] === 0
        ? `M[${w[i]}, ${w[j]}] = 0: ${settings.mask ? `${w[j]} is not later than ${w[i]}, so it may be looked at` : 'the mask is off, every key may be looked at'}`
        : `M[${w[i]}, ${w[j]}] = −∞: ${w[j]} comes after ${w[i]}, so the query ${w[i]} may not look at it`;
    case 'A': {
      if (view.M[i][j] === -Infinity) return `A[${w[i]}, ${w[j]}] = 0: e^(−∞) = 0, the masked key gets no weight`;
      const open = view.S[i].map((s, t) => (view.M[i][t] === 0 ? s : null)).filter((s): s is number => s !== null);
      const sum = open.reduce((acc, s) => acc + Math.exp(s), 0);
      return `A[${w[i]}, ${w[j]}] = e^${wrap(view.S[i][j])} / (${open.map((s) => `e^${wrap(s)}`).join(' + ')}) = ${short(Math.exp(view.S[i][j]))} / ${short(sum)} = ${short(view.A[i][j])}`;
    }
    case 'out':
      return `output[${w[i]}, ${j + 1}] = Σ over keys of A[${w[i]}, key] × V[key, ${j + 1}] = ${products(view.A[i], column(view.V, j))} = ${short(view.out[i][j])}`;
  }
}
