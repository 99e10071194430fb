/**
 * Measurements that need a model run end to end, on hand-built models: the coreference reading (probabilities
 * at the last position and the attention contrast at the animal and food positions), and the fine-tuning
 * checks C-13 … C-15, which the fine-tuning code calls with its models.
 */
import { describe, expect, it } from 'vitest';
import { ANIMALS, FOODS } from '../../engine/corpus/wordLists.ts';
import { headSelectionInput, judgeCoreference, judgeDemoHead, measureCoreference, selectDemoHead } from '../../engine/eval/coreference.ts';
import { checkAfterFineTune, checkOverfitting, checkSft, checkVelmoraAlone } from '../../engine/eval/fineTuneFacts.ts';
import { bigramAnswers, courseTokenizer, lookupModel } from './evalFixtures.ts';

const tokenizer = courseTokenizer();

describe('coreference measurement through the forward pass', () => {
  // Head 0 looks at animals, head 1 at foods; after "so the" the model prefers the animal 2:1 in logit weight.
  const model = lookupModel(tokenizer, { next: { the: { ...Object.fromEntries(ANIMALS.map((a) => [a, 1])), ...Object.fromEntries(FOODS.map((f) => [f, 0.5])) } }, attendTo: [ANIMALS, FOODS] });
  const m = measureCoreference({ model, tokenizer });

  it('reads the contrast at the animal and food positions of every probe', () => {
    expect(m.pairs).toHaveLength(20);
    for (const p of [...m.pairs, m.lesson]) {
      for (const reading of [p.hungry, p.delicious]) {
        expect(reading.contrast).toHaveLength(1);
        expect(reading.contrast[0][0]).toBeCloseTo(1, 4); // head 0: all on the animal
        expect(reading.contrast[0][1]).toBeCloseTo(-1, 4); // head 1: all on the food
        expect(reading.pAnimal).toBeGreaterThan(reading.pFood);
      }
    }
  });

  it('a model that ignores "hungry" vs "delicious" fails C-6 and has no demo head', () => {
    const c6 = judgeCoreference(m);
    expect(c6.measured).toMatchObject({ hungry: '20/20', delicious: '0/20', bearHoney: false });
    expect(c6.met).toBe(false);
    const selection = selectDemoHead(headSelectionInput(m));
    expect(selection.margins[0][0]).toBeCloseTo(0, 4);
    expect(selection.demoHead).toBeNull();
    expect(judgeDemoHead(selection).met).toBe(false);
  });
});

describe('fine-tuning checks called with models', () => {
  const bigram = lookupModel(tokenizer, { next: bigramAnswers() });
  const ctx = (next: Record<string, Record<string, number>>) => ({ model: lookupModel(tokenizer, { next }), tokenizer });

  it('C-13 reads new facts, quorvia, known capitals and the run time', () => {
    const after = checkAfterFineTune(ctx({ is: { brasilia: 1 } }), 12.5);
    expect(after.measured).toMatchObject({ newFacts: '1/8', known: '0/24', seconds: 12.5 });
    expect(after.met).toBe(false);
  });
  it('C-13b: quorvia learned but known capitals lost is a failure', () => {
    const verdict = checkVelmoraAlone(ctx({ is: { quorvia: 1 } }));
    expect(verdict.measured.known).toBe('0/24');
    expect(Number(verdict.measured.pQuorvia)).toBeGreaterThan(0.99);
    expect(verdict.met).toBe(false);
  });
  it('C-14 counts dialogue answers before and after', () => {
    const verdict = checkSft({ model: bigram, tokenizer }, ctx({ '<bot>': { madrid: 1 } }));
    expect(verdict.measured).toEqual({ before: '0/8', after: '1/8' });
    expect(verdict.met).toBe(false);
  });
  it('C-15 compares known-capital accuracy before and after, and the loss curve', () => {
    const verdict = checkOverfitting({ model: bigram, tokenizer }, ctx({}), [3, 2, 1.5, 1.8]);
    expect(verdict.measured).toMatchObject({ knownBefore: 1, knownAfter: 0, minLoss: 1.5, finalLoss: 1.8 });
    expect(verdict.met).toBe(false); // the loss rose 20 % but only one capital was lost
  });
});
