import type { AcceptRule } from '../../lib/exerciseSchema';

/** One quiz question as the island receives it: text already rendered to HTML at build time. */
export type QuizItem = {
  /** Progress key: `<lesson>/<question id>`. */
  key: string;
  questionHtml: string;
  explanationHtml: string;
} & (
  | { kind: 'choice'; choicesHtml: string[]; correct: number }
  | { kind: 'short'; accept: AcceptRule; answerHtml: string }
);
