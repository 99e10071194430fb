// Live state of one Descent widget: the learning rate and how many steps the hiker has taken.
import { DEFAULT_SETTINGS, MAX_STEPS, descentView, type DescentSettings, type DescentView } from './descentModel.ts';

/** Rune state for Descent; the walk is replayed from the start whenever η or the step count changes. */
export class DescentState {
  eta = $state(DEFAULT_SETTINGS.eta);
  steps = $state(0);

  constructor(settings: DescentSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): DescentSettings {
    return { eta: this.eta, steps: this.steps };
  }

  /** Replaces every setting at once. */
  apply(settings: DescentSettings): void {
    this.eta = settings.eta;
    this.steps = settings.steps;
  }

  /** The walk so far and how η behaves on this valley. */
  view = $derived<DescentView>(descentView(this.settings));

  /** Takes `count` more steps (up to MAX_STEPS in all). */
  step(count = 1): void {
    this.steps = Math.min(MAX_STEPS, this.steps + count);
  }

  /** Back to the starting point, same η. */
  reset(): void {
    this.steps = 0;
  }

  /** Picks a learning rate; the same number of steps is replayed with it. */
  choose(eta: number): void {
    this.eta = eta;
  }
}
