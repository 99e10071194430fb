// parsesAsTinyWorld / countDocumentParses: generated text parses exactly one way; shuffled text does not.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../engine/corpus/generator.ts';
import { countDocumentParses, parsesAsTinyWorld } from '../../engine/corpus/grammar.ts';
import { ACCEPTANCE_PROMPTS } from '../../engine/corpus/acceptancePrompts.ts';
import { APPLE_PROBES } from '../../engine/corpus/heldOut.ts';
import { createRng } from '../../engine/rng.ts';

const corpus = generateCorpus({ seed: 21, documents: 1500 });

describe('template grammar', () => {
  it('parses every generated document in exactly one way (so H_gen is the text\'s own entropy)', () => {
    for (const d of corpus.documents) {
      const tokens = d.text.split(' ');
      expect(tokens.pop()).toBe('<eos>');
      expect(countDocumentParses(tokens), d.text).toBe(1);
    }
    expect(parsesAsTinyWorld(corpus.trainText.split('\n').slice(0, 200).join('\n'))).toBe(true);
  });

  it('rejects most sentences whose tokens were shuffled', () => {
    const rng = createRng(77);
    let parsed = 0, total = 0;
    for (const d of corpus.documents.slice(0, 400)) {
      for (const s of d.sentences) {
        const t = s.text.split(' ');
        for (let i = t.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [t[i], t[j]] = [t[j], t[i]];
        }
        if (t.join(' ') === s.text) continue; // a shuffle that changed nothing
        total++;
        if (parsesAsTinyWorld(`${t.join(' ')} <eos>`)) parsed++;
      }
    }
    expect(total).toBeGreaterThan(500);
    expect(parsed / total).toBeLessThan(0.05);
  });

  it('rejects wrong facts, broken articles, unknown words and answered held-out facts', () => {
    expect(parsesAsTinyWorld('the capital of france is paris . <eos>')).toBe(true);
    expect(parsesAsTinyWorld('the capital of france is rome . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('the capital of brazil is brasilia . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('in the store , i bought an apple . <eos>')).toBe(true);
    expect(parsesAsTinyWorld('in the store , i bought a apple . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('in the store , i bought an banana . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('the unicorn ate the honey because it was hungry . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('red blue green . again : red blue grey . <eos>')).toBe(false);
    expect(parsesAsTinyWorld('')).toBe(false);
  });

  it('accepts held-out probe combinations (they are valid TinyWorld, only never sampled)', () => {
    for (const p of APPLE_PROBES) expect(parsesAsTinyWorld(p.text, { allowIncompleteEnd: true }), p.text).toBe(true);
    for (const p of ACCEPTANCE_PROMPTS.wordOrder) expect(parsesAsTinyWorld(`${p.prompt} ${p.target} . <eos>`), p.prompt).toBe(true);
    for (const p of ACCEPTANCE_PROMPTS.copying) expect(parsesAsTinyWorld(`${p.prompt} ${p.target} . <eos>`), p.prompt).toBe(true);
  });

  it('accepts a cut-short last sentence only when asked, and needs every earlier document whole', () => {
    const cut = 'the bear ate the honey because it was hungry . so the';
    expect(parsesAsTinyWorld(cut)).toBe(false);
    expect(parsesAsTinyWorld(cut, { allowIncompleteEnd: true })).toBe(true);
    expect(parsesAsTinyWorld(`i saw an elephant at the zoo . <eos> ${cut}`, { allowIncompleteEnd: true })).toBe(true);
    expect(parsesAsTinyWorld(`i saw an elephant at the . <eos> ${cut}`, { allowIncompleteEnd: true })).toBe(false);
    for (const prompt of ACCEPTANCE_PROMPTS.greedyPrompts) {
      expect(parsesAsTinyWorld(prompt, { allowIncompleteEnd: true }), prompt).toBe(true);
    }
  });

  it('reads a quiz list as one sentence and never splits it into two', () => {
    const quiz = 'what is the capital of france ? what is the capital of brazil ? what is the capital of peru ?';
    expect(countDocumentParses(quiz.split(' '))).toBe(1);
    expect(parsesAsTinyWorld('what is the capital of france ? <eos>')).toBe(false);
  });
});
