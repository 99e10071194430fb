/**
 * Held-out probe sets (curriculum §2.4). They are fixed data, independent of the corpus seed, so
 * an evaluation can use them without regenerating the corpus. The generator never draws the slot
 * combinations listed here; a unit test scans the training text to prove it.
 */
import { articleFor } from './articles.ts';
import { ANIMALS, COLOURS, FOODS, FRUIT_QUALITIES, HELD_OUT_CAPITALS, INVENTED_CAPITALS, TECH_NOUNS, TECH_VERBS } from './wordLists.ts';
import type { CapitalFact } from './wordLists.ts';

/**
 * Picks `count` items spread evenly over `items` (deterministic, no RNG), so every part of an
 * ordered candidate list (each frame, each animal) loses a few combinations rather than all.
 */
export function spreadPick<T>(items: readonly T[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.floor(((i + 0.5) * items.length) / count)]);
  return out;
}

const fix = (tokens: string[]): string[] => tokens.map((t, i) => (t === 'a' ? articleFor(tokens[i + 1]) : t));

/** The 62 five-token fruit-sense prefixes ending in "apple" (index 4), in a fixed order. */
export function fruitPrefixCandidates(): string[][] {
  const out: string[][] = ANIMALS.map((a) => ['the', a, 'ate', 'an', 'apple']);
  for (const pron of ['he', 'she']) for (const q of [...FRUIT_QUALITIES, ...COLOURS]) out.push(fix([pron, 'ate', 'a', q, 'apple']));
  for (const pron of ['he', 'she']) for (const q of FRUIT_QUALITIES) out.push(fix([pron, 'picked', 'a', q, 'apple']));
  return out;
}

/** The 110 five-token company-sense prefixes ending in "apple" (index 4), in a fixed order. */
export function companyPrefixCandidates(): string[][] {
  const out: string[][] = TECH_NOUNS.map((t) => ['a', 'new', t, 'from', 'apple']);
  for (const det of ['the', 'a']) for (const t of TECH_NOUNS) for (const v of TECH_VERBS) out.push(fix([det, t, v, 'by', 'apple']));
  return out;
}

// "she ate a red apple . it was very" is check C-5's prompt: it must stay in training.
const KEEP_IN_TRAINING = new Set(['she ate a red apple']);

/** One held-out "apple" context: a 5-token prefix whose token 4 is "apple". */
export interface AppleProbe {
  tokens: string[];
  text: string;
  sense: 'fruit' | 'company';
}

function pickPrefixes(candidates: string[][], sense: AppleProbe['sense']): AppleProbe[] {
  const eligible = candidates.filter((t) => !KEEP_IN_TRAINING.has(t.join(' ')));
  return spreadPick(eligible, 30).map((tokens) => ({ tokens, text: tokens.join(' '), sense }));
}

/** 30 fruit and 30 company contexts for "apple" (C-4), fruit first. */
export const APPLE_PROBES: readonly AppleProbe[] = [
  ...pickPrefixes(fruitPrefixCandidates(), 'fruit'),
  ...pickPrefixes(companyPrefixCandidates(), 'company'),
];
const APPLE_PROBE_TEXTS = new Set(APPLE_PROBES.map((p) => p.text));

/** True when these five tokens (articles already fixed) are a held-out "apple" prefix. */
export function isHeldOutApplePrefix(tokens: readonly string[]): boolean {
  return APPLE_PROBE_TEXTS.has(fix([...tokens]).join(' '));
}

/**
 * 20 held-out animal–food pairs for coreference (C-6): animal i % 16 with food (7i + 1) % 15, so all
 * 16 animals and 15 foods take part (7 is coprime with 15). Bear/honey, the lesson's pair, stays in training.
 */
export const HELD_OUT_ANIMAL_FOOD: readonly (readonly [string, string])[] = Array.from(
  { length: 20 },
  (_, i) => [ANIMALS[i % ANIMALS.length], FOODS[(7 * i + 1) % FOODS.length]] as const,
);

/** 30 held-out ordered animal pairs for word order (C-9); dog/cat stays in training for chapter 8. */
export const HELD_OUT_ANIMAL_PAIRS: readonly (readonly [string, string])[] = spreadPick(
  ANIMALS.flatMap((a) => ANIMALS.filter((b) => b !== a).map((b) => [a, b] as const)).filter(
    ([a, b]) => !((a === 'dog' && b === 'cat') || (a === 'cat' && b === 'dog')),
  ),
  30,
);

/** Every ordered triple of three different colours (990 of them). */
export function colourTriples(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const a of COLOURS) for (const b of COLOURS) for (const c of COLOURS) if (a !== b && b !== c && a !== c) out.push([a, b, c]);
  return out;
}

/** 50 held-out colour triples for copying (C-10). */
export const HELD_OUT_COLOUR_TRIPLES: readonly (readonly [string, string, string])[] = spreadPick(colourTriples(), 50);

const key = (words: readonly string[]): string => words.join(' ');
const ANIMAL_FOOD_KEYS = new Set(HELD_OUT_ANIMAL_FOOD.map(key));
const ANIMAL_PAIR_KEYS = new Set(HELD_OUT_ANIMAL_PAIRS.map(key));
const TRIPLE_KEYS = new Set(HELD_OUT_COLOUR_TRIPLES.map(key));

/** True when (animal, food) is a held-out coreference pair. */
export function isHeldOutAnimalFood(animal: string, food: string): boolean {
  return ANIMAL_FOOD_KEYS.has(key([animal, food]));
}
/** True when (chaser, chased) is a held-out word-order pair. */
export function isHeldOutAnimalPair(a1: string, a2: string): boolean {
  return ANIMAL_PAIR_KEYS.has(key([a1, a2]));
}
/** True when the colour triple is held out for copying. */
export function isHeldOutColourTriple(c1: string, c2: string, c3: string): boolean {
  return TRIPLE_KEYS.has(key([c1, c2, c3]));
}

/** The facts whose capital must stay unknown before fine-tuning (C-12): the 8 held-out ones and velmora. */
export const HELD_OUT_FACT_PROBES: readonly CapitalFact[] = [...HELD_OUT_CAPITALS, INVENTED_CAPITALS[0]];
