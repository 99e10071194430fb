// What the fine-tuning lab can train on (curriculum chapter 10, §2.4): each preset is training text,
// optional replay text mixed into every batch, held-out text for the validation curve, and probes that
// say whether the lesson's point worked.
import { FT_HELDOUT_CAPITALS, FT_QA_FORMAT, FT_VELMORA, type FactProbe } from '../corpus/fineTuneSets.ts';
import { KNOWN_CAPITALS } from '../corpus/wordLists.ts';

/** The presets a learner can pick. */
export type PresetId = 'new-capitals' | 'velmora' | 'qa-format' | 'overfit' | 'custom';

/** Every preset id, in the order the lab lists them. */
export const PRESET_IDS: readonly PresetId[] = ['velmora', 'new-capitals', 'qa-format', 'overfit', 'custom'];

/** Training sentences and the probes that judge them. */
export interface FineTuneData {
  sentences: string[];
  /** Mixed into every batch when replay is on: old facts the model should keep. */
  replay: string[];
  /** Never trained on: the validation loss is measured on these. */
  heldOut: string[];
  /** New facts the run should teach: after `prompt`, `target` should come top. */
  probes: FactProbe[];
  /** Old facts that should survive (the forgetting check). */
  general: FactProbe[];
}

/** The settings a preset starts from: chosen so the lesson's point shows within seconds on a laptop. */
export interface PresetDefaults { lr: number; steps: number; batch: number; replay: boolean; probeEvery: number }

/** The 24 known-capital sentences: the replay set of C-13 and the forgetting probes. */
export const KNOWN_CAPITAL_SENTENCES: string[] = KNOWN_CAPITALS.map((f) => `the capital of ${f.country} is ${f.capital} .`);
/** "the capital of {country} is" → capital for the 24 known countries. */
export const KNOWN_CAPITAL_PROBES: FactProbe[] = KNOWN_CAPITALS.map((f) => ({ prompt: `the capital of ${f.country} is`, target: f.capital, country: f.country }));

/** Most sentences a learner's own data may have (each is one training row). */
export const MAX_CUSTOM_SENTENCES = 200;

/** The overfitting preset's whole training set: one sentence per held-out country, so it is memorised fast. */
export const OVERFIT_SENTENCES: string[] = FT_HELDOUT_CAPITALS.sentences.filter((_, i) => i % 6 === 0);

/** The same eight facts in the other five training phrasings: the overfitting preset's validation set. */
export const OVERFIT_VALIDATION: string[] = FT_HELDOUT_CAPITALS.sentences.filter((_, i) => i % 6 !== 0);

/** The kept-back paraphrases of a fact set as whole sentences (the fact stated in words never trained on). */
const paraphrases = (probes: readonly FactProbe[]): string[] => probes.map((p) => `${p.prompt} ${p.target} .`);

/** Per preset: learning rate, steps, batch, replay and probe interval the lab starts from. */
export const PRESET_DEFAULTS: Record<PresetId, PresetDefaults> = {
  velmora: { lr: 0.003, steps: 30, batch: 12, replay: true, probeEvery: 2 },
  'new-capitals': { lr: 0.003, steps: 40, batch: 60, replay: true, probeEvery: 4 },
  // With replay of the 24 capital sentences the known facts stay put while the format is learned (C-14: 8/8, 24/24).
  'qa-format': { lr: 0.002, steps: 40, batch: 32, replay: true, probeEvery: 4 },
  // Batch = the whole set, so one step is one epoch; no replay and a high rate, to memorise and forget.
  overfit: { lr: 0.003, steps: 60, batch: OVERFIT_SENTENCES.length, replay: false, probeEvery: 1 },
  custom: { lr: 0.003, steps: 30, batch: 16, replay: true, probeEvery: 2 },
};

/** Builds the data of a preset; `custom` uses the learner's sentences (already checked against the vocabulary). */
export function presetData(id: PresetId, custom: string[] = []): FineTuneData {
  switch (id) {
    case 'new-capitals':
      return {
        sentences: [...FT_HELDOUT_CAPITALS.sentences, ...FT_VELMORA.sentences],
        replay: KNOWN_CAPITAL_SENTENCES,
        heldOut: paraphrases([...FT_HELDOUT_CAPITALS.paraphraseProbes, ...FT_VELMORA.paraphraseProbes]),
        probes: [...FT_HELDOUT_CAPITALS.probes, ...FT_VELMORA.probes],
        general: KNOWN_CAPITAL_PROBES,
      };
    case 'velmora':
      return {
        sentences: [...FT_VELMORA.sentences],
        replay: KNOWN_CAPITAL_SENTENCES,
        heldOut: paraphrases(FT_VELMORA.paraphraseProbes),
        probes: [...FT_VELMORA.probes],
        general: KNOWN_CAPITAL_PROBES,
      };
    case 'qa-format':
      return { sentences: [...FT_QA_FORMAT.dialogues], replay: KNOWN_CAPITAL_SENTENCES, heldOut: [], probes: [], general: KNOWN_CAPITAL_PROBES };
    case 'overfit':
      // Validation: the same facts in the five phrasings it does not train on. It falls while the facts are being
      // learned, then climbs as the one phrasing is memorised and the rest of the language is forgotten.
      return {
        sentences: OVERFIT_SENTENCES,
        replay: KNOWN_CAPITAL_SENTENCES,
        heldOut: OVERFIT_VALIDATION,
        probes: [...FT_HELDOUT_CAPITALS.probes],
        general: KNOWN_CAPITAL_PROBES,
      };
    case 'custom':
      return { sentences: custom.slice(0, MAX_CUSTOM_SENTENCES), replay: KNOWN_CAPITAL_SENTENCES, heldOut: [], probes: [], general: KNOWN_CAPITAL_PROBES };
  }
}
