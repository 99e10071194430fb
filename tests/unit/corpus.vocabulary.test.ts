// courseVocabulary, fine-tuning sets and acceptance prompts: closed vocabulary and the §2.4 sizes.
import { describe, expect, it } from 'vitest';
import { courseVocabulary, FUNCTION_WORDS } from '../../engine/corpus/vocabulary.ts';
import { allTemplates } from '../../engine/corpus/templates.ts';
import {
  FT_HELDOUT_CAPITALS, FT_QA_FORMAT, FT_VELMORA, PREFERENCE_CANDIDATES, QA_RESERVED_CAPITALS, allFineTuneTexts,
} from '../../engine/corpus/fineTuneSets.ts';
import { ACCEPTANCE_PROMPTS, LESSON_PROMPTS } from '../../engine/corpus/acceptancePrompts.ts';
import { listsOf } from '../../engine/corpus/wordLists.ts';

const vocab = courseVocabulary();
const inVocab = new Set(vocab);
const tokensOf = (text: string): string[] => text.split(' ');

describe('courseVocabulary', () => {
  it('starts with the agreed special tokens and punctuation, has no duplicates, and V = 400', () => {
    expect(vocab.slice(0, 10)).toEqual(['<pad>', '<unk>', '<eos>', '<user>', '<bot>', '.', ',', '?', '!', ':']);
    expect(new Set(vocab).size).toBe(vocab.length);
    expect(vocab.length).toBe(400);
    expect(courseVocabulary()).toEqual(vocab); // stable order
    for (const w of vocab.slice(10)) expect(w).toMatch(/^[a-z]+$/);
  });

  it('contains every §2.2 word, including both lists of "apple" and "orange"', () => {
    for (const w of ['apple', 'orange', 'zentek', 'elephant', 'empress', 'ghana', 'accra', 'brasilia', 'rio', 'velmora', 'quorvia', 'olvec', 'sunday', 'twenty', 'kingdom']) {
      expect(inVocab.has(w), w).toBe(true);
    }
    expect(listsOf('apple').sort()).toEqual(['companies', 'fruits']);
    expect(listsOf('orange').sort()).toEqual(['colours', 'fruits']);
    expect(listsOf('the')).toEqual([]);
  });

  it('covers every template word, fine-tuning text, lesson prompt and acceptance prompt', () => {
    for (const { template } of allTemplates()) {
      for (const part of template.parts) if ('literal' in part) expect(inVocab.has(part.literal), part.literal).toBe(true);
    }
    const texts = [
      ...allFineTuneTexts(), ...LESSON_PROMPTS, ...ACCEPTANCE_PROMPTS.greedyPrompts,
      ...ACCEPTANCE_PROMPTS.knownCapitals.map((p) => `${p.prompt} ${p.target}`),
      ...ACCEPTANCE_PROMPTS.coreference.flatMap((p) => [p.hungry, p.delicious]),
      ...ACCEPTANCE_PROMPTS.counting.map((p) => `${p.prompt} ${p.target}`),
      ...ACCEPTANCE_PROMPTS.heldOutFacts.map((p) => `${p.prompt} ${p.target} ${p.distractor ?? ''}`.trim()),
      ...ACCEPTANCE_PROMPTS.qaReserved.map((p) => `${p.prompt} ${p.target}`),
      ...ACCEPTANCE_PROMPTS.appleProbes.map((p) => p.text),
    ];
    for (const text of texts) for (const t of tokensOf(text)) expect(inVocab.has(t), `${t} in "${text}"`).toBe(true);
  });

  it('lists only function words that some template or fine-tuning text uses', () => {
    const used = new Set<string>();
    for (const { template } of allTemplates()) for (const part of template.parts) if ('literal' in part) used.add(part.literal);
    for (const text of allFineTuneTexts()) for (const t of tokensOf(text)) used.add(t);
    used.add('an'); // templates write "a"; articles.ts turns it into "an" before a vowel sound
    // Slot-only function words (weather, drinks) come from filler records, not literals.
    const slotWords = new Set<string>();
    for (const { template } of allTemplates()) for (const v of template.variables) for (const r of v.records) for (const x of Object.values(r)) [x].flat().forEach((w) => slotWords.add(w));
    for (const w of FUNCTION_WORDS) expect(used.has(w) || slotWords.has(w), w).toBe(true);
  });
});

describe('fine-tuning sets', () => {
  it('ft-heldout-capitals has 8 pairs × 6 templates and 2 kept-back paraphrases per pair', () => {
    expect(FT_HELDOUT_CAPITALS.sentences).toHaveLength(48);
    expect(new Set(FT_HELDOUT_CAPITALS.sentences).size).toBe(48);
    expect(FT_HELDOUT_CAPITALS.paraphraseProbes).toHaveLength(16);
    const trained = FT_HELDOUT_CAPITALS.sentences.join(' | ');
    for (const p of FT_HELDOUT_CAPITALS.paraphraseProbes) expect(trained.includes(p.prompt), p.prompt).toBe(false);
    expect(FT_HELDOUT_CAPITALS.probes.map((p) => `${p.prompt} ${p.target}`)).toContain('the capital of turkey is ankara');
  });

  it('ft-velmora teaches velmora → quorvia and tarsin → olvec with 6 sentences each', () => {
    expect(FT_VELMORA.sentences).toHaveLength(12);
    expect(FT_VELMORA.sentences.filter((s) => s.includes('velmora') && s.includes('quorvia'))).toHaveLength(6);
    expect(FT_VELMORA.sentences.filter((s) => s.includes('tarsin') && s.includes('olvec'))).toHaveLength(6);
  });

  it('ft-qa-format holds ≈ 200 dialogues over 16 known pairs, colours and days, never the 8 reserved pairs', () => {
    const dialogues = FT_QA_FORMAT.dialogues;
    expect(dialogues.length).toBeGreaterThanOrEqual(180);
    expect(dialogues.length).toBeLessThanOrEqual(220);
    for (const d of dialogues) expect(d).toMatch(/^<user> [a-z ,]+ \? <bot> [a-z ]+ \. <eos>$/);
    expect(QA_RESERVED_CAPITALS).toHaveLength(8);
    const text = ` ${dialogues.join(' ')} `;
    for (const f of QA_RESERVED_CAPITALS) {
      expect(text.includes(` ${f.country} `), f.country).toBe(false);
      expect(text.includes(` ${f.capital} `), f.capital).toBe(false);
    }
    const countries = new Set(dialogues.map((d) => /capital (?:city )?of (\w+) \?/.exec(d)?.[1]).filter(Boolean));
    expect(countries.size).toBe(16);
    expect(dialogues.some((d) => d.includes('what colour is a banana ? <bot> yellow .'))).toBe(true);
    expect(dialogues.some((d) => d.includes('what colour is an apple ?'))).toBe(true);
    expect(dialogues.some((d) => d.includes('what day comes after sunday ? <bot> monday .'))).toBe(true);
  });

  it('has 10 preference questions, each with right, wrong and a flattering version of both', () => {
    expect(PREFERENCE_CANDIDATES).toHaveLength(10);
    for (const item of PREFERENCE_CANDIDATES) {
      expect(item.prompt).toMatch(/^<user> .* \? <bot>$/);
      expect(item.answers.map((a) => [a.correct, a.flattering])).toEqual([[true, false], [false, false], [true, true], [false, true]]);
      expect(item.answers[2].text).toBe(`great question ! ${item.answers[0].text}`);
      expect(item.answers[0].text).not.toBe(item.answers[1].text);
    }
  });
});

describe('acceptance prompts', () => {
  it('have the §2.4–2.5 sizes and shapes', () => {
    expect(ACCEPTANCE_PROMPTS.knownCapitals).toHaveLength(24);
    expect(ACCEPTANCE_PROMPTS.appleProbes.filter((p) => p.sense === 'fruit')).toHaveLength(30);
    expect(ACCEPTANCE_PROMPTS.appleProbes.filter((p) => p.sense === 'company')).toHaveLength(30);
    expect(new Set(ACCEPTANCE_PROMPTS.appleProbes.map((p) => p.text)).size).toBe(60);
    for (const p of ACCEPTANCE_PROMPTS.appleProbes) {
      expect(p.tokens).toHaveLength(5);
      expect(p.tokens[4]).toBe('apple');
    }
    expect(ACCEPTANCE_PROMPTS.coreference).toHaveLength(20);
    expect(ACCEPTANCE_PROMPTS.coreference.some((p) => p.animal === 'bear' && p.food === 'honey')).toBe(false);
    expect(ACCEPTANCE_PROMPTS.wordOrder).toHaveLength(30);
    expect(ACCEPTANCE_PROMPTS.copying).toHaveLength(50);
    expect(ACCEPTANCE_PROMPTS.counting).toHaveLength(66);
    expect(ACCEPTANCE_PROMPTS.heldOutFacts.map((p) => p.country)).toEqual([
      'brazil', 'nigeria', 'australia', 'turkey', 'canada', 'pakistan', 'morocco', 'switzerland', 'velmora',
    ]);
    expect(ACCEPTANCE_PROMPTS.qaReserved).toHaveLength(8);
    expect(ACCEPTANCE_PROMPTS.greedyPrompts).toHaveLength(20);
    expect([...ACCEPTANCE_PROMPTS.store.top3Within].sort()).toEqual(['apple', 'egg', 'onion', 'orange']);
  });
});
