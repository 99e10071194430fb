// Live state of LogitLens: one logitLens call per text, the top 5 after the embeddings and after every block.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { LENS_TOP, lensRows, logitLensView, type LensStageResult, type LogitLensSettings, type LogitLensView } from './logitLensModel.ts';

/** Reactive state of one lens table. */
export class LogitLensState {
  text = $state('');
  halfSteps = $state(false);
  tokens = $state<string[]>([]);
  stages = $state.raw<LensStageResult[]>([]);
  problem = $state<string | null>(null);
  readonly session: ModelSession;

  constructor(settings: LogitLensSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data. */
  get settings(): LogitLensSettings {
    return { model: this.session.name, text: this.text, halfSteps: this.halfSteps };
  }

  /** Replaces the settings. */
  apply(s: LogitLensSettings): void {
    this.text = s.text;
    this.halfSteps = s.halfSteps;
  }

  /** What the table and checks read. */
  get view(): LogitLensView {
    return logitLensView(lensRows(this.stages, this.halfSteps));
  }

  /** Asks the worker what every depth would predict after the last token. */
  async refresh(): Promise<void> {
    const text = this.text;
    if (!(await this.session.load())) return;
    if (!text.trim()) {
      this.stages = [];
      this.tokens = [];
      this.problem = 'Type some text first: the lens reads the last token’s vector.';
      return;
    }
    try {
      const r = await getEngine().call('logitLens', { model: this.session.name, text, top: LENS_TOP }, { channel: this.channel });
      this.stages = r.stages.map((s) => ({ stage: s.stage, layer: s.layer, top: s.top.map((c) => ({ token: c.token, prob: c.prob })) }));
      this.tokens = r.tokens;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.stages = [];
      this.tokens = [];
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
