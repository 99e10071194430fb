/**
 * F12 filler: everyday sentences that mix the lists and carry most of the function words.
 * They never use "apple" (so its two senses stay in F1/F2), never put an animal before "ate"
 * (so coreference and apple probes cannot leak), and never name a held-out country or capital.
 */
import { roleVar } from './slots.ts';
import { template, wordsVar } from './templateModel.ts';
import type { Template } from './templateModel.ts';
import { ANIMALS, COLOURS, DAYS, FOODS, FRUITS, NUMBERS, PLACES, TECH_NOUNS } from './wordLists.ts';

const FRUITS_BUT_APPLE = FRUITS.filter((f) => f !== 'apple');
const HABITATS = ['forest', 'river', 'farm', 'zoo', 'sea', 'tree'];
const WEATHER = ['cold', 'hot', 'sunny'];
const DRINKS = ['milk', 'water'];

const role = (name = 'r') => roleVar(name);
const animal = (name = 'a') => wordsVar(name, ANIMALS);
const place = (name = 'p') => wordsVar(name, PLACES);
const colour = (name = 'c') => wordsVar(name, COLOURS);
const food = (name = 'f') => wordsVar(name, FOODS);
const fruit = (name = 'fr') => wordsVar(name, FRUITS_BUT_APPLE);
const tech = (name = 't') => wordsVar(name, TECH_NOUNS);
const pron = (name = 'pr') => wordsVar(name, ['he', 'she']);

/** [id suffix, text, variables, options] for each filler sentence. */
const FILLER: readonly [string, string, () => ReturnType<typeof wordsVar>[], { distinct?: string[][] }?][] = [
  ['ate', 'the {r.role} ate the {f} .', () => [role(), food()]],
  ['went', 'the {a.role} and the {b.role} went to the {p} .', () => [role('a'), role('b'), place()], { distinct: [['a', 'b']] }],
  ['walked', 'on {d} the {r.role} walked to the {p} .', () => [wordsVar('d', DAYS), role(), place()]],
  ['lives', 'the {a} lives near the {p} .', () => [animal(), wordsVar('p', HABITATS)]],
  ['dinner', 'we had {f} for dinner .', () => [food()]],
  ['table', 'my {c} {t} is on the table .', () => [colour(), tech()]],
  ['slept', 'the {a} slept under the tree .', () => [animal()]],
  ['gave', '{pr} gave the {fr} to the {r.role} .', () => [pron(), fruit(), role()]],
  ['weather', 'it is {w} today .', () => [wordsVar('w', WEATHER)]],
  ['drank', 'yesterday the {r.role} drank some {d} .', () => [role(), wordsVar('d', DRINKS)]],
  ['little', 'the little {a} ran into the {p} .', () => [animal(), wordsVar('p', HABITATS)]],
  ['reads', 'every {d} , {pr} reads a book .', () => [wordsVar('d', DAYS), pron()]],
  ['box', 'the {r.role} put the {fr} in a box .', () => [role(), fruit()]],
  ['bird', 'the {c} bird flew over the {p} .', () => [colour(), place()]],
  ['looked', 'the {r.role} looked at the {a} .', () => [role(), animal()]],
  ['see', 'can you see the {c} {a} ?', () => [colour(), animal()]],
  ['door', 'the {r.role} opened the door .', () => [role()]],
  ['fixed', 'our {t} stopped working , but {pr} fixed it .', () => [tech(), pron()]],
  ['sad', 'the {r.role} was sad , then {r.pron} felt better .', () => [role()]],
  ['cup', 'please give me the {c} cup .', () => [colour()]],
  ['bigger', 'the {a} is bigger than the {b} .', () => [animal(), animal('b')], { distinct: [['a', 'b']] }],
  ['behind', 'there is a {a} behind the house .', () => [animal()]],
  ['night', 'at night the {a} sleeps in the {p} .', () => [animal(), wordsVar('p', HABITATS)]],
  ['hat', 'this is my {c} hat .', () => [colour()]],
  ['played', 'the children played in the {p} all day .', () => [place()]],
  ['letter', 'the {a.role} wrote a long letter to the {b.role} .', () => [role('a'), role('b')], { distinct: [['a', 'b']] }],
  ['good', 'today was a good day .', () => []],
  ['home', 'the {r.role} came home late .', () => [role()]],
  ['tomorrow', 'we will go to the {p} tomorrow .', () => [place()]],
  ['friend', 'the {r.role} is my friend .', () => [role()]],
  ['stone', 'the {r.role} found a {c} stone in the {p} .', () => [role(), colour(), place()]],
  ['years', 'the {r.role} was {n} years old .', () => [role(), wordsVar('n', NUMBERS.slice(1))]],
  ['look', 'look , the {a} is running !', () => [animal()]],
  ['who', 'who ate the {f} ? the {a} did .', () => [food(), animal()]],
  ['where', 'where is the {r.role} ? {r.pron} is in the {p} .', () => [role(), place()]],
  ['friends', 'the {a} and the {b} are friends .', () => [animal(), animal('b')], { distinct: [['a', 'b']] }],
  ['likes', 'the {r.role} likes the colour {c} .', () => [role(), colour()]],
  ['cooked', 'the {r.role} cooked the {f} for dinner .', () => [role(), food()]],
  ['visit', 'the {r.role} will visit the {p} on {d} .', () => [role(), place(), wordsVar('d', DAYS)]],
  ['expensive', 'the {t} was too expensive , so {pr} did not buy it .', () => [tech(), pron()]],
  ['happy', '{pr} is happy today .', () => [pron()]],
  ['has', 'my {r.role} has a {c} {t} .', () => [role(), colour(), tech()]],
  ['read', 'the {r.role} read a book about the {a} .', () => [role(), animal()]],
  ['jumped', 'the {a} jumped over the {b} .', () => [animal(), animal('b')], { distinct: [['a', 'b']] }],
  ['time', 'it is time to sleep .', () => []],
];

/** The F12 templates, all with equal weight. */
export function fillerTemplates(): Template[] {
  return FILLER.map(([id, text, vars, options]) => template(`f12-${id}`, 'F12', text, vars(), { distinct: options?.distinct }));
}
