// ModelSimilarityMatrix's plain data: word presets, parsing the typed list, and the n × n cosine and dot-product
// matrices of n embedding rows with each row's norm. Also the sentence that shows how norms distort dot products.
/** Fewest words a matrix needs to show a pattern. */
export const MIN_WORDS = 6;
/** Most words: what the wordVectors verb accepts in one request (a unit test keeps the two equal). */
export const MAX_WORDS = 10;
/** Longest typed list we read: ten course words need about a hundred characters. */
export const MAX_INPUT_LENGTH = 300;

/** A named list of course words (each checked against the model's vocabulary in a unit test). */
export interface WordPreset { label: string; words: string[] }

/** Groups that make blocks in the matrix, plus one mixing very common words with rare ones. */
export const WORD_PRESETS: WordPreset[] = [
  { label: 'fruit and phones', words: ['apple', 'banana', 'orange', 'cherry', 'phone', 'laptop', 'tablet', 'zentek'] },
  { label: 'family and royalty', words: ['king', 'queen', 'prince', 'princess', 'man', 'woman', 'father', 'mother'] },
  { label: 'countries and capitals', words: ['france', 'paris', 'spain', 'madrid', 'japan', 'tokyo', 'city', 'country'] },
  { label: 'common and rare', words: ['the', 'a', 'and', 'was', 'velmora', 'quorvia', 'tarsin', 'olvec'] },
  { label: 'moods and weather', words: ['happy', 'sad', 'hungry', 'tired', 'cold', 'hot', 'sunny', 'good'] },
];

/** Splits a typed list on commas and spaces; returns the words, or a sentence saying what is wrong. */
export function parseWordList(text: string): { words: string[] } | { problem: string } {
  if (text.length > MAX_INPUT_LENGTH) return { problem: `That is too long for a list of words: type ${MIN_WORDS} to ${MAX_WORDS} words.` };
  const words = text.split(/[\s,;]+/).map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  if (words.length === 0) return { problem: `Type ${MIN_WORDS} to ${MAX_WORDS} words, separated by commas or spaces.` };
  if (words.length < MIN_WORDS) return { problem: `Type at least ${MIN_WORDS} words (you have ${words.length}).` };
  if (words.length > MAX_WORDS) return { problem: `Type at most ${MAX_WORDS} words (you have ${words.length}).` };
  const repeated = words.find((w, i) => words.indexOf(w) !== i);
  if (repeated) return { problem: `“${repeated}” appears twice: each word once, please.` };
  return { words };
}

/** Norms and pairwise measures of n rows. */
export interface SimilarityMatrices {
  n: number;
  /** ‖row_i‖. [n] */
  norms: number[];
  /** row_i · row_j. [n][n] */
  dots: number[][];
  /** row_i · row_j / (‖row_i‖ ‖row_j‖); NaN when a row is all zeros. [n][n] */
  cosines: number[][];
}

/** Measures every pair of rows. rows: [n, d] (row-major) -> norms [n], dots and cosines [n, n] */
export function similarityMatrices(rows: Float32Array, n: number, d: number): SimilarityMatrices {
  // Accumulate in float64: 64 float32 products summed in float32 would drift in the third decimal.
  const dots = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += rows[i * d + k] * rows[j * d + k];
      dots[i][j] = sum;
      dots[j][i] = sum;
    }
  }
  const norms = dots.map((row, i) => Math.sqrt(row[i]));
  const cosines = dots.map((row, i) => row.map((x, j) => (norms[i] === 0 || norms[j] === 0 ? NaN : x / (norms[i] * norms[j]))));
  return { n, norms, dots, cosines };
}

/** Index of the largest off-diagonal entry in row i (its nearest other word by that measure). */
export function nearestOther(matrix: number[][], i: number): number {
  let best = -1;
  for (let j = 0; j < matrix.length; j++) if (j !== i && (best < 0 || matrix[i][j] > matrix[i][best])) best = j;
  return best;
}

/** What the norms do to the dot products, in numbers the lesson reads live. */
export interface NormEffect {
  longest: number;
  shortest: number;
  /** ‖longest‖ / ‖shortest‖. */
  ratio: number;
  /** Rows whose nearest other word differs between dot product and cosine. */
  disagreeing: { row: number; byDot: number; byCosine: number }[];
}

/** Finds the longest and shortest rows and the words whose nearest neighbour changes with the measure. */
export function normEffect(m: SimilarityMatrices): NormEffect {
  let longest = 0;
  let shortest = 0;
  m.norms.forEach((x, i) => {
    if (x > m.norms[longest]) longest = i;
    if (x < m.norms[shortest]) shortest = i;
  });
  const disagreeing = m.norms
    .map((_, row) => ({ row, byDot: nearestOther(m.dots, row), byCosine: nearestOther(m.cosines, row) }))
    .filter((r) => r.byDot !== r.byCosine);
  return { longest, shortest, ratio: m.norms[longest] / m.norms[shortest], disagreeing };
}
