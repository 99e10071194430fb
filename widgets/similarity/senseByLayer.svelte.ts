// Live state of SenseByLayer: the vector at "apple" in two sentences, at every depth of the course model.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { DEFAULT_SENTENCE_PAIR } from './modelWidgetStates.ts';
import { residualStreams, rowOf } from '../../engine/trace.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { measurePair } from './vectorMath.ts';

/** The word whose vector is followed through the layers. */
export const FOCUS_WORD = 'apple';

/** One depth of the model: where it is and how alike the two "apple" vectors are there. */
export interface DepthRow { label: string; cosine: number; distance: number }

/** Finds the last position of FOCUS_WORD among the tokens, or −1. */
export function focusPosition(tokens: readonly string[]): number {
  return tokens.lastIndexOf(FOCUS_WORD);
}

/** Two sentences in, one cosine per depth out. */
export class SenseByLayerState {
  readonly session = new ModelSession();
  first = $state(DEFAULT_SENTENCE_PAIR.first);
  second = $state(DEFAULT_SENTENCE_PAIR.second);
  rows = $state<DepthRow[]>([]);
  problem = $state<string | null>(null);

  constructor(private readonly channel: string) {}

  /** Runs both sentences with a trace and compares the vectors at "apple" after the embedding and after each block. */
  async compare(): Promise<void> {
    if (!(await this.session.load())) return;
    try {
      const engine = getEngine();
      const texts = [this.first, this.second];
      const runs = await Promise.all(texts.map((text, i) => engine.call('forward', { model: this.session.name, text, trace: true }, { channel: `${this.channel}:${i}` })));
      const vectors = runs.map((run, i) => {
        const at = focusPosition(run.tokens);
        if (at < 0) throw new Error(`Sentence ${i + 1} has no "${FOCUS_WORD}": put the word in it.`);
        if (!run.trace) throw new Error('The engine sent no trace.');
        const d = run.trace.dims.d;
        return residualStreams(run.trace).map((stream) => rowOf(stream, at, d));
      });
      this.rows = vectors[0].map((v, depth) => {
        const m = measurePair(v, vectors[1][depth]);
        return { label: depth === 0 ? 'embedding + position' : `after block ${depth}`, cosine: m.cosine, distance: m.distance };
      });
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
