/**
 * Fine-tuning sets of curriculum §2.4: new facts (ft-heldout-capitals, ft-velmora), the
 * question-and-answer format (ft-qa-format) and preference candidates. Texts are token-level,
 * like the corpus; dialogues end in <eos>, plain fact sentences do not (they are single sentences).
 */
import { articleFor } from './articles.ts';
import { spreadPick } from './heldOut.ts';
import { FRUIT_COLOURS } from './templatesApple.ts';
import { DAYS, FRUITS, HELD_OUT_CAPITALS, INVENTED_CAPITALS, KNOWN_CAPITALS } from './wordLists.ts';
import type { CapitalFact } from './wordLists.ts';

/** A next-token probe: after `prompt`, the model should put `target` on top. */
export interface FactProbe {
  prompt: string;
  target: string;
  /** The country the probe is about, when it is a capital probe. */
  country?: string;
}

/** The six templates the fact sets train on; each ends with the capital. */
const TRAIN_TEMPLATES: readonly ((f: CapitalFact) => string)[] = [
  (f) => `the capital of ${f.country} is ${f.capital} .`,
  (f) => `${f.capital} is the capital of ${f.country} .`,
  (f) => `the capital city of ${f.country} is ${f.capital} .`,
  (f) => `${f.country} has its capital in ${f.capital} .`,
  (f) => `in ${f.country} , the capital is ${f.capital} .`,
  (f) => `${f.capital} is the capital city of ${f.country} .`,
];

/** Two paraphrases never trained on: they *report* whether a new fact generalises. */
const KEPT_BACK_TEMPLATES: readonly ((f: CapitalFact) => string)[] = [
  (f) => `the government of ${f.country} sits in ${f.capital} .`,
  (f) => `${f.country} is ruled from ${f.capital} .`,
];

/** Splits "… {capital} ." into the prompt before the capital and the capital itself. */
function probeOf(sentence: string, f: CapitalFact): FactProbe {
  const prompt = sentence.slice(0, sentence.lastIndexOf(` ${f.capital} .`));
  return { prompt, target: f.capital, country: f.country };
}

/** A fact set: training sentences plus probes on the main template and on the kept-back paraphrases. */
export interface FactSet {
  id: 'ft-heldout-capitals' | 'ft-velmora';
  facts: readonly CapitalFact[];
  sentences: string[];
  /** "the capital of {country} is" → capital, for each fact. */
  probes: FactProbe[];
  /** The kept-back paraphrases, as probes (report only). */
  paraphraseProbes: FactProbe[];
}

function factSet(id: FactSet['id'], facts: readonly CapitalFact[]): FactSet {
  return {
    id,
    facts,
    sentences: facts.flatMap((f) => TRAIN_TEMPLATES.map((t) => t(f))),
    probes: facts.map((f) => probeOf(TRAIN_TEMPLATES[0](f), f)),
    paraphraseProbes: facts.flatMap((f) => KEPT_BACK_TEMPLATES.map((t) => probeOf(t(f), f))),
  };
}

/** 8 held-out pairs × 6 templates = 48 sentences. */
export const FT_HELDOUT_CAPITALS: FactSet = factSet('ft-heldout-capitals', HELD_OUT_CAPITALS);
/** velmora → quorvia and the spare tarsin → olvec, 6 templates each (velmora's six first). */
export const FT_VELMORA: FactSet = factSet('ft-velmora', INVENTED_CAPITALS);

/** The 8 known pairs kept out of ft-qa-format, so C-14 can test transfer of the format. */
export const QA_RESERVED_CAPITALS: readonly CapitalFact[] = spreadPick(KNOWN_CAPITALS, 8);
/** The 16 known pairs ft-qa-format asks about. */
export const QA_TRAINED_CAPITALS: readonly CapitalFact[] = KNOWN_CAPITALS.filter((f) => !QA_RESERVED_CAPITALS.includes(f));

/** One dialogue: `<user> question <bot> answer <eos>`. */
export const dialogue = (question: string, answer: string): string => `<user> ${question} <bot> ${answer} <eos>`;
/** The prompt a dialogue probe feeds the model: the question up to and including <bot>. */
export const dialoguePrompt = (question: string): string => `<user> ${question} <bot>`;

// Answers are the bare fact ("{capital} ."), as in curriculum §2.4: a full-sentence answer ("the capital of spain
// is madrid .") needs the country copied from the question, which pretraining never shows, and with those answers
// in the set the model learned one fixed sentence for every question (C-14 measured 0/8 after).
function qaDialogues(): string[] {
  const out: string[] = [];
  for (const f of QA_TRAINED_CAPITALS) {
    const questions = [
      `what is the capital of ${f.country} ?`, `what is the capital city of ${f.country} ?`,
      `which city is the capital of ${f.country} ?`, `what city is the capital of ${f.country} ?`,
      `do you know the capital of ${f.country} ?`, `do you know the capital city of ${f.country} ?`,
      `please , what is the capital of ${f.country} ?`, `do you know which city is the capital of ${f.country} ?`,
    ];
    for (const q of questions) out.push(dialogue(q, `${f.capital} .`));
  }
  for (const fruit of FRUITS) {
    const colour = FRUIT_COLOURS[fruit];
    const questions = [
      `what colour is ${articleFor(fruit)} ${fruit} ?`, `what colour is the ${fruit} ?`,
      `which colour is ${articleFor(fruit)} ${fruit} ?`, `do you know the colour of the ${fruit} ?`,
    ];
    for (const q of questions) out.push(dialogue(q, `${colour} .`));
  }
  DAYS.forEach((day, i) => {
    const next = DAYS[(i + 1) % DAYS.length];
    const questions = [`what day comes after ${day} ?`, `what comes after ${day} ?`, `which day comes after ${day} ?`, `what is the day after ${day} ?`];
    for (const q of questions) out.push(dialogue(q, `${next} .`));
  });
  return out;
}

/** ≈ 200 question-and-answer dialogues: 16 known capitals, fruit colours and days. */
export const FT_QA_FORMAT: { id: 'ft-qa-format'; dialogues: string[] } = { id: 'ft-qa-format', dialogues: qaDialogues() };

/** C-14's probes: the 8 reserved pairs asked in dialogue format. */
export const QA_RESERVED_PROBES: readonly FactProbe[] = QA_RESERVED_CAPITALS.map((f) => ({
  prompt: dialoguePrompt(`what is the capital of ${f.country} ?`),
  target: f.capital,
  country: f.country,
}));

/** One candidate answer for preference tuning. */
export interface PreferenceAnswer {
  text: string;
  correct: boolean;
  flattering: boolean;
}

/** A question with four answers: right, wrong, and a flattering version of each. */
export interface PreferenceItem {
  prompt: string;
  answers: PreferenceAnswer[];
}

function preferenceItem(question: string, right: string, wrong: string): PreferenceItem {
  const answer = (text: string, correct: boolean, flattering: boolean): PreferenceAnswer => ({
    text: `${flattering ? 'great question ! ' : ''}${text} . <eos>`, correct, flattering,
  });
  return {
    prompt: dialoguePrompt(question),
    answers: [answer(right, true, false), answer(wrong, false, false), answer(right, true, true), answer(wrong, false, true)],
  };
}

/** 10 preference questions × 4 answers (6 capitals, 2 colours, 2 days). */
export const PREFERENCE_CANDIDATES: readonly PreferenceItem[] = [
  ...spreadPick(QA_TRAINED_CAPITALS, 6).map((f) => {
    const wrong = KNOWN_CAPITALS[(KNOWN_CAPITALS.indexOf(f) + 1) % KNOWN_CAPITALS.length].capital;
    return preferenceItem(`what is the capital of ${f.country} ?`, f.capital, wrong);
  }),
  preferenceItem('what colour is a banana ?', 'yellow', 'blue'),
  preferenceItem('what colour is a cherry ?', 'red', 'green'),
  preferenceItem('what day comes after monday ?', 'tuesday', 'friday'),
  preferenceItem('what day comes after saturday ?', 'sunday', 'wednesday'),
];

/** Every fine-tuning and preference text, for vocabulary checks. */
export function allFineTuneTexts(): string[] {
  return [
    ...FT_HELDOUT_CAPITALS.sentences, ...FT_VELMORA.sentences,
    ...[...FT_HELDOUT_CAPITALS.paraphraseProbes, ...FT_VELMORA.paraphraseProbes].map((p) => `${p.prompt} ${p.target}`),
    ...FT_QA_FORMAT.dialogues,
    ...PREFERENCE_CANDIDATES.flatMap((p) => p.answers.map((a) => `${p.prompt} ${a.text}`)),
  ];
}
