// Live state of ModelSimilarityMatrix: a typed list of course words, their embedding rows from the worker, and the
// cosine and dot-product matrices computed from those rows.
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import { DEFAULT_WORD_LIST } from './modelWidgetStates.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { parseWordList, similarityMatrices, type SimilarityMatrices } from './similarityMatrixModel.ts';

/** The typed words, the words the worker confirmed, and their matrices. */
export class ModelSimilarityMatrixState {
  readonly session = new ModelSession();
  /** The list as typed (commas or spaces between words). */
  text = $state(DEFAULT_WORD_LIST.text);
  /** The words as the vocabulary spells them, once the worker answered. */
  words = $state<string[]>([]);
  dModel = $state(0);
  matrices = $state<SimilarityMatrices | null>(null);
  problem = $state<string | null>(null);

  constructor(private readonly channel: string) {}

  /** Reads the list, asks the worker for the rows (latest request wins) and measures every pair. */
  async compute(): Promise<void> {
    const parsed = parseWordList(this.text);
    if ('problem' in parsed) {
      this.problem = parsed.problem;
      return;
    }
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('wordVectors', { model: this.session.name, words: parsed.words }, { channel: this.channel });
      this.matrices = similarityMatrices(r.rows, r.words.length, r.dModel);
      this.words = r.words;
      this.dModel = r.dModel;
      this.problem = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /** Loads a preset list and computes it. */
  usePreset(words: string[]): Promise<void> {
    this.text = words.join(', ');
    return this.compute();
  }
}
