/** Counts gathered while the corpus is generated: sizes, H_gen, family shares, apple senses, capitals. */
import { perToken } from './entropy.ts';
import type { DrawnSentence } from './sampler.ts';
import type { FamilyId } from './templateModel.ts';
import { courseVocabulary } from './vocabulary.ts';

/** The statistics `generateCorpus` reports (and the CLI prints). */
export interface CorpusStats {
  documents: number;
  trainDocuments: number;
  validationDocuments: number;
  sentences: number;
  tokens: number;
  trainTokens: number;
  validationTokens: number;
  vocabularySize: number;
  /** H_gen over the whole corpus, nats per token (every token counted, <eos> included). */
  hGen: number;
  hGenTrain: number;
  hGenValidation: number;
  familyCounts: Record<string, number>;
  familyShares: Record<string, number>;
  /** F1 sentences containing "apple" (fruit sense) and F2 sentences containing it (company sense). */
  appleFruitSentences: number;
  appleCompanySentences: number;
  /** Share of F1 (resp. F2) sentences that contain "apple". */
  appleShareF1: number;
  appleShareF2: number;
  /** Among F1/F2 sentences containing "apple", the share whose sense cue comes first. */
  appleCueBeforeShare: number;
  /** Per known country: sentences stating its capital ("the capital of … is …" or "… is the capital of …"). */
  capitalSentences: Record<string, number>;
  /** Occurrences of "the capital of {country} is {capital} ." and the share that end their doc. */
  capitalFactSentences: number;
  capitalFactEndsDocumentShare: number;
}

/** Accumulates CorpusStats sentence by sentence. */
export class CorpusStatsCollector {
  private s = {
    documents: 0, trainDocuments: 0, sentences: 0, tokens: 0, trainTokens: 0,
    nats: 0, trainNats: 0, appleFruit: 0, appleCompany: 0, appleCueBefore: 0, f1: 0, f2: 0,
    facts: 0, factsEnding: 0,
  };
  private families: Record<string, number> = {};
  private capitals: Record<string, number> = {};

  /** Records one sentence; `endsDocument` is true when the doc stops right after it. */
  addSentence(drawn: DrawnSentence, endsDocument: boolean): void {
    const { template } = drawn;
    const family: FamilyId = template.family;
    this.s.sentences++;
    this.families[family] = (this.families[family] ?? 0) + 1;
    if (family === 'F1') this.s.f1++;
    if (family === 'F2') this.s.f2++;
    if ((family === 'F1' || family === 'F2') && drawn.tokens.includes('apple')) {
      if (family === 'F1') this.s.appleFruit++;
      else this.s.appleCompany++;
      if (template.cueBeforeApple) this.s.appleCueBefore++;
    }
    if (template.id === 'f5-fact' || template.id === 'f5-reverse') {
      const country = drawn.records.f.country as string;
      this.capitals[country] = (this.capitals[country] ?? 0) + 1;
    }
    if (template.tags?.includes('capitalFact')) {
      this.s.facts++;
      if (endsDocument) this.s.factsEnding++;
    }
  }

  /** Records a finished doc. */
  addDocument(doc: { split: 'train' | 'validation'; tokenCount: number; nats: number }): void {
    this.s.documents++;
    this.s.tokens += doc.tokenCount;
    this.s.nats += doc.nats;
    if (doc.split === 'train') {
      this.s.trainDocuments++;
      this.s.trainTokens += doc.tokenCount;
      this.s.trainNats += doc.nats;
    }
  }

  /** The final statistics. */
  finish(): CorpusStats {
    const s = this.s;
    const validationTokens = s.tokens - s.trainTokens;
    const shares: Record<string, number> = {};
    for (const [f, c] of Object.entries(this.families)) shares[f] = c / s.sentences;
    return {
      documents: s.documents,
      trainDocuments: s.trainDocuments,
      validationDocuments: s.documents - s.trainDocuments,
      sentences: s.sentences,
      tokens: s.tokens,
      trainTokens: s.trainTokens,
      validationTokens,
      vocabularySize: courseVocabulary().length,
      hGen: perToken(s.nats, s.tokens),
      hGenTrain: perToken(s.trainNats, s.trainTokens),
      hGenValidation: perToken(s.nats - s.trainNats, validationTokens),
      familyCounts: { ...this.families },
      familyShares: shares,
      appleFruitSentences: s.appleFruit,
      appleCompanySentences: s.appleCompany,
      appleShareF1: s.f1 ? s.appleFruit / s.f1 : 0,
      appleShareF2: s.f2 ? s.appleCompany / s.f2 : 0,
      appleCueBeforeShare: s.appleFruit + s.appleCompany ? s.appleCueBefore / (s.appleFruit + s.appleCompany) : 0,
      capitalSentences: { ...this.capitals },
      capitalFactSentences: s.facts,
      capitalFactEndsDocumentShare: s.facts ? s.factsEnding / s.facts : 0,
    };
  }
}
