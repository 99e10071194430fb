/**
 * The TinyWorld template grammar: does a token sequence read as sentences the generator could
 * have written? It matches against the very templates the generator samples from (with their
 * full slot domains: held-out probe combinations are valid TinyWorld too), so the two cannot
 * drift apart. A document is a sequence of sentences (no quiz list directly after another, as
 * in the generator) and ends in <eos>. Used by check C-16 and by the corpus tests.
 */
import { articleFor } from './articles.ts';
import { allTemplates } from './templates.ts';
import type { SlotRecord, Template } from './templateModel.ts';
import { fieldTokens } from './templateModel.ts';

interface GrammarTemplate {
  template: Template;
  isQuiz: boolean;
  /** Per variable and field: first token → records whose field starts with it. */
  index: Map<string, Map<string, SlotRecord[]>>;
}

const norm = (token: string): string => (token === 'an' ? 'a' : token);
const recordKey = (r: SlotRecord): string => Object.values(r).map((v) => fieldTokens(v).join(' ')).join('|');

function buildIndex(t: Template): Map<string, Map<string, SlotRecord[]>> {
  const index = new Map<string, Map<string, SlotRecord[]>>();
  for (const part of t.parts) {
    if (!('variable' in part)) continue;
    const key = `${part.variable}.${part.field}`;
    if (index.has(key)) continue;
    const byFirst = new Map<string, SlotRecord[]>();
    for (const r of t.variables.find((v) => v.name === part.variable)?.records ?? []) {
      const first = norm(fieldTokens(r[part.field])[0]);
      byFirst.set(first, [...(byFirst.get(first) ?? []), r]);
    }
    index.set(key, byFirst);
  }
  return index;
}

let grammar: { templates: GrammarTemplate[]; byFirstToken: Map<string, GrammarTemplate[]> } | undefined;

function compiledGrammar() {
  if (grammar) return grammar;
  const templates = allTemplates().map(({ template }) => ({
    template, isQuiz: template.tags?.includes('quiz') ?? false, index: buildIndex(template),
  }));
  const byFirstToken = new Map<string, GrammarTemplate[]>();
  for (const gt of templates) {
    const first = gt.template.parts[0];
    const starts = 'literal' in first ? [norm(first.literal)] : [...(gt.index.get(`${first.variable}.${first.field}`)?.keys() ?? [])];
    for (const s of starts) byFirstToken.set(s, [...(byFirstToken.get(s) ?? []), gt]);
  }
  grammar = { templates, byFirstToken };
  return grammar;
}

/** Does `expected` (a template token) read as `tokens[pos]`? Articles must agree with the next token. */
function tokenFits(expected: string, tokens: readonly string[], pos: number): boolean {
  const actual = tokens[pos];
  if (expected !== 'a' && expected !== 'an') return actual === expected;
  if (actual !== 'a' && actual !== 'an') return false;
  return pos + 1 >= tokens.length || actual === articleFor(tokens[pos + 1]);
}

/** Matches a run of expected tokens at pos; returns the end, or -1; `partial` lets the text end inside. */
function fitRun(run: readonly string[], tokens: readonly string[], pos: number, partial: boolean): number {
  for (let k = 0; k < run.length; k++) {
    if (pos + k >= tokens.length) return partial ? tokens.length : -1;
    if (!tokenFits(run[k], tokens, pos + k)) return -1;
  }
  return pos + run.length;
}

/**
 * All ways template `gt` matches tokens from `start`: end position → number of distinct fillings.
 * With `partial`, a match that runs off the end of the text counts, ending at tokens.length.
 */
function matchTemplate(gt: GrammarTemplate, tokens: readonly string[], start: number, partial = false): Map<number, number> {
  const ends = new Map<number, number>();
  const { parts, distinct } = gt.template;
  const bound: Record<string, SlotRecord> = {};
  const clashes = (name: string, r: SlotRecord): boolean =>
    (distinct ?? []).some((g) => g.includes(name) && g.some((other) => other !== name && bound[other] && recordKey(bound[other]) === recordKey(r)));
  const step = (i: number, pos: number): void => {
    if (i === parts.length || (partial && pos >= tokens.length && pos > start)) {
      ends.set(pos, (ends.get(pos) ?? 0) + 1);
      return;
    }
    if (pos >= tokens.length) return;
    const part = parts[i];
    if ('literal' in part) {
      const end = fitRun([part.literal], tokens, pos, partial);
      if (end >= 0) step(i + 1, end);
      return;
    }
    const existing = bound[part.variable];
    if (existing) {
      const end = fitRun(fieldTokens(existing[part.field]), tokens, pos, partial);
      if (end >= 0) step(i + 1, end);
      return;
    }
    for (const r of gt.index.get(`${part.variable}.${part.field}`)?.get(norm(tokens[pos])) ?? []) {
      if (clashes(part.variable, r)) continue;
      const end = fitRun(fieldTokens(r[part.field]), tokens, pos, partial);
      if (end < 0) continue;
      bound[part.variable] = r;
      step(i + 1, end);
      delete bound[part.variable];
    }
  };
  step(0, start);
  return ends;
}

/** Templates that can start at tokens[pos]. */
function candidates(tokens: readonly string[], pos: number): GrammarTemplate[] {
  return compiledGrammar().byFirstToken.get(norm(tokens[pos])) ?? [];
}

/**
 * The number of ways a document's tokens (without <eos>) split into template sentences.
 * 0 means it does not parse; the generator's own documents have exactly 1.
 * With `partial`, the last sentence may be cut short (a greedy output that hit its length limit).
 */
export function countDocumentParses(tokens: readonly string[], partial = false): number {
  const n = tokens.length;
  if (n === 0) return 0;
  // ways[pos][q]: parses of tokens[0, pos) whose last sentence was (q = 1) or was not (q = 0) a quiz list.
  const ways = Array.from({ length: n + 1 }, () => [0, 0]);
  ways[0][0] = 1;
  for (let pos = 0; pos < n; pos++) {
    const [notQuiz, quiz] = ways[pos];
    if (notQuiz + quiz === 0) continue;
    for (const gt of candidates(tokens, pos)) {
      const before = gt.isQuiz ? notQuiz : notQuiz + quiz;
      if (before === 0) continue;
      for (const [end, count] of matchTemplate(gt, tokens, pos, partial)) ways[end][gt.isQuiz ? 1 : 0] += before * count;
    }
  }
  return ways[n][0] + ways[n][1];
}

/** Options for `parsesAsTinyWorld`. */
export interface ParseOptions {
  /** Accept a last document without <eos> whose last sentence is cut short. Default false. */
  allowIncompleteEnd?: boolean;
}

/**
 * True when the text (whitespace-separated tokens; documents separated by <eos>) parses under the
 * template grammar. Feed it the prompt and its continuation together, from a document start.
 */
export function parsesAsTinyWorld(text: string, options: ParseOptions = {}): boolean {
  const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return false;
  const documents: string[][] = [[]];
  for (const t of tokens) {
    if (t === '<eos>') documents.push([]);
    else documents[documents.length - 1].push(t);
  }
  const last = documents.pop() as string[];
  if (documents.some((d) => countDocumentParses(d) === 0)) return false;
  if (last.length === 0) return documents.length > 0;
  return countDocumentParses(last, options.allowIncompleteEnd ?? false) > 0;
}
