/**
 * F1 (apple = fruit) and F2 (apple = company). "apple" takes half of every fruit or company slot,
 * so it fills well over 40 % of both families; most templates put the sense cue before it.
 */
import { isHeldOutApplePrefix } from './heldOut.ts';
import { productRecords, recordsVar, template, wordsVar } from './templateModel.ts';
import type { SlotRecord, Template } from './templateModel.ts';
import { ANIMALS, COLOURS, COMPANIES, FRUIT_QUALITIES, FRUITS, TECH_NOUNS, TECH_VERBS } from './wordLists.ts';

// "apple" takes 16/27 ≈ 59 % of a fruit slot and 9/15 = 60 % of a company slot, so it still fills
// well over 40 % of F1 and F2 after the held-out probe prefixes are removed.
const fruitWeight = (w: string): number => (w === 'apple' ? 16 : 1);
const companyWeight = (w: string): number => (w === 'apple' ? 9 : 1);
const recordWeights = (records: SlotRecord[], field: string, weightOf: (w: string) => number): number[] =>
  records.map((r) => weightOf(r[field] as string));

/** A joint variable whose records containing apple at the probe position may be held back. */
function applePrefixVar(name: string, records: SlotRecord[], field: string, weightOf: (w: string) => number, prefix: (r: SlotRecord) => string[]) {
  return recordsVar(name, records, {
    weights: recordWeights(records, field, weightOf),
    heldBack: (r) => r[field] === 'apple' && isHeldOutApplePrefix(prefix(r)),
  });
}

/** Each fruit's colour, for "the banana is yellow ." */
export const FRUIT_COLOURS: Readonly<Record<string, string>> = {
  apple: 'red', banana: 'yellow', orange: 'orange', cherry: 'red', strawberry: 'red', pear: 'green',
  grape: 'purple', lemon: 'yellow', peach: 'pink', plum: 'purple', mango: 'yellow', melon: 'green',
};

const pronouns = ['he', 'she'];

function fruitTemplates(): Template[] {
  const ateQuality = productRecords({ pron: pronouns, q: FRUIT_QUALITIES, fruit: FRUITS });
  const ateColour = productRecords({ pron: pronouns, q: COLOURS, fruit: FRUITS });
  const animalAte = productRecords({ animal: ANIMALS, fruit: FRUITS });
  const pairs = productRecords({ first: FRUITS, second: FRUITS }).filter((r) => r.first !== r.second);
  const tags = ['appleSlot' as const];
  return [
    template('f1-ate', 'F1', '{p.pron} ate a {p.q} {p.fruit} .', [
      applePrefixVar('p', ateQuality, 'fruit', fruitWeight, (r) => [r.pron as string, 'ate', 'a', r.q as string, 'apple']),
    ], { weight: 3, cueBeforeApple: true, tags }),
    template('f1-ate-colour', 'F1', '{p.pron} ate a {p.q} {p.fruit} . it was very {q} .', [
      applePrefixVar('p', ateColour, 'fruit', fruitWeight, (r) => [r.pron as string, 'ate', 'a', r.q as string, 'apple']),
      wordsVar('q', FRUIT_QUALITIES),
    ], { weight: 3, cueBeforeApple: true, tags }),
    template('f1-picked', 'F1', '{p.pron} picked a {p.q} {p.fruit} .', [
      applePrefixVar('p', ateQuality, 'fruit', fruitWeight, (r) => [r.pron as string, 'picked', 'a', r.q as string, 'apple']),
    ], { weight: 2, cueBeforeApple: true, tags }),
    template('f1-animal', 'F1', 'the {p.animal} ate a {p.fruit} .', [
      applePrefixVar('p', animalAte, 'fruit', fruitWeight, (r) => ['the', r.animal as string, 'ate', 'an', 'apple']),
    ], { weight: 2, cueBeforeApple: true, tags }),
    template('f1-farmer', 'F1', 'the farmer picked a ripe {f} from the tree .', [wordsVar('f', FRUITS, fruitWeight)], {
      weight: 2, cueBeforeApple: true, tags,
    }),
    template('f1-market', 'F1', 'i bought a {p.first} and a {p.second} at the market .', [
      recordsVar('p', pairs, { weights: pairs.map((r) => fruitWeight(r.first as string) * fruitWeight(r.second as string)) }),
    ], { weight: 1, cueBeforeApple: false, tags }),
    template('f1-colour', 'F1', 'the {f.fruit} is {f.colour} .', [
      recordsVar('f', FRUITS.map((fruit) => ({ fruit, colour: FRUIT_COLOURS[fruit] })), { weights: FRUITS.map(fruitWeight) }),
    ], { weight: 2, cueBeforeApple: false, tags }),
  ];
}

function companyTemplates(): Template[] {
  const fromCompany = productRecords({ tech: TECH_NOUNS, company: COMPANIES });
  const byCompany = productRecords({ det: ['the', 'a'], tech: TECH_NOUNS, verb: TECH_VERBS, company: COMPANIES });
  const company = () => wordsVar('c', COMPANIES, companyWeight);
  const tags = ['appleSlot' as const];
  return [
    template('f2-released', 'F2', 'the tech company {c} released a new {t} .', [company(), wordsVar('t', TECH_NOUNS)], {
      weight: 3, cueBeforeApple: true, tags,
    }),
    template('f2-works', 'F2', '{p} works at {c} .', [wordsVar('p', pronouns), company()], { weight: 2, cueBeforeApple: true, tags }),
    template('f2-bought', 'F2', '{p} bought a {t} from {c} .', [wordsVar('p', pronouns), wordsVar('t', TECH_NOUNS), company()], {
      weight: 2, cueBeforeApple: true, tags,
    }),
    template('f2-new', 'F2', 'a new {j.tech} from {j.company} is in the store .', [
      applePrefixVar('j', fromCompany, 'company', companyWeight, (r) => ['a', 'new', r.tech as string, 'from', 'apple']),
    ], { weight: 2, cueBeforeApple: true, tags }),
    template('f2-by', 'F2', '{j.det} {j.tech} {j.verb} by {j.company} is new .', [
      applePrefixVar('j', byCompany, 'company', companyWeight, (r) => [r.det as string, r.tech as string, r.verb as string, 'by', 'apple']),
    ], { weight: 2, cueBeforeApple: true, tags }),
    template('f2-launched', 'F2', '{c} {v} a new {t} .', [company(), wordsVar('v', TECH_VERBS), wordsVar('t', TECH_NOUNS)], {
      weight: 2, cueBeforeApple: false, tags,
    }),
    template('f2-is', 'F2', '{c} is a tech company .', [company()], { weight: 1, cueBeforeApple: false, tags }),
  ];
}

/** The F1 and F2 templates. */
export function appleTemplates(): Template[] {
  return [...fruitTemplates(), ...companyTemplates()];
}
