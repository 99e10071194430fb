/**
 * C-6: after "the {a} ate the {f} because it was hungry . so the", the animal is likelier than the food
 * (and the reverse with "delicious"). C-6b: the demo head whose attention from the last token follows
 * the referent, chosen exactly as §2.5 says and recorded (layer and head are 0-based, as in trace.layers).
 */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import type { CoreferenceProbe } from '../corpus/acceptancePrompts.ts';
import { forward } from '../model.ts';
import type { Trace } from '../trace.ts';
import { encodeStrict, idOfStrict, softmax64 } from './probes.ts';
import type { CheckOutcome, EvalContext, Json } from './types.ts';
import { fraction, round } from './types.ts';

/** C-6: share of pairs that must resolve "it" the right way, each way. */
export const COREFERENCE_MIN_ACCURACY = 0.85;
/** C-6b: the demo head's margin must reach this. */
export const DEMO_HEAD_MIN_MARGIN = 0.1;
/** C-6b: on the lesson's "hungry" sentence, A_last,bear − A_last,honey must reach this … */
export const LESSON_HUNGRY_MIN = 0.1;
/** … and on its "delicious" version, A_last,honey − A_last,bear must reach this. */
export const LESSON_DELICIOUS_MIN = 0.05;

/** Per layer and head, A[last, a] − A[last, f]. [layer][head] */
export type HeadContrast = number[][];

/** Reads A[last, aPos] − A[last, fPos] for every layer and head of a trace. */
export function attentionContrast(trace: Trace, aPos: number, fPos: number): HeadContrast {
  const { T, nHeads } = trace.dims;
  const last = T - 1;
  return trace.layers.map((layer) =>
    Array.from({ length: nHeads }, (_, h) => {
      const base = h * T * T + last * T;
      return layer.weights[base + aPos] - layer.weights[base + fPos];
    }),
  );
}

/** One prompt's reading: the two probabilities at the last position and the attention contrast. */
export interface CoreferenceReading {
  pAnimal: number;
  pFood: number;
  contrast: HeadContrast;
}

/** Both versions of one animal–food pair. */
export interface CoreferencePair {
  animal: string;
  food: string;
  hungry: CoreferenceReading;
  delicious: CoreferenceReading;
}

function readPrompt(ctx: EvalContext, prompt: string, animal: string, food: string): CoreferenceReading {
  const ids = encodeStrict(ctx.tokenizer, prompt);
  const aId = idOfStrict(ctx.tokenizer, animal);
  const fId = idOfStrict(ctx.tokenizer, food);
  const { logits, trace } = forward(ctx.model, ids, { ...ctx.forwardOptions, trace: true });
  const V = ctx.model.config.vocabSize;
  const probs = softmax64(logits.subarray((ids.length - 1) * V, ids.length * V));
  return { pAnimal: probs[aId], pFood: probs[fId], contrast: attentionContrast(trace!, ids.indexOf(aId), ids.indexOf(fId)) };
}

function readPair(ctx: EvalContext, p: CoreferenceProbe): CoreferencePair {
  return { animal: p.animal, food: p.food, hungry: readPrompt(ctx, p.hungry, p.animal, p.food), delicious: readPrompt(ctx, p.delicious, p.animal, p.food) };
}

/** C-6 / C-6b measurement: the 20 held-out pairs and the lesson sentence (bear/honey). */
export interface CoreferenceMeasurement {
  pairs: CoreferencePair[];
  lesson: CoreferencePair;
}

/** Runs the 42 traced prompts. */
export function measureCoreference(ctx: EvalContext): CoreferenceMeasurement {
  return { pairs: ACCEPTANCE_PROMPTS.coreference.map((p) => readPair(ctx, p)), lesson: readPair(ctx, ACCEPTANCE_PROMPTS.coreferenceLesson) };
}

/** C-6 verdict. */
export function judgeCoreference(m: CoreferenceMeasurement): CheckOutcome {
  const hungryOk = m.pairs.filter((p) => p.hungry.pAnimal > p.hungry.pFood).length;
  const deliciousOk = m.pairs.filter((p) => p.delicious.pFood > p.delicious.pAnimal).length;
  const n = m.pairs.length;
  const lessonHungry = m.lesson.hungry.pAnimal > m.lesson.hungry.pFood;
  const lessonDelicious = m.lesson.delicious.pFood > m.lesson.delicious.pAnimal;
  return {
    id: 'C-6',
    title: 'Coreference: what "it" refers to',
    met: n > 0 && hungryOk / n >= COREFERENCE_MIN_ACCURACY && deliciousOk / n >= COREFERENCE_MIN_ACCURACY && lessonHungry && lessonDelicious,
    measured: { hungry: fraction(hungryOk, n), delicious: fraction(deliciousOk, n), bearHoney: lessonHungry && lessonDelicious },
    threshold: `P(a) > P(f) after "hungry" and P(f) > P(a) after "delicious", each ≥ ${COREFERENCE_MIN_ACCURACY * 100} %; bear/honey both ways`,
    details: m.pairs.map((p) => ({
      pair: `${p.animal}/${p.food}`,
      hungry: [round(p.hungry.pAnimal), round(p.hungry.pFood)],
      delicious: [round(p.delicious.pAnimal), round(p.delicious.pFood)],
    })),
  };
}

/** Everything C-6b's head selection needs: contrasts per probe, and on the two lesson sentences. */
export interface HeadSelectionInput {
  hungry: readonly HeadContrast[];
  delicious: readonly HeadContrast[];
  lessonHungry: HeadContrast;
  lessonDelicious: HeadContrast;
}

/** The chosen head (0-based layer and head) with the numbers that justify it. */
export interface DemoHead {
  layer: number;
  head: number;
  margin: number;
  /** A_last,bear − A_last,honey on the lesson's "hungry" sentence. */
  lessonHungry: number;
  /** A_last,honey − A_last,bear on its "delicious" version. */
  lessonDelicious: number;
}

/** C-6b result: every head's margin, and the demo head (or null when no head meets the lesson conditions). */
export interface HeadSelection {
  margins: number[][];
  demoHead: DemoHead | null;
}

function meanContrast(list: readonly HeadContrast[], l: number, h: number): number {
  return list.length === 0 ? 0 : list.reduce((s, c) => s + c[l][h], 0) / list.length;
}

/**
 * Margin of a head = mean contrast over the "hungry" probes − mean over the "delicious" probes. The demo
 * head has the largest margin among heads meeting both lesson-sentence conditions (ties: lowest layer, head).
 */
export function selectDemoHead(input: HeadSelectionInput): HeadSelection {
  const margins = input.lessonHungry.map((heads, l) => heads.map((_, h) => meanContrast(input.hungry, l, h) - meanContrast(input.delicious, l, h)));
  let demoHead: DemoHead | null = null;
  margins.forEach((heads, l) =>
    heads.forEach((margin, h) => {
      const lessonHungry = input.lessonHungry[l][h];
      const lessonDelicious = -input.lessonDelicious[l][h];
      if (lessonHungry < LESSON_HUNGRY_MIN || lessonDelicious < LESSON_DELICIOUS_MIN) return;
      if (demoHead === null || margin > demoHead.margin) demoHead = { layer: l, head: h, margin, lessonHungry, lessonDelicious };
    }),
  );
  return { margins, demoHead };
}

/** C-6b's selection input from a coreference measurement. */
export function headSelectionInput(m: CoreferenceMeasurement): HeadSelectionInput {
  return {
    hungry: m.pairs.map((p) => p.hungry.contrast),
    delicious: m.pairs.map((p) => p.delicious.contrast),
    lessonHungry: m.lesson.hungry.contrast,
    lessonDelicious: m.lesson.delicious.contrast,
  };
}

/** C-6b verdict from a head selection. */
export function judgeDemoHead(s: HeadSelection): CheckOutcome {
  const best = s.demoHead;
  const head: Json = best && { layer: best.layer, head: best.head, margin: round(best.margin), lessonHungry: round(best.lessonHungry), lessonDelicious: round(best.lessonDelicious) };
  const maxMargin = Math.max(...s.margins.flat());
  return {
    id: 'C-6b',
    title: 'Demo head for coreference',
    met: best !== null && best.margin >= DEMO_HEAD_MIN_MARGIN,
    measured: { demoHead: head, bestMarginAnyHead: round(maxMargin) },
    threshold: `margin ≥ ${DEMO_HEAD_MIN_MARGIN}; lesson: A(bear) − A(honey) ≥ ${LESSON_HUNGRY_MIN} ("hungry"), A(honey) − A(bear) ≥ ${LESSON_DELICIOUS_MIN} ("delicious")`,
    details: { margins: s.margins.map((heads) => heads.map((m) => round(m))) },
  };
}
