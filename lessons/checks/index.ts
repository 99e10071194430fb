// Every exercise check in the course, keyed by exercise id. A unit test makes sure each exercise declared in a
// lesson's frontmatter has exactly one entry here. Add a chapter's checks by spreading its table in.
import { softmaxChecks } from './softmax.ts';
import { oneTokenChecks } from './oneToken.ts';
import { positionChecks } from './position.ts';
import { tokensChecks } from './tokens.ts';
import { embeddingsChecks } from './embeddings.ts';
import { similarityChecks } from './similarity.ts';
import { attentionChecks } from './attention.ts';
import { attentionToyChecks } from './attentionToy.ts';
import { fineTuningChecks } from './fineTuning.ts';
import { maskingChecks } from './masking.ts';
import { fineTuneLabChecks } from './fineTuneLab.ts';
import { fullBlockChecks } from './fullBlock.ts';
import type { ExerciseCheck } from './types.ts';

/** Exercise id → check. */
export const exerciseChecks: Record<string, ExerciseCheck> = {
  ...oneTokenChecks,
  ...softmaxChecks,
  ...positionChecks,
  ...tokensChecks,
  ...similarityChecks,
  ...embeddingsChecks,
  ...fullBlockChecks,
  ...attentionChecks,
  ...attentionToyChecks,
  ...fineTuningChecks,
  ...maskingChecks,
  ...fineTuneLabChecks,
};
