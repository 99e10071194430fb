/** F7 days, F8 counting, F9 copy lists, F10 word order and F11 store / a-an. */
import { colourTriples, isHeldOutAnimalPair, isHeldOutColourTriple } from './heldOut.ts';
import { countingRunVar, dayPairVar, weekVar } from './slots.ts';
import { productRecords, recordsVar, template, wordsVar } from './templateModel.ts';
import type { Template } from './templateModel.ts';
import { AN_WORDS, ANIMALS, FOODS, FRUITS, TECH_NOUNS } from './wordLists.ts';

/** Things on sale in the store: fruits, foods and tech nouns except "app" (not bought in a store). */
export const STORE_ITEMS: readonly string[] = [...new Set([...FRUITS, ...FOODS, ...TECH_NOUNS.filter((t) => t !== 'app')])];
/** Store items that take "an": exactly apple, orange, egg and onion. */
export const VOWEL_STORE_ITEMS: readonly string[] = STORE_ITEMS.filter((w) => AN_WORDS.includes(w));
/** Store items that take "a". */
export const CONSONANT_STORE_ITEMS: readonly string[] = STORE_ITEMS.filter((w) => !AN_WORDS.includes(w));

function sequenceTemplates(): Template[] {
  return [
    template('f7-after', 'F7', 'after {d.day} comes {d.next} .', [dayPairVar('d')], { weight: 3 }),
    template('f7-week', 'F7', '{w.days} .', [weekVar('w')], { weight: 2 }),
    template('f8-counted', 'F8', 'i counted {r.run} .', [countingRunVar('r')], { weight: 1 }),
    template('f8-bare', 'F8', '{r.run} .', [countingRunVar('r')], { weight: 1 }),
  ];
}

function orderTemplates(): Template[] {
  const triples = colourTriples().map(([c1, c2, c3]) => ({ c1, c2, c3 }));
  const pairs = productRecords({ a1: ANIMALS, a2: ANIMALS }).filter((r) => r.a1 !== r.a2);
  return [
    template('f9-copy', 'F9', '{t.c1} {t.c2} {t.c3} . again : {t.c1} {t.c2} {t.c3} .', [
      recordsVar('t', triples, { heldBack: (r) => isHeldOutColourTriple(r.c1 as string, r.c2 as string, r.c3 as string) }),
    ]),
    template('f10-chased', 'F10', 'the {p.a1} chased the {p.a2} . the one that ran away was the {p.a2} .', [
      recordsVar('p', pairs, { heldBack: (r) => isHeldOutAnimalPair(r.a1 as string, r.a2 as string) }),
    ]),
  ];
}

function storeTemplates(): Template[] {
  // The four "an" items share most of the store slot, so "in the store , i bought an" is followed by one of them.
  const storeWeight = (w: string): number => (VOWEL_STORE_ITEMS.includes(w) ? 6 : 1);
  return [
    template('f11-store', 'F11', 'in the store , i bought a {x} .', [wordsVar('x', STORE_ITEMS, storeWeight)], { weight: 2 }),
    template('f11-bought', 'F11', 'i bought a {x} .', [wordsVar('x', CONSONANT_STORE_ITEMS)], { weight: 1.5 }),
    template('f11-zoo', 'F11', 'i saw a {a} at the zoo .', [wordsVar('a', ANIMALS, (w) => (w === 'elephant' ? 5 : 1))], { weight: 1.5 }),
  ];
}

/** The F7–F11 templates. */
export function patternTemplates(): Template[] {
  return [...sequenceTemplates(), ...orderTemplates(), ...storeTemplates()];
}
