// Live state of NextTokenStepper: settings in, the model's next-token candidates out, one forward pass per step.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { drawFrom } from '../../engine/sample.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import {
  TOP_CANDIDATES, contextText, drawUniform, nextTokenView,
  type CandidateBar, type NextTokenSettings, type NextTokenView, type StepMode,
} from './nextTokenModel.ts';

/** Unknown words in the prompt, with the engine's suggestion sentence. */
export interface PromptProblem { message: string }

/** Reactive state of one stepper. */
export class NextTokenStepperState {
  prompt = $state('');
  mode = $state<StepMode>('greedy');
  seed = $state(1);
  generated = $state<string[]>([]);
  candidates = $state<CandidateBar[]>([]);
  /** Tokens in the current context (prompt + appended), from the engine's tokenizer. */
  contextTokens = $state(0);
  problem = $state<string | null>(null);
  busy = $state(false);
  /** The last appended token, for the live region. */
  announcement = $state('');
  readonly session: ModelSession;
  /** The sampling distribution of the last pass (ids and renormalised probs) for seeded draws. */
  private lastDistribution: { ids: number[]; probs: number[]; entropy: number } | null = null;

  constructor(settings: NextTokenSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): NextTokenSettings {
    return { model: this.session.name, prompt: this.prompt, mode: this.mode, seed: this.seed, generated: [...this.generated] };
  }

  /** What exercise checks read. */
  get view(): NextTokenView {
    return nextTokenView(this.settings, this.candidates, this.contextTokens, this.session.summary?.config.contextLength ?? 64);
  }

  /** Replaces the settings (from a link, a reset or an exercise start). */
  apply(settings: NextTokenSettings): void {
    this.prompt = settings.prompt;
    this.mode = settings.mode;
    this.seed = settings.seed;
    this.generated = [...settings.generated];
  }

  /** Asks the worker for the distribution after the current context. */
  async refresh(): Promise<void> {
    // Read the context before any await so an $effect calling this tracks it.
    const text = contextText(this);
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('nextToken', { model: this.session.name, text, top: TOP_CANDIDATES, temperature: 1 }, { channel: this.channel });
      this.candidates = r.candidates.map((c) => ({ token: c.token, prob: c.prob }));
      this.lastDistribution = r.sampling;
      this.contextTokens = r.tokens.length;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.candidates = [];
      this.lastDistribution = null;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /** One step of the loop: choose (greedy or seeded draw) from the current distribution and append. */
  next(): void {
    if (this.view.stopped || !this.candidates.length) return;
    let token = this.candidates[0].token;
    if (this.mode === 'sample' && this.lastDistribution && this.session.summary) {
      const id = drawFrom(this.lastDistribution, drawUniform(this.seed, this.generated.length));
      token = this.session.summary.vocabulary[id];
    }
    this.append(token);
  }

  /** Appends a chosen token (a click on a bar forces it). */
  append(token: string): void {
    if (this.view.stopped) return;
    this.generated = [...this.generated, token];
    this.announcement = `Appended “${token}”.`;
  }

  /** Removes everything appended. */
  clear(): void {
    this.generated = [];
    this.announcement = 'Cleared the appended tokens.';
  }
}
