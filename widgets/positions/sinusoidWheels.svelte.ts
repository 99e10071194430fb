// Live state of one SinusoidWheels: the learner's settings as runes, and the pure view derived from them.
import { DEFAULT_WHEELS, D_MODEL_CHOICES, sinusoidWheelsView, type SinusoidWheelsSettings, type SinusoidWheelsView, type WheelMode } from './sinusoidWheelsModel.ts';

/** Base slider ends in log10(base): 10 … 10,000,000, so 10,000 sits on a whole step. */
export const BASE_SLIDER_MIN = 1;
export const BASE_SLIDER_MAX = 7;
/** log10 of a base, for the slider. */
export const baseToSlider = (base: number): number => Math.log10(base);
/** A slider position back to a base, rounded to 3 significant digits so values read cleanly (10,000, 31,600). */
export const sliderToBase = (x: number): number => Number((10 ** x).toPrecision(3));

/** Index of a d_model in the slider's list (nearest one if it is not in the list). */
export function dModelIndex(d: number): number {
  let best = 0;
  D_MODEL_CHOICES.forEach((c, i) => {
    if (Math.abs(c - d) < Math.abs(D_MODEL_CHOICES[best] - d)) best = i;
  });
  return best;
}

/** The runes behind one SinusoidWheels. */
export class SinusoidWheelsState {
  mode = $state<WheelMode>('single');
  stepDeg = $state(36);
  dModel = $state(8);
  base = $state(10000);
  position = $state(1);

  constructor(settings: SinusoidWheelsSettings = DEFAULT_WHEELS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): SinusoidWheelsSettings {
    return { mode: this.mode, stepDeg: this.stepDeg, dModel: this.dModel, base: this.base, position: this.position };
  }

  /** Replaces every setting at once (a link, a reset, an exercise start). */
  apply(settings: SinusoidWheelsSettings): void {
    this.mode = settings.mode;
    this.stepDeg = settings.stepDeg;
    this.dModel = settings.dModel;
    this.base = settings.base;
    this.position = settings.position;
  }

  /** Everything the dials, tables and exercise checks read. */
  view = $derived<SinusoidWheelsView>(sinusoidWheelsView(this.settings));
}
