/** F3 coreference, F4 roles, F5 capitals and F6 held-out entities. */
import { isHeldOutAnimalFood } from './heldOut.ts';
import { heldOutFactVar, knownFactVar, quizCountryVar, roleVar } from './slots.ts';
import { productRecords, recordsVar, template, wordsVar } from './templateModel.ts';
import type { Template } from './templateModel.ts';
import { ANIMAL_STATES, ANIMALS, FOOD_QUALITIES, FOODS } from './wordLists.ts';

function coreferenceTemplates(): Template[] {
  const pair = () =>
    recordsVar('p', productRecords({ animal: ANIMALS, food: FOODS }), {
      heldBack: (r) => isHeldOutAnimalFood(r.animal as string, r.food as string),
    });
  const head = 'the {p.animal} ate the {p.food} because it was';
  // 60 % of sentences stand alone; 40 % add a sentence about the referent of "it".
  return [
    template('f3-state', 'F3', `${head} {s} .`, [pair(), wordsVar('s', ANIMAL_STATES)], { weight: 3 }),
    template('f3-state-so', 'F3', `${head} {s} . so the {p.animal} was {s2} .`, [pair(), wordsVar('s', ANIMAL_STATES), wordsVar('s2', ANIMAL_STATES)], { weight: 2 }),
    template('f3-quality', 'F3', `${head} {q} .`, [pair(), wordsVar('q', FOOD_QUALITIES)], { weight: 3 }),
    template('f3-quality-so', 'F3', `${head} {q} . so the {p.food} was {q2} .`, [pair(), wordsVar('q', FOOD_QUALITIES), wordsVar('q2', FOOD_QUALITIES)], { weight: 2 }),
  ];
}

// Young → grown-up pairs, male and female in parallel.
const BECOME: readonly (readonly [string, string])[] = [
  ['prince', 'king'], ['princess', 'queen'], ['boy', 'man'], ['girl', 'woman'], ['son', 'father'], ['daughter', 'mother'],
];

function roleTemplates(): Template[] {
  // Only royals rule the kingdom and only commoners work on the farm, so royalty is a direction of its
  // own (king − man + woman → queen needs both royalty and gender); every role also meets "he"/"she".
  return [
    template('f4-ruled', 'F4', 'the {r.role} ruled the kingdom .', [roleVar('r', (x) => x.royal)], { weight: 2 }),
    template('f4-farm', 'F4', 'the {r.role} worked on the farm .', [roleVar('r', (x) => !x.royal)], { weight: 2 }),
    template('f4-become', 'F4', 'the {y.young} will become a {y.adult} .', [
      recordsVar('y', BECOME.map(([young, adult]) => ({ young, adult }))),
    ], { weight: 2 }),
    template('f4-said', 'F4', 'the {r.role} said {r.pron} was tired .', [roleVar('r')], { weight: 2 }),
    template('f4-waved', 'F4', 'the {a.role} saw the {b.role} and {b.pron} waved at {a.obj} .', [roleVar('a'), roleVar('b')], {
      weight: 2, distinct: [['a', 'b']],
    }),
    template('f4-sat', 'F4', 'the {r.role} sat in {r.poss} {r.home} .', [roleVar('r')], { weight: 2 }),
  ];
}

/** Quiz lists of 2–5 questions; held-out countries may be asked, but a quiz never answers. */
function quizTemplate(length: number): Template {
  const names = Array.from({ length }, (_, i) => `q${i + 1}`);
  const text = names.map((n) => `what is the capital of {${n}.country} ?`).join(' ');
  return template(`f5-quiz${length}`, 'F5', text, names.map(quizCountryVar), { weight: 1, distinct: [names], tags: ['quiz'] });
}

function capitalTemplates(): Template[] {
  return [
    template('f5-fact', 'F5', 'the capital of {f.country} is {f.capital} .', [knownFactVar('f')], { weight: 9, tags: ['capitalFact'] }),
    template('f5-reverse', 'F5', '{f.capital} is the capital of {f.country} .', [knownFactVar('f')], { weight: 6 }),
    ...[2, 3, 4, 5].map(quizTemplate),
  ];
}

/** Held-out entities: each held-out country and its capital are named, but never together. */
function heldOutTemplates(): Template[] {
  return [
    template('f6-country', 'F6', '{h.country} is a country .', [heldOutFactVar('h')], { weight: 2 }),
    template('f6-big-city', 'F6', '{h.bigCity} is a big city in {h.country} .', [heldOutFactVar('h')], { weight: 2 }),
    template('f6-biggest', 'F6', 'the biggest city in {h.country} is {h.bigCity} .', [heldOutFactVar('h')], { weight: 2 }),
    template('f6-old-city', 'F6', '{h.capital} is a old city .', [heldOutFactVar('h')], { weight: 2 }),
    template('f6-velmora', 'F6', 'velmora is a small country by the sea .', [], { weight: 1 }),
  ];
}

/** The F3–F6 templates. */
export function worldTemplates(): Template[] {
  return [...coreferenceTemplates(), ...roleTemplates(), ...capitalTemplates(), ...heldOutTemplates()];
}
