/** C-8: days and counting continue correctly (three named prompts at p > 0.5; counting from any start ≥ 90 %). */
import { ACCEPTANCE_PROMPTS } from '../corpus/acceptancePrompts.ts';
import { askProbe } from './probes.ts';
import type { ProbeAnswer } from './probes.ts';
import type { CheckOutcome, EvalContext } from './types.ts';
import { fraction, round } from './types.ts';

/** Each named sequence needs its next item above this probability. */
export const SEQUENCE_MIN_P = 0.5;
/** Share of counting probes whose greedy answer must be right. */
export const COUNTING_MIN_ACCURACY = 0.9;

/** The named prompts and the 66 counting prompts, asked. */
export interface SequenceMeasurement {
  named: ProbeAnswer[];
  counting: ProbeAnswer[];
}

/** C-8 measurement. */
export function measureSequences(ctx: EvalContext): SequenceMeasurement {
  return {
    named: ACCEPTANCE_PROMPTS.sequences.map((p) => askProbe(ctx, p.prompt, p.target)),
    counting: ACCEPTANCE_PROMPTS.counting.map((p) => askProbe(ctx, p.prompt, p.target)),
  };
}

/** C-8 verdict. */
export function judgeSequences(m: SequenceMeasurement): CheckOutcome {
  const namedOk = m.named.map((a) => a.pTarget > SEQUENCE_MIN_P);
  const countRight = m.counting.filter((a) => a.top1 === a.target).length;
  const accuracy = m.counting.length === 0 ? 0 : countRight / m.counting.length;
  const misses = m.counting.filter((a) => a.top1 !== a.target).map((a) => `${a.prompt} → ${a.top1}`);
  return {
    id: 'C-8',
    title: 'Sequences: days and counting',
    met: namedOk.every(Boolean) && accuracy >= COUNTING_MIN_ACCURACY,
    measured: {
      ...Object.fromEntries(m.named.map((a) => [a.target, round(a.pTarget)])),
      counting: fraction(countRight, m.counting.length),
      countingAccuracy: round(accuracy),
    },
    threshold: `each named prompt p > ${SEQUENCE_MIN_P}; counting ≥ ${COUNTING_MIN_ACCURACY * 100} % top-1`,
    details: { named: m.named.map((a) => ({ prompt: a.prompt, target: a.target, top1: a.top1, p: round(a.pTarget) })), countingMisses: misses },
  };
}
