/**
 * Independent float64 reference forward pass, written straight from the maths with plain
 * number[][] matrices and naive loops. It shares no code with engine/ (only the types and the
 * Params record it reads), so agreement between the two is evidence both are right.
 */
import type { ModelConfig } from '../../../engine/config.ts';
import type { Params } from '../../../engine/params.ts';

type Matrix = number[][];

/** Options mirroring the engine's ForwardOptions (without trace). */
export interface Reference64Options {
  causal?: boolean;
  ropeBase?: number;
  ropeFreqScale?: ArrayLike<number>;
}

/** Logits [T][V] plus the attention weights [layer][head][i][j] and residual stream per depth [depth][T][d]. */
export interface Reference64Result {
  logits: Matrix;
  attention: number[][][][];
  residuals: Matrix[];
}

function tensorToMatrix(data: Float32Array, rows: number, cols: number): Matrix {
  const m: Matrix = [];
  for (let r = 0; r < rows; r++) m.push(Array.from(data.slice(r * cols, (r + 1) * cols), Number));
  return m;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  const cols = b[0].length;
  return a.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += row[k] * b[k][j];
      out[j] = s;
    }
    return out;
  });
}

function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function plusRowVector(a: Matrix, v: ArrayLike<number>): Matrix {
  return a.map((row) => row.map((x, j) => x + v[j]));
}

function plus(a: Matrix, b: Matrix): Matrix {
  return a.map((row, i) => row.map((x, j) => x + b[i][j]));
}

function layerNorm64(a: Matrix, gain: ArrayLike<number>, bias: ArrayLike<number>): Matrix {
  return a.map((row) => {
    const n = row.length;
    const mean = row.reduce((s, x) => s + x, 0) / n;
    const variance = row.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    return row.map((x, j) => ((x - mean) / Math.sqrt(variance + 1e-5)) * gain[j] + bias[j]);
  });
}

function gelu64(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

function softmax64(row: number[]): number[] {
  const finite = row.filter((x) => x !== -Infinity);
  const max = Math.max(...finite);
  const exps = row.map((x) => (x === -Infinity ? 0 : Math.exp(x - max)));
  const total = exps.reduce((s, x) => s + x, 0);
  return exps.map((e) => e / total);
}

/** Column block [h·dk, (h+1)·dk) of every row. */
function headColumns(a: Matrix, h: number, dk: number): Matrix {
  return a.map((row) => row.slice(h * dk, (h + 1) * dk));
}

/** RoPE on one head: pair (2i, 2i+1) of row t turned by t·base^(-2i/dk)·scale_i. */
function rotate(a: Matrix, dk: number, base: number, freqScale?: ArrayLike<number>): Matrix {
  return a.map((row, t) => {
    const out = row.slice();
    for (let i = 0; i < dk / 2; i++) {
      const theta = t * base ** (-(2 * i) / dk) * (freqScale ? freqScale[i] : 1);
      const [u, w] = [row[2 * i], row[2 * i + 1]];
      out[2 * i] = u * Math.cos(theta) - w * Math.sin(theta);
      out[2 * i + 1] = u * Math.sin(theta) + w * Math.cos(theta);
    }
    return out;
  });
}

/** Runs the GPT forward pass in float64. ids: [T] -> logits [T][V] */
export function referenceForward64(config: ModelConfig, params: Params, ids: readonly number[], opts: Reference64Options = {}): Reference64Result {
  const { dModel: d, nHeads, dFF, vocabSize: V } = config;
  const dk = d / nHeads;
  const causal = opts.causal ?? true;
  const base = opts.ropeBase ?? config.ropeBase;
  const P = (name: string, rows: number, cols: number) => tensorToMatrix(params[name], rows, cols);
  const vec = (name: string) => Array.from(params[name], Number);

  const wte = P('wte', V, d);
  let x: Matrix = ids.map((id) => wte[id].slice());
  if (config.positions === 'learned') {
    const wpe = P('wpe', config.contextLength, d);
    x = x.map((row, t) => row.map((v, j) => v + wpe[t][j]));
  } else if (config.positions === 'sinusoidal') {
    x = x.map((row, t) =>
      row.map((v, j) => {
        const i = Math.floor(j / 2);
        const arg = t / 10000 ** ((2 * i) / d);
        return v + (config.sinusoidalScale ?? 1) * (j % 2 === 0 ? Math.sin(arg) : Math.cos(arg));
      }),
    );
  }

  const attention: number[][][][] = [];
  const residuals: Matrix[] = [x];
  for (let l = 0; l < config.nLayers; l++) {
    const name = (s: string) => `blocks.${l}.${s}`;
    const h1 = layerNorm64(x, vec(name('ln1.gain')), vec(name('ln1.bias')));
    const Q = plusRowVector(multiply(h1, P(name('attn.wq'), d, d)), vec(name('attn.bq')));
    const K = plusRowVector(multiply(h1, P(name('attn.wk'), d, d)), vec(name('attn.bk')));
    const Vv = plusRowVector(multiply(h1, P(name('attn.wv'), d, d)), vec(name('attn.bv')));
    const heads: Matrix[] = [];
    const layerWeights: number[][][] = [];
    for (let h = 0; h < nHeads; h++) {
      let q = headColumns(Q, h, dk);
      let k = headColumns(K, h, dk);
      if (config.positions === 'rotary') {
        q = rotate(q, dk, base, opts.ropeFreqScale);
        k = rotate(k, dk, base, opts.ropeFreqScale);
      }
      const scores = multiply(q, transpose(k)).map((row, i) =>
        row.map((s, j) => (causal && j > i ? -Infinity : s / Math.sqrt(dk))),
      );
      const A = scores.map(softmax64);
      layerWeights.push(A);
      heads.push(multiply(A, headColumns(Vv, h, dk)));
    }
    attention.push(layerWeights);
    const concat = heads[0].map((_, t) => heads.flatMap((head) => head[t]));
    const attnOut = plusRowVector(multiply(concat, P(name('attn.wo'), d, d)), vec(name('attn.bo')));
    x = plus(x, attnOut);
    const h2 = layerNorm64(x, vec(name('ln2.gain')), vec(name('ln2.bias')));
    const hidden = plusRowVector(multiply(h2, P(name('mlp.w1'), d, dFF)), vec(name('mlp.b1'))).map((row) => row.map(gelu64));
    const mlpOut = plusRowVector(multiply(hidden, P(name('mlp.w2'), dFF, d)), vec(name('mlp.b2')));
    x = plus(x, mlpOut);
    residuals.push(x);
  }
  const final = layerNorm64(x, vec('lnf.gain'), vec('lnf.bias'));
  return { logits: multiply(final, transpose(wte)), attention, residuals };
}
