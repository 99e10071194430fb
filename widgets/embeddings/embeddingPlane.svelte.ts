// Live state of one EmbeddingPlane: the mode, the word positions the learner drags, types or moves by keyboard,
// and the chosen a − b + c. Everything shown is derived from these through the pure model.
import {
  DEFAULT_PLANE, PLANE_MAX, embeddingPlaneView, tidyCoordinate,
  type EmbeddingPlaneSettings, type EmbeddingPlaneView, type PlaneMode, type Vec2,
} from './embeddingPlaneModel.ts';

/** Which field of the settings a mode moves: apple in place mode, the five words in sort mode, the toy in arithmetic. */
const MOVABLE_FIELD = { place: 'pos', sort: 'sort', arithmetic: 'words' } as const;

const copyMap = (r: Record<string, Vec2>) => Object.fromEntries(Object.entries(r).map(([w, p]) => [w, [p[0], p[1]] as Vec2]));

/** A word on the plane as drawn: its point, and whether the learner may move it. */
export interface PlanePoint { word: string; at: Vec2; movable: boolean }

/** The plane's settings as runes, with moves that keep every point on the plane. */
export class EmbeddingPlaneState {
  mode = $state<PlaneMode>('place');
  fixed = $state<Record<string, Vec2>>({});
  pos = $state<Record<string, Vec2>>({});
  sort = $state<Record<string, Vec2>>({});
  words = $state<Record<string, Vec2>>({});
  expr = $state<[string, string, string]>(['', '', '']);
  /** A sentence about an unusable typed value, or null. */
  problem = $state<string | null>(null);

  constructor(settings: EmbeddingPlaneSettings = DEFAULT_PLANE) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): EmbeddingPlaneSettings {
    return {
      mode: this.mode, fixed: copyMap(this.fixed), pos: copyMap(this.pos), sort: copyMap(this.sort),
      words: copyMap(this.words), expr: [...this.expr],
    };
  }

  /** Replaces every setting at once (a link, an exercise's reset). */
  apply(s: EmbeddingPlaneSettings): void {
    this.mode = s.mode;
    this.fixed = copyMap(s.fixed);
    this.pos = copyMap(s.pos);
    this.sort = copyMap(s.sort);
    this.words = copyMap(s.words);
    this.expr = [...s.expr];
    this.problem = null;
  }

  /** The current mode's distances, nearest words and result. */
  view = $derived<EmbeddingPlaneView>(embeddingPlaneView(this.settings));

  /** Every word drawn in the current mode, fixed ones first. */
  get points(): PlanePoint[] {
    const movable = this[MOVABLE_FIELD[this.mode]];
    const fixed = this.mode === 'place' ? Object.entries(this.fixed).map(([word, at]) => ({ word, at, movable: false })) : [];
    return [...fixed, ...Object.entries(movable).map(([word, at]) => ({ word, at, movable: true }))];
  }

  /** Puts a movable word at a point (from a drag); off-plane points are pulled to the edge. */
  moveTo(word: string, x: number, y: number): void {
    const field = MOVABLE_FIELD[this.mode];
    if (!Object.hasOwn(this[field], word)) return;
    this.problem = null;
    this[field] = { ...this[field], [word]: [tidyCoordinate(x), tidyCoordinate(y)] };
  }

  /** Moves a movable word by (dx, dy), e.g. from the arrow keys. */
  nudge(word: string, dx: number, dy: number): void {
    const at = this[MOVABLE_FIELD[this.mode]][word];
    if (at) this.moveTo(word, at[0] + dx, at[1] + dy);
  }

  /** Sets one coordinate from the table; empty, non-numeric or off-plane input is explained, not applied. */
  setCoordinate(word: string, axis: 0 | 1, value: number): void {
    const at = this[MOVABLE_FIELD[this.mode]][word];
    if (!at) return;
    if (!Number.isFinite(value)) {
      this.problem = `Type a number for ${word}'s ${axis === 0 ? 'x' : 'y'}.`;
      return;
    }
    if (value < 0 || value > PLANE_MAX) {
      this.problem = `Coordinates go from 0 to ${PLANE_MAX}.`;
      return;
    }
    const next: Vec2 = [at[0], at[1]];
    next[axis] = value;
    this.moveTo(word, next[0], next[1]);
  }

  /** Chooses the word in slot 0 (a), 1 (b) or 2 (c) of a − b + c; '' clears it. */
  choose(slot: 0 | 1 | 2, word: string): void {
    if (word !== '' && !Object.hasOwn(this.words, word)) return;
    const next: [string, string, string] = [...this.expr];
    next[slot] = word;
    this.expr = next;
  }
}
