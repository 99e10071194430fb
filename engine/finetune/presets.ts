// What the fine-tuning lab can train on (curriculum chapter 10, §2.4): each preset is training text,
// optional replay text mixed into every batch, and probes that say whether the lesson's point worked.
import { FT_HELDOUT_CAPITALS, FT_QA_FORMAT, FT_VELMORA, type FactProbe } from '../corpus/fineTuneSets.ts';
import { KNOWN_CAPITALS } from '../corpus/wordLists.ts';

/** The presets a learner can pick. */
export type PresetId = 'new-capitals' | 'velmora' | 'qa-format' | 'custom';

/** Training sentences and the probes that judge them. */
export interface FineTuneData {
  sentences: string[];
  /** Mixed into every batch when replay is on: old facts the model should keep. */
  replay: string[];
  /** New facts the run should teach: after `prompt`, `target` should come top. */
  probes: FactProbe[];
  /** Old facts that should survive (the forgetting check). */
  general: FactProbe[];
}

/** The 24 known-capital sentences: the replay set of C-13 and the forgetting probes. */
export const KNOWN_CAPITAL_SENTENCES: string[] = KNOWN_CAPITALS.map((f) => `the capital of ${f.country} is ${f.capital} .`);
/** "the capital of {country} is" → capital for the 24 known countries. */
export const KNOWN_CAPITAL_PROBES: FactProbe[] = KNOWN_CAPITALS.map((f) => ({ prompt: `the capital of ${f.country} is`, target: f.capital, country: f.country }));

/** Most sentences a learner's own data may have (each is one training row). */
export const MAX_CUSTOM_SENTENCES = 200;

/** Builds the data of a preset; `custom` uses the learner's sentences (already checked against the vocabulary). */
export function presetData(id: PresetId, custom: string[] = []): FineTuneData {
  switch (id) {
    case 'new-capitals':
      return {
        sentences: [...FT_HELDOUT_CAPITALS.sentences, ...FT_VELMORA.sentences],
        replay: KNOWN_CAPITAL_SENTENCES,
        probes: [...FT_HELDOUT_CAPITALS.probes, ...FT_VELMORA.probes],
        general: KNOWN_CAPITAL_PROBES,
      };
    case 'velmora':
      return { sentences: [...FT_VELMORA.sentences], replay: KNOWN_CAPITAL_SENTENCES, probes: [...FT_VELMORA.probes], general: KNOWN_CAPITAL_PROBES };
    case 'qa-format':
      return { sentences: [...FT_QA_FORMAT.dialogues], replay: [], probes: [], general: KNOWN_CAPITAL_PROBES };
    case 'custom':
      return { sentences: custom.slice(0, MAX_CUSTOM_SENTENCES), replay: KNOWN_CAPITAL_SENTENCES, probes: [], general: KNOWN_CAPITAL_PROBES };
  }
}
