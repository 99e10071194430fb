/** Reusable variables (slot domains) shared by several template families. */
import { DAYS, HELD_OUT_CAPITALS, KNOWN_CAPITALS, NUMBERS, ROLES } from './wordLists.ts';
import type { Role } from './wordLists.ts';
import { recordsVar } from './templateModel.ts';
import type { SlotRecord, Variable } from './templateModel.ts';

/** A role record: the role word, its pronouns and a home ("palace" for royals, "house" otherwise). */
function roleRecord(r: Role): SlotRecord {
  return { role: r.role, pron: r.pron, poss: r.poss, obj: r.obj, home: r.royal ? 'palace' : 'house' };
}

/** A variable over roles (all 24, or those passing `keep`). Fields: role, pron, poss, obj, home. */
export function roleVar(name: string, keep: (r: Role) => boolean = () => true): Variable {
  return recordsVar(name, ROLES.filter(keep).map(roleRecord));
}

/** Known capital facts as records { country, capital }. */
export function knownFactVar(name: string): Variable {
  return recordsVar(name, KNOWN_CAPITALS.map((f) => ({ country: f.country, capital: f.capital })));
}

/** Held-out facts as records { country, capital, bigCity }; templates reference only some fields. */
export function heldOutFactVar(name: string): Variable {
  return recordsVar(name, HELD_OUT_CAPITALS.map((f) => ({ country: f.country, capital: f.capital, bigCity: f.bigCity as string })));
}

/** Every country a quiz list may ask about: the 24 known and the 8 held-out ones. */
export function quizCountryVar(name: string): Variable {
  return recordsVar(name, [...KNOWN_CAPITALS, ...HELD_OUT_CAPITALS].map((f) => ({ country: f.country })));
}

/** A day and the day after it (sunday is followed by monday). Fields: day, next. */
export function dayPairVar(name: string): Variable {
  return recordsVar(name, DAYS.map((day, i) => ({ day, next: DAYS[(i + 1) % DAYS.length] })));
}

/** The full week starting from any day. Field: days (7 tokens). */
export function weekVar(name: string): Variable {
  return recordsVar(name, DAYS.map((_, start) => ({ days: DAYS.map((__, k) => DAYS[(start + k) % DAYS.length]) })));
}

/** Runs of consecutive number words of length 3–10 within one … twenty. Field: run. */
export function countingRunVar(name: string): Variable {
  const records: SlotRecord[] = [];
  for (let length = 3; length <= 10; length++) {
    for (let start = 0; start + length <= NUMBERS.length; start++) records.push({ run: NUMBERS.slice(start, start + length) });
  }
  return recordsVar(name, records);
}
