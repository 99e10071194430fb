// Live state of NgramVsModel: one context, two predictors — exact counts from the training text and the model.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import type { NgramSettings, NgramView, NextRow } from './ngramModel.ts';

/** Reactive state of one comparison. */
export class NgramVsModelState {
  k = $state(1);
  text = $state('');
  ngramNext = $state<NextRow[]>([]);
  ngramMatches = $state(0);
  ngramContext = $state<string[]>([]);
  modelNext = $state<NextRow[]>([]);
  ngramProblem = $state<string | null>(null);
  modelProblem = $state<string | null>(null);
  /** True while the worker builds the training text the first time. */
  counting = $state(false);
  readonly session: ModelSession;

  constructor(settings: NgramSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** Plain settings for the URL. */
  get settings(): NgramSettings {
    return { model: this.session.name, k: this.k, text: this.text };
  }

  /** What exercise checks read. */
  get view(): NgramView {
    return { ngramMatches: this.ngramMatches, ngramNext: this.ngramNext, modelNext: this.modelNext, modelTop1Prob: this.modelNext[0]?.value ?? 0 };
  }

  /** Replaces the settings. */
  apply(settings: NgramSettings): void {
    this.k = settings.k;
    this.text = settings.text;
  }

  /** Recounts the n-gram continuations for the current k and text. */
  async recount(): Promise<void> {
    const { k, text } = this;
    this.counting = true;
    try {
      const r = await getEngine().call('ngramCounts', { text, k, top: 8 }, { channel: `${this.channel}:ngram` });
      this.ngramMatches = r.matches;
      this.ngramContext = r.context;
      this.ngramNext = r.next.map((n) => ({ token: n.token, value: n.count }));
      this.ngramProblem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.ngramMatches = 0;
      this.ngramNext = [];
      this.ngramProblem = error instanceof Error ? error.message : String(error);
    }
    this.counting = false;
  }

  /** Asks the model for its distribution after the whole text (it reads all of it, not just k words). */
  async predict(): Promise<void> {
    const text = this.text;
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('nextToken', { model: this.session.name, text, top: 8 }, { channel: `${this.channel}:model` });
      this.modelNext = r.candidates.map((c) => ({ token: c.token, value: c.prob }));
      this.modelProblem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.modelNext = [];
      this.modelProblem = error instanceof Error ? error.message : String(error);
    }
  }
}
