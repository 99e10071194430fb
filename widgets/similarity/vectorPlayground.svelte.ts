// Live state of one VectorPlayground: three 2-D vectors the learner drags, types or moves by keyboard.
import { COORD_LIMIT, DEFAULT_SETTINGS, playgroundView, type PlaygroundSettings, type PlaygroundView, type Vec2 } from './playgroundModel.ts';
import { norm } from './vectorMath.ts';
import { typedNumberProblem } from '../kit/typedNumber.ts';

/** The three vectors by key. */
export type VectorKey = 'a' | 'b' | 'c';

/** A named starting point from the curriculum. */
export interface Preset { label: string; names: [string, string, string]; a: Vec2; b: Vec2; c: Vec2 }

/** The curriculum's examples; loading one (or a link that matches one) also sets the three names. */
export const PRESETS: Preset[] = [
  { label: 'apple, orange, Android', names: ['apple', 'orange', 'Android'], a: [5, 5], b: [6, 1], c: [1, 8] },
  { label: 'word1, word2, word3', names: ['word1', 'word2', 'word3'], a: [10, 10], b: [50, 50], c: [5, 20] },
  { label: 'castle, strawberry, fortress', names: ['castle', 'strawberry', 'fortress'], a: [2, 1], b: [5, 4], c: [4, 2] },
  // Same direction, three times the length: "atrocious" is "bad", only more so. Distance prefers the milder "poor".
  { label: 'bad, atrocious, poor', names: ['bad', 'atrocious', 'poor'], a: [3, 1], b: [9, 3], c: [2, 2] },
];

const same = (u: Vec2, v: Vec2) => u[0] === v[0] && u[1] === v[1];
/** Rounds to one decimal so dragged and typed values read cleanly and links stay short. */
const tidy = (x: number) => Math.round(Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, x)) * 10) / 10;

/** The three vectors, the normalise switch, and everything derived from them. */
export class VectorPlaygroundState {
  a = $state<Vec2>([...DEFAULT_SETTINGS.a]);
  b = $state<Vec2>([...DEFAULT_SETTINGS.b]);
  c = $state<Vec2>([...DEFAULT_SETTINGS.c]);
  normalise = $state(false);
  /** A sentence about an unusable typed value, or null. */
  problem = $state<string | null>(null);

  constructor(settings: PlaygroundSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): PlaygroundSettings {
    return { a: [this.a[0], this.a[1]], b: [this.b[0], this.b[1]], c: [this.c[0], this.c[1]], normalise: this.normalise };
  }

  /** Replaces every setting at once (a link, a preset, an exercise's reset). */
  apply(settings: PlaygroundSettings): void {
    this.a = [...settings.a];
    this.b = [...settings.b];
    this.c = [...settings.c];
    this.normalise = settings.normalise;
    const preset = PRESETS.find((p) => same(p.a, settings.a) && same(p.b, settings.b) && same(p.c, settings.c));
    if (preset) this.names = [...preset.names];
  }

  /** Every measure, recomputed from the vectors. */
  view = $derived<PlaygroundView>(playgroundView(this.settings));

  /** Names of a, b, c: the words of the last preset the vectors matched, kept while the learner drags. */
  names = $state<[string, string, string]>([...PRESETS[0].names]);

  /** Sets one coordinate from a number box; empty, non-numeric or out-of-range input is explained, not applied. */
  setCoordinate(key: VectorKey, axis: 0 | 1, value: number): void {
    this.problem = typedNumberProblem(value, COORD_LIMIT, { missing: 'Type a number for each coordinate.', range: `Coordinates go from −${COORD_LIMIT} to ${COORD_LIMIT}.` });
    if (this.problem !== null) return;
    const next: Vec2 = [...this[key]];
    next[axis] = tidy(value);
    this[key] = next;
  }

  /** Moves a vector's tip by (dx, dy), e.g. from the arrow keys. */
  nudge(key: VectorKey, dx: number, dy: number): void {
    this.problem = null;
    this[key] = [tidy(this[key][0] + dx), tidy(this[key][1] + dy)];
  }

  /**
   * Puts a vector's tip at a dragged point. With normalise on, only the direction follows the pointer and the
   * length is kept, so switching normalise off again restores the lengths the learner chose.
   */
  dragTo(key: VectorKey, x: number, y: number): void {
    this.problem = null;
    if (this.normalise) {
      const pointer = norm([x, y]);
      const length = norm(this[key]) || 1;
      if (pointer === 0) return;
      this[key] = [tidy((x / pointer) * length), tidy((y / pointer) * length)];
      return;
    }
    this[key] = [tidy(x), tidy(y)];
  }

  /** Loads a preset (normalise stays as it is). */
  usePreset(preset: Preset): void {
    this.apply({ a: preset.a, b: preset.b, c: preset.c, normalise: this.normalise });
  }
}
