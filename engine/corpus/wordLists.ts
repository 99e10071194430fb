/**
 * The TinyWorld word lists of curriculum §2.2. Everything else in the corpus (templates, probes,
 * fine-tuning sets, the vocabulary) is built from these arrays, so a word lives in one place.
 */

/** The 12 fruits; "apple" and "orange" also belong to other lists on purpose. */
export const FRUITS = ['apple', 'banana', 'orange', 'cherry', 'strawberry', 'pear', 'grape', 'lemon', 'peach', 'plum', 'mango', 'melon'] as const;
/** Fruit qualities ("fq"); "sweet" is kept out of the coreference templates. */
export const FRUIT_QUALITIES = ['sweet', 'juicy', 'sour', 'ripe', 'crunchy', 'soft'] as const;
/** The 7 companies: apple plus six invented names. */
export const COMPANIES = ['apple', 'zentek', 'orbix', 'nuvia', 'kelta', 'pixon', 'datara'] as const;
/** The 10 tech nouns. */
export const TECH_NOUNS = ['phone', 'laptop', 'tablet', 'computer', 'chip', 'app', 'screen', 'watch', 'charger', 'software'] as const;
/** Tech verbs (past tense, as used in "{tech} {tech verb} by {company}"). */
export const TECH_VERBS = ['released', 'launched', 'designed', 'sold', 'updated'] as const;
/** The 16 animals. */
export const ANIMALS = ['bear', 'fox', 'wolf', 'cat', 'dog', 'horse', 'cow', 'rabbit', 'mouse', 'owl', 'lion', 'tiger', 'deer', 'duck', 'goat', 'elephant'] as const;
/** Animal states: they describe the animal in the coreference family. */
export const ANIMAL_STATES = ['hungry', 'tired', 'sleepy', 'greedy', 'starving', 'thirsty'] as const;
/** The 15 foods. */
export const FOODS = ['honey', 'bread', 'cheese', 'soup', 'rice', 'fish', 'meat', 'cake', 'pie', 'milk', 'egg', 'berries', 'nuts', 'carrots', 'onion'] as const;
/** Food qualities: they describe the food in the coreference family; disjoint from animal states. */
export const FOOD_QUALITIES = ['delicious', 'tasty', 'fresh', 'warm', 'salty'] as const;
/** The 11 colours. */
export const COLOURS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'white', 'black', 'brown', 'pink', 'grey'] as const;

/** A role word with its gender's pronouns, so templates can agree ("the queen said she …"). */
export interface Role {
  role: string;
  gender: 'male' | 'female';
  pron: 'he' | 'she';
  poss: 'his' | 'her';
  obj: 'him' | 'her';
  royal: boolean;
}

/** The 12 male/female role pairs, male first. */
export const ROLE_PAIRS: readonly (readonly [string, string])[] = [
  ['king', 'queen'], ['prince', 'princess'], ['man', 'woman'], ['boy', 'girl'],
  ['father', 'mother'], ['son', 'daughter'], ['brother', 'sister'], ['husband', 'wife'],
  ['uncle', 'aunt'], ['lord', 'lady'], ['duke', 'duchess'], ['emperor', 'empress'],
];
const ROYAL = new Set(['king', 'queen', 'prince', 'princess', 'lord', 'lady', 'duke', 'duchess', 'emperor', 'empress']);

/** All 24 roles with their pronouns, in pair order (male, female, male, …). */
export const ROLES: readonly Role[] = ROLE_PAIRS.flatMap(([m, f]) => [
  { role: m, gender: 'male', pron: 'he', poss: 'his', obj: 'him', royal: ROYAL.has(m) } as Role,
  { role: f, gender: 'female', pron: 'she', poss: 'her', obj: 'her', royal: ROYAL.has(f) } as Role,
]);
/** The pronouns of the role list. */
export const PRONOUNS = ['he', 'she', 'his', 'her', 'him'] as const;

/** A country with its capital; held-out ones also name their biggest city (the distractor). */
export interface CapitalFact {
  country: string;
  capital: string;
  bigCity?: string;
}

/** The 24 capital facts that appear in pretraining. */
export const KNOWN_CAPITALS: readonly CapitalFact[] = [
  ['france', 'paris'], ['spain', 'madrid'], ['italy', 'rome'], ['germany', 'berlin'], ['japan', 'tokyo'],
  ['china', 'beijing'], ['egypt', 'cairo'], ['peru', 'lima'], ['russia', 'moscow'], ['greece', 'athens'],
  ['portugal', 'lisbon'], ['poland', 'warsaw'], ['norway', 'oslo'], ['sweden', 'stockholm'], ['ireland', 'dublin'],
  ['austria', 'vienna'], ['finland', 'helsinki'], ['hungary', 'budapest'], ['denmark', 'copenhagen'], ['cuba', 'havana'],
  ['thailand', 'bangkok'], ['vietnam', 'hanoi'], ['chile', 'santiago'], ['ghana', 'accra'],
].map(([country, capital]) => ({ country, capital }));

/** The 8 held-out facts: never stated in pretraining; the big city is the plausible wrong answer. */
export const HELD_OUT_CAPITALS: readonly CapitalFact[] = [
  ['brazil', 'brasilia', 'rio'], ['nigeria', 'abuja', 'lagos'], ['australia', 'canberra', 'sydney'],
  ['turkey', 'ankara', 'istanbul'], ['canada', 'ottawa', 'toronto'], ['pakistan', 'islamabad', 'karachi'],
  ['morocco', 'rabat', 'casablanca'], ['switzerland', 'bern', 'zurich'],
].map(([country, capital, bigCity]) => ({ country, capital, bigCity }));

/** Invented countries: velmora is taught in a lesson, tarsin is a spare. */
export const INVENTED_CAPITALS: readonly CapitalFact[] = [
  { country: 'velmora', capital: 'quorvia' },
  { country: 'tarsin', capital: 'olvec' },
];

/** The days of the week, monday first. */
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** Number words one … twenty (index i is the number i + 1). */
export const NUMBERS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
] as const;
/** Places. */
export const PLACES = ['store', 'market', 'zoo', 'tree', 'forest', 'river', 'sea', 'castle', 'palace', 'kingdom', 'city', 'country', 'farm'] as const;

/**
 * Words that take "an" (curriculum §2.3's exact list). Every other listed word takes "a".
 * Function words outside the lists follow their first letter (see articles.ts).
 */
export const AN_WORDS: readonly string[] = [
  'orange', 'app', 'apple', 'egg', 'onion', 'owl', 'elephant', 'uncle', 'aunt', 'emperor', 'empress', 'eight', 'eleven', 'eighteen',
];

/** Named §2.2 lists, as `listsOf` and the `pure-cluster` exercise see them. */
export const NAMED_LISTS: Readonly<Record<string, readonly string[]>> = {
  fruits: FRUITS,
  fruitQualities: FRUIT_QUALITIES,
  companies: COMPANIES,
  techNouns: TECH_NOUNS,
  techVerbs: TECH_VERBS,
  animals: ANIMALS,
  animalStates: ANIMAL_STATES,
  foods: FOODS,
  foodQualities: FOOD_QUALITIES,
  colours: COLOURS,
  roles: ROLES.map((r) => r.role),
  pronouns: PRONOUNS,
  // Known, held-out and invented countries form one list, and so do their capitals.
  countries: [...KNOWN_CAPITALS, ...HELD_OUT_CAPITALS, ...INVENTED_CAPITALS].map((c) => c.country),
  capitals: [...KNOWN_CAPITALS, ...HELD_OUT_CAPITALS, ...INVENTED_CAPITALS].map((c) => c.capital),
  bigCities: HELD_OUT_CAPITALS.map((c) => c.bigCity as string),
  days: DAYS,
  numbers: NUMBERS,
  places: PLACES,
};

/** The names of the §2.2 lists containing `word` (empty for function words). */
export function listsOf(word: string): string[] {
  return Object.keys(NAMED_LISTS).filter((name) => NAMED_LISTS[name].includes(word));
}

/** Every §2.2 list word once, in list order (about 236 words). */
export function listWords(): string[] {
  return [...new Set(Object.values(NAMED_LISTS).flat())];
}
