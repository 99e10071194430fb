// NextTokenStepper's plain data: settings, URL schema, and the view exercise checks read (no runes, testable in Node).
import { z } from 'zod';
import { createRng } from '../../engine/rng.ts';
import { defineWidgetState } from '../kit/urlState.ts';

/** Greedy always takes the top token; sample draws with a seeded generator, so a link replays the same draws. */
export type StepMode = 'greedy' | 'sample';

/** What the learner set and did: the prompt, how tokens are chosen, and the tokens appended so far. */
export interface NextTokenSettings {
  model: string;
  prompt: string;
  mode: StepMode;
  seed: number;
  /** Tokens appended after the prompt, in order (forced or chosen). */
  generated: string[];
}

/** How many candidates the bars show (curriculum W1.1: the top 10, `<eos>` included when it ranks). */
export const TOP_CANDIDATES = 10;

/** Defaults: the C-2 prompt, greedy. */
export const DEFAULT_NEXT_TOKEN: NextTokenSettings = { model: 'tw-learned', prompt: 'the capital of france is', mode: 'greedy', seed: 1, generated: [] };

/** Version 1 of the URL state. */
export const nextTokenState = defineWidgetState<NextTokenSettings>({
  version: 1,
  defaults: DEFAULT_NEXT_TOKEN,
  schema: z.object({
    model: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    prompt: z.string().max(2000),
    mode: z.enum(['greedy', 'sample']),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    generated: z.array(z.string().max(64)).max(64),
  }),
});

/** One bar: a token and its probability. */
export interface CandidateBar { token: string; prob: number }

/** What checks and the view read. */
export interface NextTokenView {
  /** The top candidates for the current context, most likely first. */
  candidates: CandidateBar[];
  /** Probability of each shown candidate by token text (e.g. `view.prob["<eos>"]`). */
  prob: Record<string, number>;
  /** Forward passes run to produce the appended tokens. */
  passes: number;
  /** Why the loop cannot go on, if it cannot. */
  stopped: 'eos' | 'context-full' | null;
}

/** The text the model reads next: prompt plus everything appended, space-separated like the corpus. */
export function contextText(settings: Pick<NextTokenSettings, 'prompt' | 'generated'>): string {
  return [settings.prompt.trim(), ...settings.generated].filter(Boolean).join(' ');
}

/** Builds the view from the latest candidates. */
export function nextTokenView(settings: NextTokenSettings, candidates: CandidateBar[], contextTokens: number, contextLength: number): NextTokenView {
  const last = settings.generated.at(-1);
  const stopped = last === '<eos>' ? 'eos' : contextTokens >= contextLength ? 'context-full' : null;
  return { candidates, prob: Object.fromEntries(candidates.map((c) => [c.token, c.prob])), passes: settings.generated.length, stopped };
}

/** The uniform number for draw number `step` of a seeded run: same seed and step, same draw, in any browser. */
export function drawUniform(seed: number, step: number): number {
  return createRng((seed * 7919 + step) >>> 0)();
}
