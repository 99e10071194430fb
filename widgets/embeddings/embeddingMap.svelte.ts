// Live state of EmbeddingMap: settings in; the PCA map, the selected word's neighbours and an analogy out (all from the worker).
import { getEngine, isSupersededOrCancelled } from '../../engine/client.ts';
import type { WordNeighbour } from '../../engine/verbs/embeddingVerbs.ts';
import { ModelSession } from '../kit/modelSession.svelte.ts';
import { mapPoints3, type MapPoint3 } from './map3d.ts';
import { mapPoints, wordProblem, type EmbeddingMapSettings, type EmbeddingMapView, type GroupId, type MapPoint } from './embeddingMapModel.ts';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reactive state of one embedding map. */
export class EmbeddingMapState {
  word = $state('');
  k = $state(5);
  group = $state<GroupId | 'all'>('all');
  a = $state('');
  b = $state('');
  c = $state('');
  points = $state<MapPoint[]>([]);
  vocabulary = $state<string[]>([]);
  /** Share of the variance the two axes keep, from the worker's PCA. */
  explained = $state<number[]>([]);
  /** The 3-D view's points and the share of the variance its three axes keep (loaded when first shown). */
  points3 = $state<MapPoint3[]>([]);
  explained3 = $state<number[]>([]);
  /** The word the neighbours belong to (as the vocabulary spells it). */
  shownWord = $state('');
  neighbours = $state<WordNeighbour[]>([]);
  /** The selected word's ID and its row of E (from the worker's wordVectors verb). */
  tokenId = $state<number | null>(null);
  row = $state<number[]>([]);
  wordError = $state<string | null>(null);
  analogyExpression = $state('');
  analogyResult = $state<WordNeighbour[]>([]);
  analogyError = $state<string | null>(null);
  problem = $state<string | null>(null);
  readonly session: ModelSession;

  constructor(settings: EmbeddingMapSettings, private readonly channel: string) {
    this.session = new ModelSession(settings.model);
    this.apply(settings);
  }

  /** The settings as plain data (for the URL and checks). */
  get settings(): EmbeddingMapSettings {
    return { model: this.session.name, word: this.word, k: this.k, group: this.group, a: this.a, b: this.b, c: this.c };
  }

  /** What exercise checks read. */
  get view(): EmbeddingMapView {
    return { word: this.shownWord, neighbours: this.neighbours.map((n) => n.token), analogy: this.analogyResult[0]?.token ?? null };
  }

  /** Replaces the settings (from a link, a reset or an exercise start). */
  apply(settings: EmbeddingMapSettings): void {
    this.word = settings.word;
    this.k = settings.k;
    this.group = settings.group;
    this.a = settings.a;
    this.b = settings.b;
    this.c = settings.c;
  }

  /** Loads the model and the 2-D PCA map (once). */
  async loadMap(): Promise<void> {
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('embeddingMap', { model: this.session.name, dims: 2 });
      this.vocabulary = r.vocabulary;
      this.explained = r.explained;
      this.points = mapPoints(r.coords, r.dims, r.vocabulary);
      this.problem = null;
    } catch (error) {
      if (!isSupersededOrCancelled(error)) this.problem = message(error);
    }
  }

  /** Loads the 3-D PCA map (once, the first time the 3-D view is shown). */
  async loadMap3(): Promise<void> {
    if (this.points3.length || !(await this.session.load())) return;
    try {
      const r = await getEngine().call('embeddingMap', { model: this.session.name, dims: 3 });
      this.explained3 = r.explained;
      this.points3 = mapPoints3(r.coords, r.vocabulary);
    } catch (error) {
      if (!isSupersededOrCancelled(error)) this.problem = message(error);
    }
  }

  /** Asks the worker for the selected word's k nearest neighbours by cosine. */
  async refreshNeighbours(): Promise<void> {
    const word = this.word.trim().toLowerCase();
    const k = this.k;
    const local = wordProblem(word);
    if (local) {
      this.wordError = local;
      this.neighbours = [];
      this.shownWord = '';
      return;
    }
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('neighbours', { model: this.session.name, word, k }, { channel: `${this.channel}:nb` });
      this.shownWord = r.word;
      this.neighbours = r.neighbours;
      this.wordError = null;
      const v = await getEngine().call('wordVectors', { model: this.session.name, words: [r.word] }, { channel: `${this.channel}:row` });
      this.tokenId = v.ids[0];
      this.row = Array.from(v.rows.subarray(0, v.dModel));
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.wordError = message(error);
      this.neighbours = [];
      this.shownWord = '';
      this.row = [];
      this.tokenId = null;
    }
  }

  /** Asks the worker for the words nearest to a − b + c (inputs excluded). */
  async refreshAnalogy(): Promise<void> {
    const [a, b, c] = [this.a, this.b, this.c].map((w) => w.trim().toLowerCase());
    const local = [a, b, c].map(wordProblem).find(Boolean);
    if (local) {
      this.analogyError = local;
      this.analogyResult = [];
      this.analogyExpression = '';
      return;
    }
    if (!(await this.session.load())) return;
    try {
      const r = await getEngine().call('analogy', { model: this.session.name, a, b, c, k: 5 }, { channel: `${this.channel}:an` });
      this.analogyExpression = r.expression;
      this.analogyResult = r.neighbours;
      this.analogyError = null;
    } catch (error) {
      if (isSupersededOrCancelled(error)) return;
      this.analogyError = message(error);
      this.analogyResult = [];
      this.analogyExpression = '';
    }
  }
}
