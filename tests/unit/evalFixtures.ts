/**
 * Hand-built models whose answers the eval tests control. Token i is coded by row i + 1 of a 512 × 512
 * Sylvester–Hadamard matrix: ±1 entries, mean exactly 0, and every two codes orthogonal. So layer norm
 * leaves a code unchanged, a dot product with the code table reads off one token exactly, and the
 * logits lnf(x) · wteᵀ of a residual x = Σ w_k code_k are 512·γ·w_k/‖w‖ for the listed tokens and 0 for
 * every other token (γ = lnf gain). One block whose attention writes nothing and whose MLP is a lookup
 * table (one hidden unit per token) makes the next token a chosen function of the last token.
 */
import type { ModelConfig } from '../../engine/config.ts';
import { courseVocabulary } from '../../engine/corpus/vocabulary.ts';
import type { Model } from '../../engine/model.ts';
import { paramSpecs } from '../../engine/params.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import type { Tokenizer } from '../../engine/tokenizer/types.ts';

/** Width of the hand-built models (the smallest power of two above V = 400). */
export const CODE_WIDTH = 512;
const LOOKUP_SCALE = 20;
const LOOKUP_BIAS = 12;

/** Entry (i, j) of the Sylvester–Hadamard matrix: (−1)^popcount(i & j). */
function hadamard(i: number, j: number): number {
  let x = i & j;
  let parity = 0;
  while (x) {
    parity ^= x & 1;
    x >>= 1;
  }
  return parity ? -1 : 1;
}

/** GELU, tanh form (written out here so the fixture does not lean on the code under test). */
function gelu(v: number): number {
  return 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
}

/** The course tokenizer (V = 400). */
export function courseTokenizer(): Tokenizer {
  return createWordTokenizer(courseVocabulary());
}

/** What the lookup model predicts: for a last token, weights of the next tokens (mixtures allowed). */
export type Successors = Record<string, Record<string, number>>;

/** Options of `lookupModel`. */
export interface LookupOptions {
  next: Successors;
  /** lnf gain γ: a lone successor gets logit 512·γ, every unlisted token 0. Default 0.05. */
  sharpness?: number;
  /** Replace the whole model by fixed logits (lnf gain 0; lnf bias chosen so logit_j = value). */
  constantLogits?: Record<string, number>;
  /** One head per entry: from every position, that head attends (almost) only to the listed tokens. */
  attendTo?: readonly (readonly string[])[];
}

/** A one-block model on the course vocabulary that maps the last token to chosen next-token logits. */
export function lookupModel(tokenizer: Tokenizer, opts: LookupOptions): Model {
  const V = tokenizer.vocabSize;
  const d = CODE_WIDTH;
  const nHeads = opts.attendTo?.length || 1;
  const config: ModelConfig = { vocabSize: V, contextLength: 64, dModel: d, nLayers: 1, nHeads, dFF: V, positions: 'none', ropeBase: 10000 };
  const params: Model['params'] = {};
  for (const { name, shape } of paramSpecs(config)) params[name] = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const code = (id: number, c: number) => hadamard(id + 1, c);
  const id = (token: string): number => {
    const found = tokenizer.idOf(token);
    if (found === undefined) throw new Error(`fixture: unknown token ${token}`);
    return found;
  };
  for (let t = 0; t < V; t++) for (let c = 0; c < d; c++) params.wte[t * d + c] = code(t, c);
  params['blocks.0.ln1.gain'].fill(1);
  params['blocks.0.ln2.gain'].fill(1);
  // Hidden unit u fires only for token u: its pre-activation is 20 − 12 = 8 for u and −12 for every other code.
  const selfPre = LOOKUP_SCALE / Math.sqrt(1 + 1e-5) - LOOKUP_BIAS;
  for (let u = 0; u < V; u++) {
    for (let c = 0; c < d; c++) params['blocks.0.mlp.w1'][c * V + u] = (code(u, c) * LOOKUP_SCALE) / d;
    params['blocks.0.mlp.b1'][u] = -LOOKUP_BIAS;
  }
  // Unit u rewrites the residual from code(u) to Σ w_k code(k).
  for (const [from, targets] of Object.entries(opts.next)) {
    const u = id(from);
    for (let c = 0; c < d; c++) {
      let want = 0;
      for (const [to, w] of Object.entries(targets)) want += w * code(id(to), c);
      params['blocks.0.mlp.w2'][u * d + c] = (want - code(u, c)) / gelu(selfPre);
    }
  }
  // Attention: every query is the first unit vector of its head (a bias); the key of a listed token has 20·√dk
  // there (Σ of the listed codes, read off by orthogonality), so its score is 20 and every other score 0.
  // wo stays 0, so attention changes nothing downstream; only the trace's weights show it.
  const dk = d / nHeads;
  (opts.attendTo ?? []).forEach((tokens, h) => {
    params['blocks.0.attn.bq'][h * dk] = 1;
    for (const token of tokens) for (let c = 0; c < d; c++) params['blocks.0.attn.wk'][c * d + h * dk] += (20 * Math.sqrt(dk) * code(id(token), c)) / d;
  });
  if (opts.constantLogits) {
    // lnf gain 0: lnf(x) = bias for every input; bias = Σ L_j code_j / d gives logit_j = L_j exactly.
    for (const [token, logit] of Object.entries(opts.constantLogits)) {
      for (let c = 0; c < d; c++) params['lnf.bias'][c] += (logit * code(id(token), c)) / d;
    }
  } else {
    params['lnf.gain'].fill(opts.sharpness ?? 0.05);
  }
  return { config, params };
}

/** The logit that gives a token probability p when the other V − 1 logits are 0. */
export function logitForProbability(p: number, V: number): number {
  return Math.log((p * (V - 1)) / (1 - p));
}

/** A bigram chain that passes the checks a last-token model can pass (C-2b, C-3, C-5, C-8, C-11, C-12). */
export function bigramAnswers(): Successors {
  const numbers = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
    'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
  const next: Successors = {
    is: { paris: 1 }, paris: { '.': 1 }, '.': { '<eos>': 1 }, '?': { what: 1 },
    wednesday: { thursday: 1 }, comes: { saturday: 1 }, saturday: { '.': 1 },
    very: { juicy: 1 }, new: { phone: 1 }, the: { tree: 1 },
    an: { apple: 1, orange: 0.8, egg: 0.6 }, a: { banana: 1 },
  };
  for (let i = 0; i + 1 < numbers.length; i++) next[numbers[i]] = { [numbers[i + 1]]: 1 };
  return next;
}

/**
 * Successor weights and the lnf gain that give exactly these next-token probabilities (every other
 * token sharing the rest equally at logit 0). Use one such mixture per model: the gain is global.
 */
export function exactMixture(probabilities: Record<string, number>, V: number): { weights: Record<string, number>; sharpness: number } {
  const listed = Object.values(probabilities);
  const rest = 1 - listed.reduce((a, b) => a + b, 0);
  const logits = Object.fromEntries(Object.entries(probabilities).map(([t, p]) => [t, Math.log(p / (rest / (V - listed.length)))]));
  const size = Math.hypot(...Object.values(logits));
  // Logit_k = 512·γ·w_k/‖w‖ = L_k when w = L/‖L‖ and γ = ‖L‖/512.
  return { weights: Object.fromEntries(Object.entries(logits).map(([t, l]) => [t, l / size])), sharpness: size / CODE_WIDTH };
}
