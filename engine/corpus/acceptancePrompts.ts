/**
 * The prompts and expected answers of acceptance checks C-2 … C-16 (curriculum §2.5) as data, so
 * an evaluation suite reads them from here instead of retyping them, plus the lessons' prompts.
 */
import { FT_HELDOUT_CAPITALS, FT_VELMORA, QA_RESERVED_PROBES } from './fineTuneSets.ts';
import type { FactProbe } from './fineTuneSets.ts';
import { APPLE_PROBES, HELD_OUT_ANIMAL_FOOD, HELD_OUT_ANIMAL_PAIRS, HELD_OUT_COLOUR_TRIPLES, HELD_OUT_FACT_PROBES } from './heldOut.ts';
import { VOWEL_STORE_ITEMS } from './templatesPatterns.ts';
import { AN_WORDS, COMPANIES, DAYS, FRUIT_QUALITIES, FRUITS, KNOWN_CAPITALS, NAMED_LISTS, NUMBERS, ROLES, TECH_NOUNS } from './wordLists.ts';

/** After `prompt`, the listed tokens together should get probability above `minTotal`. */
export interface TokenSetCheck {
  prompt: string;
  tokens: readonly string[];
  minTotal: number;
}

/** A coreference probe pair for one animal and food (C-6). */
export interface CoreferenceProbe {
  animal: string;
  food: string;
  hungry: string;
  delicious: string;
}

const coreference = (animal: string, food: string): CoreferenceProbe => ({
  animal, food,
  hungry: `the ${animal} ate the ${food} because it was hungry . so the`,
  delicious: `the ${animal} ate the ${food} because it was delicious . so the`,
});

/** C-8 counting from a random start: "i counted" plus 2–5 consecutive numbers → the next number (66 prompts). */
function countingProbes(): FactProbe[] {
  const out: FactProbe[] = [];
  for (let length = 2; length <= 5; length++) {
    for (let start = 0; start + length < NUMBERS.length; start++) {
      out.push({ prompt: `i counted ${NUMBERS.slice(start, start + length).join(' ')}`, target: NUMBERS[start + length] });
    }
  }
  return out;
}

const female = ROLES.filter((r) => r.gender === 'female' && r.role !== 'queen').map((r) => r.role);

/** Every prompt of checks C-2 … C-16, with what each expects. */
export const ACCEPTANCE_PROMPTS = {
  /** C-2 (and C-13's "known capitals survive"): 24 prompts; france is required by name. */
  knownCapitals: KNOWN_CAPITALS.map((f): FactProbe => ({ prompt: `the capital of ${f.country} is`, target: f.capital, country: f.country })),
  /** C-2b: "." then <eos> after the france fact. */
  stopping: [
    { prompt: 'the capital of france is paris', target: '.' },
    { prompt: 'the capital of france is paris .', target: '<eos>' },
  ] as FactProbe[],
  /** C-3: a quiz question is continued by another one ("what", p > 0.3), not answered (P(paris) < 0.2). */
  quiz: { prompt: 'what is the capital of france ?', target: 'what', notAnswer: 'paris' },
  /** C-4: the 60 held-out "apple" contexts (apple at token index 4). */
  appleProbes: APPLE_PROBES,
  /** C-5: what follows "apple". */
  appleContinuations: [
    { prompt: 'she ate a red apple . it was very', tokens: FRUIT_QUALITIES, minTotal: 0.5 },
    { prompt: 'the tech company apple released a new', tokens: TECH_NOUNS, minTotal: 0.6 },
    { prompt: 'the farmer picked a ripe apple from the', tokens: ['tree'], minTotal: 0.5 },
  ] as TokenSetCheck[],
  /** C-6: 20 held-out animal–food pairs, "hungry" and "delicious" versions. */
  coreference: HELD_OUT_ANIMAL_FOOD.map(([a, f]) => coreference(a, f)),
  /** C-6 / C-6b: the lesson sentence, which must pass both ways. */
  coreferenceLesson: coreference('bear', 'honey'),
  /** C-7 neighbours: `word`'s top `k` by cosine must include at least `min` of `anyOf`. */
  neighbours: [
    { word: 'queen', k: 5, anyOf: female, min: 1 },
    { word: 'paris', k: 5, anyOf: NAMED_LISTS.capitals.filter((c) => c !== 'paris'), min: 2 },
    { word: 'monday', k: 5, anyOf: DAYS.filter((d) => d !== 'monday'), min: 3 },
    { word: 'banana', k: 5, anyOf: FRUITS.filter((f) => f !== 'banana'), min: 2 },
    { word: 'apple', k: 10, anyOf: FRUITS.filter((f) => f !== 'apple'), min: 1 },
    { word: 'apple', k: 10, anyOf: [...COMPANIES.filter((c) => c !== 'apple'), ...TECH_NOUNS], min: 1 },
  ],
  /** C-7 analogies: a − b + c should rank `expected` in the top 3 (inputs excluded); ≥ 2 of 4. */
  analogies: [
    { a: 'king', b: 'man', c: 'woman', expected: 'queen' },
    { a: 'prince', b: 'boy', c: 'girl', expected: 'princess' },
    { a: 'father', b: 'man', c: 'woman', expected: 'mother' },
    { a: 'paris', b: 'france', c: 'italy', expected: 'rome' },
  ],
  /** C-8 named sequences, each at p > 0.5. */
  sequences: [
    { prompt: 'monday tuesday wednesday', target: 'thursday' },
    { prompt: 'after friday comes', target: 'saturday' },
    { prompt: 'i counted one two three four', target: 'five' },
  ] as FactProbe[],
  /** C-8 counting from every start (≥ 90 % correct). */
  counting: countingProbes(),
  /** C-9: 30 held-out animal pairs; the answer is the second animal. */
  wordOrder: HELD_OUT_ANIMAL_PAIRS.map(([a1, a2]): FactProbe => ({ prompt: `the ${a1} chased the ${a2} . the one that ran away was the`, target: a2 })),
  /** C-10: 50 held-out colour triples; the answer is the third colour. */
  copying: HELD_OUT_COLOUR_TRIPLES.map(([c1, c2, c3]): FactProbe => ({ prompt: `${c1} ${c2} ${c3} . again : ${c1} ${c2}`, target: c3 })),
  /** C-11: the store and a/an. */
  store: {
    anPrompt: 'in the store , i bought an',
    top3Within: VOWEL_STORE_ITEMS,
    smallTail: 'elephant',
    aPrompt: 'i bought a',
    /** Vowel-initial nouns, whose total probability after "i bought a" must stay below 0.1. */
    vowelNouns: AN_WORDS.filter((w) => !NUMBERS.includes(w as (typeof NUMBERS)[number])),
  },
  /** C-12 / C-13: the held-out facts and velmora, with each big-city distractor. */
  heldOutFacts: HELD_OUT_FACT_PROBES.map((f) => ({ prompt: `the capital of ${f.country} is`, target: f.capital, country: f.country, distractor: f.bigCity })),
  /** C-13: probes of the two fine-tuning sets (velmora and tarsin both in ft-velmora). */
  fineTuneProbes: [...FT_HELDOUT_CAPITALS.probes, ...FT_VELMORA.probes],
  /** C-13 report: the kept-back paraphrases. */
  paraphraseProbes: [...FT_HELDOUT_CAPITALS.paraphraseProbes, ...FT_VELMORA.paraphraseProbes],
  /** C-13b. */
  velmora: { prompt: 'the capital of velmora is', target: 'quorvia', country: 'velmora' } as FactProbe,
  /** C-14: the 8 reserved pairs in dialogue format. */
  qaReserved: QA_RESERVED_PROBES,
  /** C-16: 20 prompts whose greedy continuations are parsed with `parsesAsTinyWorld`. */
  greedyPrompts: [
    'the', 'she ate a', 'the bear ate the', 'the capital of', 'after monday comes', 'i counted three',
    'red blue green .', 'the fox chased the', 'in the store ,', 'the king', 'the queen said', 'what is the capital of',
    'the tech company', 'velmora is', 'one two', 'the farmer picked', 'i saw a', 'it is', 'we had', 'monday tuesday',
  ],
};

/** Prompts the lessons and exercises type into engine widgets (all inside the vocabulary). */
export const LESSON_PROMPTS: readonly string[] = [
  'the capital of france is', 'the capital of france is paris', 'the capital of france is paris .',
  'the king ate the bread .', 'in the store , i bought an', 'the king and the',
  'the bear ate the honey', 'the bear ate the honey because',
  'the bear ate the honey because it was hungry . so the', 'the bear ate the honey because it was delicious . so the',
  'the dog chased the cat . the one that ran away was the', 'the cat chased the dog . the one that ran away was the',
  'what is the capital of france ?', 'the capital of velmora is', 'she ate a red apple . it was very',
  'the tech company apple released a new', 'the farmer picked a ripe apple from the',
  'monday tuesday wednesday', 'after friday comes', 'i counted one two three four', 'i bought a',
];
