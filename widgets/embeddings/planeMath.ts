// Chapter 3's toy planes as pure math: distances, cosines, nearest word, and a − b + c on hand-placed points.
import { cosine } from '../../engine/embeddings.ts';

/** A hand-placed point (2-D or 3-D). */
export type Point = readonly number[];

/** Euclidean distance between two points of the same dimension. */
export function distance(a: Point, b: Point): number {
  if (a.length !== b.length) throw new Error('points of different dimensions');
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - b[i]) ** 2, 0));
}

/** Cosine of the angle between two vectors (engine math). */
export function cosineOf(a: Point, b: Point): number {
  return cosine(a, b);
}

/** The word whose point is closest to `p` (ties: first listed), skipping `exclude`. */
export function nearestWord(p: Point, words: Readonly<Record<string, Point>>, exclude: readonly string[] = []): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (const [w, q] of Object.entries(words)) {
    if (exclude.includes(w)) continue;
    const d = distance(p, q);
    if (d < bestDist) [best, bestDist] = [w, d];
  }
  return best;
}

/** The authority/gender toy of the curriculum: man (1,1), woman (1,2), king (2,1), queen (2,2). */
export const ROYAL_TOY: Readonly<Record<string, Point>> = { man: [1, 1], woman: [1, 2], king: [2, 1], queen: [2, 2] };

/** The place-the-apple plane: fixed words and which of them are fruit. */
export const APPLE_PLANE: Readonly<Record<string, Point>> = { cherry: [6, 4], strawberry: [5, 4], castle: [2, 1], bike: [1, 2], basketball: [2, 6] };
/** The fruit on the apple plane. */
export const PLANE_FRUITS = ['cherry', 'strawberry'];

/** Reads "x, y" (or "(x, y)", "x y"); null when it is not two finite numbers. */
export function parsePoint(text: string): [number, number] | null {
  // Guard first: the number pattern backtracks quadratically on a long run of digits (a 100k paste).
  if (text.length > 100) return null;
  const m = text.trim().match(/^\(?\s*(-?\d*\.?\d+)\s*[,;\s]\s*(-?\d*\.?\d+)\s*\)?$/);
  if (!m) return null;
  const p: [number, number] = [Number(m[1]), Number(m[2])];
  return p.every(Number.isFinite) ? p : null;
}

/** A signed sum of toy words, e.g. "king - man + woman": each term and its sign. */
export interface Expression { terms: { word: string; sign: 1 | -1 }[] }

/** Parses "king − man + woman" over known words; null on any unknown word or stray symbol. */
export function parseExpression(text: string, words: Readonly<Record<string, Point>>): Expression | null {
  if (text.length > 500) return null;
  const tokens = text.toLowerCase().replace(/[−–]/g, '-').match(/[+-]|[a-z]+|\S/g);
  if (!tokens) return null;
  const terms: Expression['terms'] = [];
  let sign: 1 | -1 = 1;
  let expectWord = true;
  for (const t of tokens) {
    if (t === '+' || t === '-') {
      if (expectWord && terms.length) return null;
      if (t === '-') sign = (-sign) as 1 | -1;
      expectWord = true;
    } else if (expectWord && t in words) {
      terms.push({ word: t, sign });
      sign = 1;
      expectWord = false;
    } else return null;
  }
  return terms.length && !expectWord ? { terms } : null;
}

/** The point an expression lands on: Σ sign · point. */
export function evaluate(expr: Expression, words: Readonly<Record<string, Point>>): number[] {
  const dims = words[expr.terms[0].word].length;
  const out = new Array<number>(dims).fill(0);
  for (const { word, sign } of expr.terms) words[word].forEach((v, i) => (out[i] += sign * v));
  return out;
}
