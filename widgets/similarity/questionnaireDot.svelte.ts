// Live state of one QuestionnaireDot: the learner ticks answers, types weights, adds or removes questions.
import {
  DEFAULT_SETTINGS, MAX_QUESTIONS, MIN_QUESTIONS, WEIGHT_MAX, questionnaireView,
  type Answer, type QuestionnaireSettings, type QuestionnaireView,
} from './questionnaireModel.ts';

/** The lists a checkbox can flip. */
export type AnswerList = 'a' | 'b' | 'wantsA' | 'wantsB';

/** Answers, weights and wants, with the view derived from them. */
export class QuestionnaireDotState {
  settings = $state<QuestionnaireSettings>(structuredClone(DEFAULT_SETTINGS));
  /** A sentence about an unusable typed weight, or null. */
  problem = $state<string | null>(null);

  constructor(settings: QuestionnaireSettings = DEFAULT_SETTINGS) {
    this.apply(settings);
  }

  /** Products, scores and directed scores, recomputed from the settings. */
  view = $derived<QuestionnaireView>(questionnaireView(this.settings));

  /** Number of questions shown. */
  get count(): number {
    return this.settings.a.length;
  }

  /** Replaces every setting (a link, an exercise's reset). */
  apply(settings: QuestionnaireSettings): void {
    this.settings = structuredClone($state.snapshot(settings) as QuestionnaireSettings);
    this.problem = null;
  }

  /** Sets one answer from a checkbox: ticked is yes (+1), unticked no (−1). */
  setAnswer(list: AnswerList, index: number, yes: boolean): void {
    const next = [...this.settings[list]];
    next[index] = yes ? 1 : -1;
    this.settings[list] = next;
  }

  /** Sets one weight from a number box; empty, negative or huge input is explained, not applied. */
  setWeight(index: number, value: number): void {
    if (!Number.isFinite(value)) {
      this.problem = `Type a number for the weight of question ${index + 1}.`;
      return;
    }
    if (value < 0 || value > WEIGHT_MAX) {
      this.problem = `Weights go from 0 to ${WEIGHT_MAX}: a weight says how much a question matters.`;
      return;
    }
    this.problem = null;
    const w = [...this.settings.w];
    w[index] = value;
    this.settings.w = w;
  }

  /** Opens or closes the "wants and offers" part. */
  setSplit(open: boolean): void {
    this.settings.split = open;
  }

  /** Adds a question both people answer yes to, with weight 1 (so the plain score rises by 1). */
  addQuestion(): void {
    if (this.count >= MAX_QUESTIONS) return;
    const s = this.settings;
    const yes: Answer = 1;
    this.settings = { ...s, a: [...s.a, yes], b: [...s.b, yes], w: [...s.w, 1], wantsA: [...s.wantsA, yes], wantsB: [...s.wantsB, yes] };
  }

  /** Removes the last question. */
  removeQuestion(): void {
    if (this.count <= MIN_QUESTIONS) return;
    const s = this.settings;
    this.settings = { ...s, a: s.a.slice(0, -1), b: s.b.slice(0, -1), w: s.w.slice(0, -1), wantsA: s.wantsA.slice(0, -1), wantsB: s.wantsB.slice(0, -1) };
  }
}
