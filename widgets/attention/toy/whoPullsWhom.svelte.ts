// Live state of one WhoPullsWhom: the pair, its feature vectors, and the two projections the learner edits.
import { DEFAULT_SETTINGS, ENTRY_LIMIT, PAIRS, whoPullsWhomView, type PairId, type WhoPullsWhomSettings, type WhoPullsWhomView } from './whoPullsWhomModel.ts';
import type { Matrix } from './matrixMath.ts';
import { typedNumberProblem } from '../../kit/typedNumber.ts';

/** The matrices a learner can edit. */
export type PullMatrix = 'X' | 'WQ' | 'WK';
/** What a 2×1 projection reads: one feature, the other, or their sum. */
export type Reading = 'first' | 'second' | 'both' | 'custom';

const copy = (m: Matrix): Matrix => m.map((row) => [...row]);
const COLUMNS: Record<Exclude<Reading, 'custom'>, Matrix> = { first: [[1], [0]], second: [[0], [1]], both: [[1], [1]] };

/** Which feature a 2×1 projection reads, or 'custom' for anything else. */
export function readingOf(w: Matrix): Reading {
  for (const [name, m] of Object.entries(COLUMNS)) if (w.length === 2 && w[0].length === 1 && w[0][0] === m[0][0] && w[1][0] === m[1][0]) return name as Reading;
  return 'custom';
}

/** Settings plus a sentence about the last unusable typed value. */
export class WhoPullsWhomState {
  pair = $state<PairId>(DEFAULT_SETTINGS.pair);
  X = $state<Matrix>(copy(DEFAULT_SETTINGS.X));
  WQ = $state<Matrix>(copy(DEFAULT_SETTINGS.WQ));
  WK = $state<Matrix>(copy(DEFAULT_SETTINGS.WK));
  problem = $state<string | null>(null);

  constructor(settings: WhoPullsWhomSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data. */
  get settings(): WhoPullsWhomSettings {
    return { pair: this.pair, X: copy(this.X), WQ: copy(this.WQ), WK: copy(this.WK) };
  }

  /** Replaces every setting. */
  apply(settings: WhoPullsWhomSettings): void {
    this.pair = settings.pair;
    this.X = copy(settings.X);
    this.WQ = copy(settings.WQ);
    this.WK = copy(settings.WK);
    this.problem = null;
  }

  /** Both score matrices. */
  view = $derived<WhoPullsWhomView>(whoPullsWhomView(this.settings));

  /** Width of the queries and keys (1 or 2). */
  get dk(): number {
    return this.WQ[0].length;
  }

  /** Sets one entry from a number box; unusable input is explained, not applied. */
  setEntry(which: PullMatrix, row: number, col: number, value: number, where: string): void {
    this.problem = typedNumberProblem(value, ENTRY_LIMIT, { missing: `${where} is empty or not a number: type a number such as 1 or 0.`, range: `${where}: entries go from −${ENTRY_LIMIT} to ${ENTRY_LIMIT}.` });
    if (this.problem !== null) return;
    const next = copy(this[which]);
    next[row][col] = value;
    this[which] = next;
  }

  /** Points a 2×1 projection at one feature (or both). */
  setReading(which: 'WQ' | 'WK', reading: Reading): void {
    if (reading !== 'custom') this[which] = copy(COLUMNS[reading]);
  }

  /** Switches d_k between 1 (one number per word) and 2 (identity projections to start from). */
  setWidth(dk: 1 | 2): void {
    if (dk === this.dk) return;
    this.WQ = dk === 1 ? copy(COLUMNS.both) : [[1, 0], [0, 1]];
    this.WK = dk === 1 ? copy(COLUMNS.both) : [[1, 0], [0, 1]];
    this.problem = null;
  }

  /** Loads a pair with its feature vectors; the projections are kept. */
  usePair(id: PairId): void {
    this.pair = id;
    this.X = copy(PAIRS[id].X);
    this.problem = null;
  }
}
