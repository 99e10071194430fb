// Live state of OrderBlindness: two prompts, and for each course model built into the site, its two traced
// passes compared (block 0 at the last position as a bag, and the next tokens). Models run one after another.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { ORDER_MODELS, ORDER_MODELS_RUN_AT_ONCE, ORDER_PROMPTS, compareOrders, type OrderComparison, type OrderModel } from './orderBlindnessModel.ts';

/** One model's row: its loading session and, once run, the comparison or a sentence saying what went wrong. */
export class OrderModelRun {
  comparison = $state.raw<OrderComparison | null>(null);
  problem = $state<string | null>(null);
  /** Whether this model may download and run (at once for the chapter's own models, else on request). */
  requested = $state(false);
  readonly session: ModelSession | null;

  constructor(readonly model: OrderModel, available: boolean) {
    this.session = available ? new ModelSession(model.name) : null;
    this.requested = ORDER_MODELS_RUN_AT_ONCE.includes(model.name);
  }
}

/** The runes behind one OrderBlindness. */
export class OrderBlindnessState {
  promptA = $state(ORDER_PROMPTS[0]);
  promptB = $state(ORDER_PROMPTS[1]);
  readonly runs: OrderModelRun[];

  constructor(available: readonly string[], private readonly channel: string) {
    this.runs = ORDER_MODELS.map((m) => new OrderModelRun(m, available.includes(m.name)));
  }

  /** Back to the curriculum's dog/cat pair. */
  reset(): void {
    [this.promptA, this.promptB] = ORDER_PROMPTS;
  }

  /** Lets one more model download and run, then compares it on the current prompts. */
  request(run: OrderModelRun): Promise<void> {
    run.requested = true;
    return this.refresh();
  }

  /** Runs every available, requested model on both prompts; call from an $effect (it reads both prompts first). */
  async refresh(): Promise<void> {
    const [a, b] = [this.promptA, this.promptB];
    for (const run of this.runs) {
      if (!run.session || !run.requested) continue;
      if (!(await run.session.load())) continue;
      try {
        const engine = getEngine();
        const channel = `${this.channel}:${run.model.key}`;
        const pass = (text: string, side: string) => run.model.withoutPositions
          ? engine.call('forwardWithoutPositions', { model: run.model.name, text }, { channel: `${channel}:${side}` })
          : engine.call('forward', { model: run.model.name, text, trace: true }, { channel: `${channel}:${side}` });
        const [ra, rb] = await Promise.all([pass(a, 'a'), pass(b, 'b')]);
        run.comparison = compareOrders({ trace: ra.trace!, tokens: ra.tokens }, { trace: rb.trace!, tokens: rb.tokens }, run.session.summary!.vocabulary);
        run.problem = null;
      } catch (error) {
        if (isSupersededOrCancelled(error)) return;
        run.comparison = null;
        run.problem = error instanceof Error ? error.message : String(error);
      }
    }
  }
}
