// Live state of one RopeRotator: the learner's settings as runes, the pure view derived from them, and the
// "move both together" lock that shifts t and s by the same amount.
import { DEFAULT_ROPE, ROPE_POSITION_MAX, lockedRange, ropeRotatorView, shiftedPair, type OmegaMode, type RopeRotatorSettings, type RopeRotatorView } from './ropeRotatorModel.ts';

/** How many recent (t, s, score) rows the "what happened" table keeps. */
export const HISTORY_LENGTH = 6;

/** One remembered setting of the positions and the score it gave. */
export interface HistoryRow {
  t: number;
  s: number;
  score: number;
}

/** The runes behind one RopeRotator. */
export class RopeRotatorState {
  q = $state<[number, number]>([1, 0]);
  k = $state<[number, number]>([1, 0]);
  omegaMode = $state<OmegaMode>('degrees');
  omegaDeg = $state(30);
  dk = $state(16);
  pair = $state(0);
  t = $state(5);
  s = $state(3);
  ropeBase = $state(10000);
  freqScale = $state<number[]>([]);
  /** When on, moving t or s moves the other by the same amount (not part of the link: it is a way of moving). */
  together = $state(false);
  /** The last few positions and their scores, newest first. */
  history = $state<HistoryRow[]>([]);

  constructor(settings: RopeRotatorSettings = DEFAULT_ROPE) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): RopeRotatorSettings {
    return {
      q: [this.q[0], this.q[1]], k: [this.k[0], this.k[1]], omegaMode: this.omegaMode, omegaDeg: this.omegaDeg,
      dk: this.dk, pair: this.pair, t: this.t, s: this.s, ropeBase: this.ropeBase, freqScale: [...this.freqScale],
    };
  }

  /** Replaces every setting at once (a link, a reset, an exercise start). */
  apply(settings: RopeRotatorSettings): void {
    this.q = [settings.q[0], settings.q[1]];
    this.k = [settings.k[0], settings.k[1]];
    this.omegaMode = settings.omegaMode;
    this.omegaDeg = settings.omegaDeg;
    this.dk = settings.dk;
    this.pair = Math.min(settings.pair, settings.dk / 2 - 1);
    this.t = settings.t;
    this.s = settings.s;
    this.ropeBase = settings.ropeBase;
    this.freqScale = [...settings.freqScale];
    this.history = [];
  }

  /** Everything the plots, tables and exercise checks read. */
  view = $derived<RopeRotatorView>(ropeRotatorView(this.settings));

  /** Slider range for t: with the lock on, s = t − offset must stay within 0 … max too. */
  get tRange(): [number, number] {
    return this.together ? lockedRange(this.t, this.s) : [0, ROPE_POSITION_MAX];
  }

  /** Slider range for s, mirroring `tRange`. */
  get sRange(): [number, number] {
    return this.together ? lockedRange(this.s, this.t) : [0, ROPE_POSITION_MAX];
  }

  /** Sets t; with the lock on, s follows by the same amount. */
  setT(t: number): void {
    const delta = t - this.t;
    this.moveTo(t, this.together ? this.s + delta : this.s);
  }

  /** Sets s; with the lock on, t follows by the same amount. */
  setS(s: number): void {
    const delta = s - this.s;
    this.moveTo(this.together ? this.t + delta : this.t, s);
  }

  /** Shifts both positions by delta (refused if either would leave 0 … max), keeping t − s. */
  shiftBoth(delta: number): void {
    const next = shiftedPair(this.t, this.s, delta);
    if (next) this.moveTo(next[0], next[1]);
  }

  /** Sets the head size, keeping the pair index inside 0 … dk/2 − 1. */
  setDk(dk: number): void {
    this.dk = dk;
    if (this.pair > dk / 2 - 1) this.pair = dk / 2 - 1;
  }

  private moveTo(t: number, s: number): void {
    const clamp = (x: number) => Math.max(0, Math.min(ROPE_POSITION_MAX, Math.round(x)));
    if (this.history.length === 0) this.history = [{ t: this.t, s: this.s, score: this.view.score }];
    this.t = clamp(t);
    this.s = clamp(s);
    this.history = [{ t: this.t, s: this.s, score: this.view.score }, ...this.history].slice(0, HISTORY_LENGTH);
  }
}
