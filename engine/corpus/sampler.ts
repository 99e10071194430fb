/**
 * Draws one sentence (a filled template) and its cost in nats. Choices that depend on what came
 * before — no quiz right after a quiz (so list boundaries stay readable), distinct countries in a
 * quiz, and the held-out blocking rule — renormalise over what is allowed, so every cost is exact.
 */
import { fixArticles } from './articles.ts';
import { choiceNats, cumulative, drawIndex } from './entropy.ts';
import { allTemplates } from './templates.ts';
import type { SlotRecord, Template, Variable } from './templateModel.ts';
import { fieldTokens } from './templateModel.ts';
import { HELD_OUT_CAPITALS } from './wordLists.ts';

/** Held-out entity words → { pair index, kind }, for the "never together" rule (C-12). */
export const HELD_OUT_ENTITY = new Map<string, { pair: number; kind: 'country' | 'capital' }>(
  HELD_OUT_CAPITALS.flatMap((f, pair) => [
    [f.country, { pair, kind: 'country' as const }],
    [f.capital, { pair, kind: 'capital' as const }],
  ]),
);

/** Answers "may this held-out entity be named now?" for the stream being written. */
export type EntityGate = (word: string) => boolean;

interface CompiledVariable {
  variable: Variable;
  records: SlotRecord[];
  weights: number[];
  cum: Float64Array;
  /** Fields the template reads from this variable. */
  fields: string[];
  /** Records naming a held-out country or capital in a read field: these need the gate. */
  gated: boolean;
  /** Earlier variables in the same `distinct` group. */
  distinctFrom: string[];
}

interface CompiledTemplate {
  template: Template;
  probability: number;
  isQuiz: boolean;
  variables: CompiledVariable[];
}

/** One drawn sentence. */
export interface DrawnSentence {
  template: Template;
  tokens: string[];
  records: Record<string, SlotRecord>;
  nats: number;
}

const recordKey = (r: SlotRecord): string => Object.values(r).map((v) => fieldTokens(v).join(' ')).join('|');

function compileVariable(t: Template, v: Variable, index: number): CompiledVariable {
  const fields = [...new Set(t.parts.flatMap((p) => ('variable' in p && p.variable === v.name ? [p.field] : [])))];
  const keep = v.records.map((r) => !(v.heldBack?.(r) ?? false));
  const records = v.records.filter((_, i) => keep[i]);
  const weights = (v.weights ?? v.records.map(() => 1)).filter((_, i) => keep[i]);
  const gated = records.some((r) => fields.some((f) => fieldTokens(r[f]).some((w) => HELD_OUT_ENTITY.has(w))));
  const earlier = t.variables.slice(0, index).map((x) => x.name);
  const distinctFrom = (t.distinct ?? []).filter((g) => g.includes(v.name)).flatMap((g) => g.filter((n) => earlier.includes(n)));
  return { variable: v, records, weights, cum: cumulative(weights), fields, gated, distinctFrom };
}

let compiled: CompiledTemplate[] | undefined;

function compiledTemplates(): CompiledTemplate[] {
  compiled ??= allTemplates().map(({ template, probability }) => ({
    template,
    probability,
    isQuiz: template.tags?.includes('quiz') ?? false,
    variables: template.variables.map((v, i) => compileVariable(template, v, i)),
  }));
  return compiled;
}

function allowedByGate(cv: CompiledVariable, r: SlotRecord, gate: EntityGate): boolean {
  return cv.fields.every((f) => fieldTokens(r[f]).every((w) => !HELD_OUT_ENTITY.has(w) || gate(w)));
}

/** Draws a record for one variable; returns its index in cv.records and the cost. */
function drawRecord(cv: CompiledVariable, rng: () => number, gate: EntityGate, chosen: Record<string, SlotRecord>): { record: SlotRecord; nats: number } {
  if (!cv.gated && cv.distinctFrom.length === 0) {
    const i = drawIndex(rng(), cv.cum);
    return { record: cv.records[i], nats: choiceNats(cv.weights[i], cv.cum[cv.cum.length - 1]) };
  }
  const taken = new Set(cv.distinctFrom.map((n) => recordKey(chosen[n])));
  const idx: number[] = [];
  for (let i = 0; i < cv.records.length; i++) {
    const r = cv.records[i];
    if (taken.size > 0 && taken.has(recordKey(r))) continue;
    if (cv.gated && !allowedByGate(cv, r, gate)) continue;
    idx.push(i);
  }
  const cum = cumulative(idx.map((i) => cv.weights[i]));
  const k = drawIndex(rng(), cum);
  return { record: cv.records[idx[k]], nats: choiceNats(cv.weights[idx[k]], cum[cum.length - 1]) };
}

/** A gated template is available only if each gated variable still has an allowed record. */
function available(ct: CompiledTemplate, previousWasQuiz: boolean, gate: EntityGate): boolean {
  if (ct.isQuiz && previousWasQuiz) return false;
  return ct.variables.every((cv) => !cv.gated || cv.records.some((r) => allowedByGate(cv, r, gate)));
}

/** Fills a template's parts from chosen records and fixes its articles. */
export function render(template: Template, records: Record<string, SlotRecord>): string[] {
  const tokens: string[] = [];
  for (const part of template.parts) {
    if ('literal' in part) tokens.push(part.literal);
    else tokens.push(...fieldTokens(records[part.variable][part.field]));
  }
  return fixArticles(tokens);
}

/** Template weights for the two quiz states when nothing is gated shut (the usual case). */
let staticWeights: { afterQuiz: number[]; otherwise: number[]; cumAfterQuiz: Float64Array; cumOtherwise: Float64Array } | undefined;
let gatedTemplates: number[] | undefined;

/** The template weights for this draw: a cached table unless the gate closes a template. */
function templateWeights(previousWasQuiz: boolean, gate: EntityGate): { weights: number[]; cum: Float64Array } {
  const templates = compiledTemplates();
  if (!staticWeights || !gatedTemplates) {
    const afterQuiz = templates.map((ct) => (ct.isQuiz ? 0 : ct.probability));
    const otherwise = templates.map((ct) => ct.probability);
    staticWeights = { afterQuiz, otherwise, cumAfterQuiz: cumulative(afterQuiz), cumOtherwise: cumulative(otherwise) };
    gatedTemplates = templates.flatMap((ct, i) => (ct.variables.some((cv) => cv.gated) ? [i] : []));
  }
  const base = previousWasQuiz ? staticWeights.afterQuiz : staticWeights.otherwise;
  const closed = gatedTemplates.filter((i) => base[i] > 0 && !available(templates[i], previousWasQuiz, gate));
  if (closed.length === 0) return { weights: base, cum: previousWasQuiz ? staticWeights.cumAfterQuiz : staticWeights.cumOtherwise };
  const weights = base.map((w, i) => (closed.includes(i) ? 0 : w));
  return { weights, cum: cumulative(weights) };
}

/** Draws one sentence: a template (renormalised over the available ones), then each variable. */
export function drawSentence(rng: () => number, previousWasQuiz: boolean, gate: EntityGate): DrawnSentence {
  const templates = compiledTemplates();
  const { weights, cum } = templateWeights(previousWasQuiz, gate);
  const ti = drawIndex(rng(), cum);
  const ct = templates[ti];
  let nats = choiceNats(weights[ti], cum[cum.length - 1]);
  const records: Record<string, SlotRecord> = {};
  for (const cv of ct.variables) {
    const drawn = drawRecord(cv, rng, gate, records);
    records[cv.variable.name] = drawn.record;
    nats += drawn.nats;
  }
  return { template: ct.template, tokens: render(ct.template, records), records, nats };
}
