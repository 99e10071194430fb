/**
 * Templates as data. A template is a line of literal tokens and slot references such as
 * "the capital of {f.country} is {f.capital} .", plus the variables the slots read from. Each
 * variable draws one record from a weighted domain; a slot names a field of that record. The
 * generator samples from this data and the grammar matches against the same data, so the two
 * cannot drift apart.
 */

/** One field of a record: a single token, or several (a counting run, a week). */
export type FieldValue = string | readonly string[];
/** One choice for a variable, e.g. { country: 'france', capital: 'paris' }. */
export type SlotRecord = Readonly<Record<string, FieldValue>>;

/** A variable of a template: a weighted list of records to draw from. */
export interface Variable {
  readonly name: string;
  readonly records: readonly SlotRecord[];
  /** Relative sampling weights, parallel to `records` (all 1 when absent). */
  readonly weights?: readonly number[];
  /** Records the generator never draws (held-out probe combinations); the grammar still accepts them. */
  readonly heldBack?: (record: SlotRecord) => boolean;
}

/** A literal token or a reference to a field of a variable's record. */
export type Part = { readonly literal: string } | { readonly variable: string; readonly field: string };

/** What a template is used for, beyond its family; the generator and stats read these. */
export type TemplateTag = 'capitalFact' | 'quiz' | 'appleSlot';

/** One sentence template (it may span several "." clauses, e.g. a copy list). */
export interface Template {
  readonly id: string;
  readonly family: FamilyId;
  /** Share of its family's sentences, relative to the family's other templates. */
  readonly weight: number;
  readonly parts: readonly Part[];
  readonly variables: readonly Variable[];
  /** Groups of variable names whose records must all differ (e.g. the countries of a quiz list). */
  readonly distinct?: readonly (readonly string[])[];
  /** For F1/F2 templates that can hold "apple": does the sense cue come before it? */
  readonly cueBeforeApple?: boolean;
  readonly tags?: readonly TemplateTag[];
}

/** The twelve template families of curriculum §2.3. */
export type FamilyId = 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11' | 'F12';

/** Options for `template()` besides its text and variables. */
export interface TemplateOptions {
  weight?: number;
  distinct?: string[][];
  cueBeforeApple?: boolean;
  tags?: TemplateTag[];
}

/**
 * Builds a template from text: "{x}" reads field "w" of variable x, "{x.f}" reads field f;
 * every other whitespace-separated token is a literal. Throws on an unknown variable.
 */
export function template(id: string, family: FamilyId, text: string, variables: Variable[], options: TemplateOptions = {}): Template {
  const names = new Set(variables.map((v) => v.name));
  const parts: Part[] = text.split(' ').map((token) => {
    const match = /^\{(\w+)(?:\.(\w+))?\}$/.exec(token);
    if (!match) return { literal: token };
    if (!names.has(match[1])) throw new Error(`template ${id}: unknown variable ${match[1]}`);
    return { variable: match[1], field: match[2] ?? 'w' };
  });
  return {
    id, family, parts, variables,
    weight: options.weight ?? 1,
    distinct: options.distinct,
    cueBeforeApple: options.cueBeforeApple,
    tags: options.tags,
  };
}

/** A variable over single words: records { w: word }, optionally weighted. */
export function wordsVar(name: string, words: readonly string[], weightOf?: (word: string) => number): Variable {
  return {
    name,
    records: words.map((w) => ({ w })),
    weights: weightOf ? words.map(weightOf) : undefined,
  };
}

/** A variable over ready-made records. */
export function recordsVar(name: string, records: readonly SlotRecord[], options: Partial<Pick<Variable, 'weights' | 'heldBack'>> = {}): Variable {
  return { name, records, ...options };
}

/** Every combination of the given word lists as records (a joint variable), e.g. pronoun × quality × fruit. */
export function productRecords(lists: Readonly<Record<string, readonly string[]>>): SlotRecord[] {
  let out: Record<string, string>[] = [{}];
  for (const [field, words] of Object.entries(lists)) {
    out = out.flatMap((partial) => words.map((word) => ({ ...partial, [field]: word })));
  }
  return out;
}

/** The tokens of one record field, always as an array. */
export function fieldTokens(value: FieldValue): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
