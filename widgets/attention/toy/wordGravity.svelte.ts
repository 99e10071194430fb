// Live state of one WordGravity: the tokens in sentence order, the weighting, ÷√d, and how many layers are applied.
import { COORD_LIMIT, DEFAULT_SETTINGS, MAX_STEPS, MAX_TOKENS, MIN_TOKENS, VOCABULARY, WORDS, wordGravityView, type Vec2, type Weighting, type WordGravitySettings, type WordGravityView } from './wordGravityModel.ts';
import { typedNumberProblem } from '../../kit/typedNumber.ts';

/** One placed token. */
export interface PlacedToken { word: string; at: Vec2 }

/** Rounds to two decimals inside the plane, so dragged points read cleanly and links stay short. */
const tidy = (x: number) => Math.round(Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, x)) * 100) / 100 || 0;

/** Settings plus a sentence about the last unusable input. */
export class WordGravityState {
  tokens = $state<PlacedToken[]>([]);
  weights = $state<Weighting>(DEFAULT_SETTINGS.weights);
  scale = $state(DEFAULT_SETTINGS.scale);
  steps = $state(0);
  problem = $state<string | null>(null);

  constructor(settings: WordGravitySettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (tokens as a word → point record in sentence order). */
  get settings(): WordGravitySettings {
    const tokens: Record<string, Vec2> = {};
    for (const t of this.tokens) tokens[t.word] = [t.at[0], t.at[1]];
    return { tokens, weights: this.weights, scale: this.scale, W: 'identity', steps: this.steps };
  }

  /** Replaces every setting. */
  apply(settings: WordGravitySettings): void {
    this.tokens = Object.entries(settings.tokens).map(([word, at]) => ({ word, at: [at[0], at[1]] }));
    this.weights = settings.weights;
    this.scale = settings.scale;
    this.steps = settings.steps;
    this.problem = null;
  }

  /** The trajectory so far and the next layer. */
  view = $derived<WordGravityView>(wordGravityView(this.settings));

  /** Words not on the plane yet, which the "add" and "replace" menus offer. */
  get unusedWords(): string[] {
    return WORDS.filter((w) => !this.tokens.some((t) => t.word === w));
  }

  /** Editing a placed point starts the layers again from the new placement. */
  private place(index: number, at: Vec2): void {
    this.tokens = this.tokens.map((t, i) => (i === index ? { word: t.word, at } : t));
    this.steps = 0;
  }

  /** Sets one coordinate from a number box; unusable input is explained, not applied. */
  setCoordinate(index: number, axis: 0 | 1, value: number): void {
    this.problem = typedNumberProblem(value, COORD_LIMIT, { missing: 'Type a number for each coordinate.', range: `Coordinates go from −${COORD_LIMIT} to ${COORD_LIMIT}.` });
    if (this.problem !== null) return;
    const at: Vec2 = [...this.tokens[index].at];
    at[axis] = tidy(value);
    this.place(index, at);
  }

  /** Moves a token by (dx, dy) (arrow keys), from where it was placed. */
  nudge(index: number, dx: number, dy: number): void {
    this.problem = null;
    const at = this.tokens[index].at;
    this.place(index, [tidy(at[0] + dx), tidy(at[1] + dy)]);
  }

  /** Puts a token at a dragged point. */
  dragTo(index: number, x: number, y: number): void {
    this.problem = null;
    this.place(index, [tidy(x), tidy(y)]);
  }

  /** Swaps a token for another vocabulary word, placed where that word starts. */
  replace(index: number, word: string): void {
    if (!Object.hasOwn(VOCABULARY, word) || this.tokens.some((t, i) => i !== index && t.word === word)) return;
    this.tokens = this.tokens.map((t, i) => (i === index ? { word, at: [...VOCABULARY[word]] as Vec2 } : t));
    this.steps = 0;
    this.problem = null;
  }

  /** Adds a word at the end of the sentence. */
  add(word: string): void {
    if (this.tokens.length >= MAX_TOKENS) {
      this.problem = `At most ${MAX_TOKENS} tokens fit on the plane.`;
      return;
    }
    if (!Object.hasOwn(VOCABULARY, word) || this.tokens.some((t) => t.word === word)) return;
    this.tokens = [...this.tokens, { word, at: [...VOCABULARY[word]] as Vec2 }];
    this.steps = 0;
    this.problem = null;
  }

  /** Removes a token (at least two stay: attention needs something to look at). */
  remove(index: number): void {
    if (this.tokens.length <= MIN_TOKENS) {
      this.problem = `Keep at least ${MIN_TOKENS} tokens.`;
      return;
    }
    this.tokens = this.tokens.filter((_, i) => i !== index);
    this.steps = 0;
    this.problem = null;
  }

  /** Applies one more layer. */
  step(): void {
    if (this.steps >= MAX_STEPS) {
      this.problem = `That is ${MAX_STEPS} layers; press "Back to the start" to begin again.`;
      return;
    }
    this.problem = null;
    this.steps += 1;
  }

  /** Back to the placed points. */
  restart(): void {
    this.steps = 0;
    this.problem = null;
  }

  /** Loads a sentence. */
  usePreset(tokens: Record<string, Vec2>): void {
    this.apply({ ...this.settings, tokens, steps: 0 });
  }
}
