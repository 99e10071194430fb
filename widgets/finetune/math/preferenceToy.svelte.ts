// Live state of one PreferenceToy: the learner's choice in each pair, β, and whether the reward model sees flattery.
import { DEFAULT_SETTINGS, FRIENDLY_CHOICES, preferenceView, type PreferenceSettings, type PreferenceView } from './preferenceModel.ts';

/** Rune state for PreferenceToy; rewards and p′ are derived by the pure model on every change. */
export class PreferenceToyState {
  choices = $state<number[]>([...DEFAULT_SETTINGS.choices]);
  beta = $state(DEFAULT_SETTINGS.beta);
  flatteryFeature = $state(DEFAULT_SETTINGS.flatteryFeature);

  constructor(settings: PreferenceSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** The settings as plain data (what a link carries). */
  get settings(): PreferenceSettings {
    return { choices: [...this.choices], beta: this.beta, flatteryFeature: this.flatteryFeature };
  }

  /** Replaces every setting at once. */
  apply(settings: PreferenceSettings): void {
    this.choices = [...settings.choices];
    this.beta = settings.beta;
    this.flatteryFeature = settings.flatteryFeature;
  }

  /** Fitted rewards and the tuned distribution. */
  view = $derived<PreferenceView>(preferenceView(this.settings));

  /** Records which answer of pair `pair` the learner prefers (0 = first, 1 = second). */
  choose(pair: number, side: number): void {
    this.choices[pair] = side;
  }

  /** Puts back the labels of a rater who likes a friendly tone. */
  friendly(): void {
    this.choices = [...FRIENDLY_CHOICES];
  }
}

/** Maps β to the slider's log10 position and back (3 significant digits), so equal moves multiply β. */
export const betaToSlider = (beta: number): number => Math.log10(beta);
/** Inverse of `betaToSlider`. */
export const sliderToBeta = (s: number): number => Number((10 ** s).toPrecision(2));
