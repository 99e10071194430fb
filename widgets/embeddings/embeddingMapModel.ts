// EmbeddingMap's plain data: settings, URL schema, word groups and the view exercise checks read (no runes).
import { z } from 'zod';
import { ANIMALS, COLOURS, DAYS, FRUITS, KNOWN_CAPITALS, NUMBERS, ROLES, listsOf } from '../../engine/corpus/wordLists.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** What the learner chose: the selected word, how many neighbours, the highlighted group and an analogy a − b + c. */
export interface EmbeddingMapSettings {
  model: string;
  word: string;
  k: number;
  group: GroupId | 'all';
  a: string;
  b: string;
  c: string;
}

/** The highlightable word groups (curriculum §2.2 lists). */
export type GroupId = 'fruit' | 'animals' | 'colours' | 'royalty' | 'countries' | 'capitals' | 'days' | 'numbers';

/** Group id → label and members, in legend order. */
export const GROUPS: Readonly<Record<GroupId, { label: string; words: readonly string[] }>> = {
  fruit: { label: 'fruit', words: FRUITS },
  animals: { label: 'animals', words: ANIMALS },
  colours: { label: 'colours', words: COLOURS },
  royalty: { label: 'royalty', words: ROLES.filter((r) => r.royal).map((r) => r.role) },
  countries: { label: 'countries', words: KNOWN_CAPITALS.map((c) => c.country) },
  capitals: { label: 'capitals', words: KNOWN_CAPITALS.map((c) => c.capital) },
  days: { label: 'days', words: DAYS },
  numbers: { label: 'numbers', words: NUMBERS },
};

/** Group ids in legend order. */
export const GROUP_IDS = Object.keys(GROUPS) as GroupId[];

/** The first group containing `word` ("orange" is fruit before colour), or null. */
export function groupOf(word: string): GroupId | null {
  return GROUP_IDS.find((g) => GROUPS[g].words.includes(word)) ?? null;
}

/** The four analogies of curriculum check C-7, as a − b + c → expected. */
export const CURRICULUM_ANALOGIES = [
  { a: 'king', b: 'man', c: 'woman', expected: 'queen' },
  { a: 'prince', b: 'boy', c: 'girl', expected: 'princess' },
  { a: 'father', b: 'man', c: 'woman', expected: 'mother' },
  { a: 'paris', b: 'france', c: 'italy', expected: 'rome' },
] as const;

/** Defaults: paris with 5 neighbours (the pure-cluster start), capitals highlighted, the king analogy. */
export const DEFAULT_EMBEDDING_MAP: EmbeddingMapSettings = { model: 'tw-learned', word: 'paris', k: 5, group: 'capitals', a: 'king', b: 'man', c: 'woman' };

const wordField = z.string().max(64);

/** Version 1 of the URL state. */
export const embeddingMapState = defineWidgetState<EmbeddingMapSettings>({
  version: 1,
  defaults: DEFAULT_EMBEDDING_MAP,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    word: wordField,
    k: z.number().int().min(1).max(20),
    group: z.enum(['all', ...GROUP_IDS] as [string, ...string[]]) as z.ZodType<GroupId | 'all'>,
    a: wordField,
    b: wordField,
    c: wordField,
  }),
});

/** What checks read: the word the neighbours belong to (empty until loaded) and the neighbours, nearest first. */
export interface EmbeddingMapView {
  word: string;
  neighbours: string[];
  /** Top analogy answer, or null before/without one. */
  analogy: string | null;
}

/** True when every neighbour shares a §2.2 list with `word` (the pure-cluster success rule). */
export function isPureCluster(word: string, neighbours: readonly string[]): boolean {
  const own = listsOf(word);
  return own.length > 0 && neighbours.length > 0 && neighbours.every((w) => listsOf(w).some((l) => own.includes(l)));
}

/** A point of the map: vocabulary id, word, group and projected coordinates. */
export interface MapPoint { id: number; word: string; group: GroupId | null; x: number; y: number }

/** Points from the worker's PCA coords [V, dims], special tokens and punctuation left out. */
export function mapPoints(coords: ArrayLike<number>, dims: number, vocabulary: readonly string[]): MapPoint[] {
  const points: MapPoint[] = [];
  vocabulary.forEach((word, id) => {
    if (!/^[a-z]/.test(word)) return;
    points.push({ id, word, group: groupOf(word), x: coords[id * dims], y: coords[id * dims + 1] });
  });
  return points;
}

/** A zoom/pan as d3-zoom keeps it: screen = k · data-screen + (x, y). */
export interface ViewTransform { k: number; x: number; y: number }

/** The points whose screen position (after `toScreen` and the transform) lies inside a width × height box. */
export function pointsInView(points: readonly MapPoint[], toScreen: (p: MapPoint) => [number, number], t: ViewTransform, width: number, height: number): MapPoint[] {
  return points.filter((p) => {
    const [sx, sy] = toScreen(p);
    const x = t.k * sx + t.x;
    const y = t.k * sy + t.y;
    return x >= 0 && x <= width && y >= 0 && y <= height;
  });
}

/** A clear sentence for a typed word before asking the worker (empty, too long, not a lower-case word). */
export function wordProblem(word: string): string | null {
  const w = word.trim();
  if (!w) return 'Type a word first.';
  if (w.length > 64) return 'That is longer than any word in the vocabulary (64 characters at most).';
  if (!/^[a-z]+$/i.test(w)) return `"${[...w].slice(0, 20).join('')}" is not a word of letters; the vocabulary holds lower-case words.`;
  return null;
}

/** Up to `n` vocabulary words starting with the typed prefix (for suggestions), alphabetical. */
export function suggestions(prefix: string, vocabulary: readonly string[], n = 8): string[] {
  const p = prefix.trim().toLowerCase();
  if (!p) return [];
  return vocabulary.filter((w) => /^[a-z]/.test(w) && w.startsWith(p)).sort().slice(0, n);
}
