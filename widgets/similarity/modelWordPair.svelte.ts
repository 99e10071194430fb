// Live state of ModelWordPair: two words of the course model, their embedding rows from the worker, and the measures.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { measurePair, type PairMeasures } from './vectorMath.ts';
import { DEFAULT_WORD_PAIR } from './modelWidgetStates.ts';

/** Pairs worth trying, from the lesson. */
export const SUGGESTED_PAIRS: [string, string][] = [['apple', 'banana'], ['apple', 'paris'], ['happy', 'sad'], ['king', 'queen']];

/** The two words, the rows the worker sent, and the measures computed from them. */
export class ModelWordPairState {
  readonly session = new ModelSession();
  first = $state(DEFAULT_WORD_PAIR.first);
  second = $state(DEFAULT_WORD_PAIR.second);
  /** The words as the vocabulary spells them, once the worker answered. */
  shown = $state<[string, string] | null>(null);
  dModel = $state(0);
  measures = $state<PairMeasures | null>(null);
  problem = $state<string | null>(null);

  constructor(private readonly channel: string) {}

  /** Asks the worker for both rows (latest request wins) and measures them with the same math as the 2-D playground. */
  async compare(): Promise<void> {
    const words = [this.first, this.second];
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('wordVectors', { model: this.session.name, words }, { channel: this.channel });
      const d = r.dModel;
      this.measures = measurePair(r.rows.subarray(0, d), r.rows.subarray(d, 2 * d));
      this.shown = [r.words[0], r.words[1]];
      this.dModel = d;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
