/**
 * Runs every acceptance check that applies to a model variant and decides which ones gate it
 * (curriculum §2.5): checks are stated for tw-learned; C-9/C-10 also gate tw-sin and tw-rope; C-1
 * gates every variant but tw-nomask; tw-nomask is gated by C-16 only. Everything else is reported.
 * The result is plain JSON for the manifest's `evals`.
 */
import { judgeAppleContinuations, judgeAppleVectors, measureAppleContinuations, measureAppleVectors } from './appleSenses.ts';
import { judgeCheater, judgeReferenceGrammar, measureGrammar } from './cheater.ts';
import type { LossPair } from './cheater.ts';
import { headSelectionInput, judgeCoreference, judgeDemoHead, measureCoreference, selectDemoHead } from './coreference.ts';
import { judgeHeldOutFacts, measureHeldOutFacts } from './fineTuneFacts.ts';
import { judgeFit, measureFit } from './fit.ts';
import type { ValidationDocument } from './fit.ts';
import { judgeKnownCapitals, judgeQuiz, judgeStopping, measureKnownCapitals, measureQuiz, measureStopping } from './knownFacts.ts';
import { embeddingsOf, judgeNeighbours, measureNeighbours } from './neighbours.ts';
import { judgeCopying, judgeWordOrder, measureCopying, measureWordOrder } from './orderAndCopy.ts';
import { judgeSequences, measureSequences } from './sequences.ts';
import { judgeStore, measureStore } from './store.ts';
import type { CheckOutcome, CheckResult, EvalContext, Json } from './types.ts';
import { round } from './types.ts';

/** The five course model variants (§2.1). */
export type Variant = 'tw-learned' | 'tw-sin' | 'tw-rope' | 'tw-nope' | 'tw-nomask';
/** Every variant, in the curriculum's order. */
export const VARIANTS: readonly Variant[] = ['tw-learned', 'tw-sin', 'tw-rope', 'tw-nope', 'tw-nomask'];

const LEARNED_GATES = ['C-1', 'C-2', 'C-2b', 'C-3', 'C-4', 'C-5', 'C-6', 'C-6b', 'C-7', 'C-8', 'C-9', 'C-10', 'C-11', 'C-12', 'C-16'];
/** Which check ids gate each variant; the rest are run and reported. */
export const GATING: Readonly<Record<Variant, readonly string[]>> = {
  'tw-learned': LEARNED_GATES,
  'tw-sin': ['C-1', 'C-9', 'C-10'],
  'tw-rope': ['C-1', 'C-9', 'C-10'],
  'tw-nope': ['C-1'],
  'tw-nomask': ['C-16'],
};

/** Inputs some checks need beyond the model. */
export interface SuiteOptions {
  variant: Variant;
  /** C-1: the fixed validation slice (and, to report, the corpus H_gen and the starting loss). */
  validation?: { documents: readonly ValidationDocument[]; hGenCorpus?: number; startLoss?: number };
  /** C-16 for tw-nomask: final training losses of tw-nomask and tw-learned, from their manifests. */
  cheaterLosses?: LossPair;
  /** Run only these check ids (default: all). */
  only?: readonly string[];
  /** Called before each group of checks starts (for progress output). */
  onProgress?: (ids: readonly string[]) => void;
}

/** The suite's answer: every check, the overall verdict, and the two values lessons read from the manifest. */
export interface SuiteResult {
  variant: Variant;
  /** True when no gating check failed. */
  passed: boolean;
  gatingFailures: string[];
  checks: CheckResult[];
  /** C-6b's demo head (0-based layer and head), or null. */
  demoHead: Json;
  /** C-7's pure-cluster word, or null. */
  pureCluster: string | null;
  seconds: number;
}

/** Thrown by a check that cannot run for lack of an input (reported, not failed, unless it gates). */
class SkipCheck extends Error {}

interface Group {
  ids: string[];
  run(ctx: EvalContext, options: SuiteOptions): CheckOutcome[];
}

const GROUPS: Group[] = [
  {
    ids: ['C-1'],
    run(ctx, { validation }) {
      if (!validation) throw new SkipCheck('no validation documents were given');
      return [judgeFit(measureFit(ctx, validation.documents, { hGenCorpus: validation.hGenCorpus, startLoss: validation.startLoss }))];
    },
  },
  { ids: ['C-2'], run: (ctx) => [judgeKnownCapitals(measureKnownCapitals(ctx))] },
  { ids: ['C-2b'], run: (ctx) => [judgeStopping(measureStopping(ctx))] },
  { ids: ['C-3'], run: (ctx) => [judgeQuiz(measureQuiz(ctx))] },
  { ids: ['C-4'], run: (ctx) => [judgeAppleVectors(measureAppleVectors(ctx))] },
  { ids: ['C-5'], run: (ctx) => [judgeAppleContinuations(measureAppleContinuations(ctx))] },
  {
    ids: ['C-6', 'C-6b'],
    run(ctx) {
      const m = measureCoreference(ctx);
      return [judgeCoreference(m), judgeDemoHead(selectDemoHead(headSelectionInput(m)))];
    },
  },
  { ids: ['C-7'], run: (ctx) => [judgeNeighbours(measureNeighbours(embeddingsOf(ctx.model, ctx.tokenizer)))] },
  { ids: ['C-8'], run: (ctx) => [judgeSequences(measureSequences(ctx))] },
  { ids: ['C-9'], run: (ctx) => [judgeWordOrder(measureWordOrder(ctx))] },
  { ids: ['C-10'], run: (ctx) => [judgeCopying(measureCopying(ctx))] },
  { ids: ['C-11'], run: (ctx) => [judgeStore(measureStore(ctx))] },
  { ids: ['C-12'], run: (ctx) => [judgeHeldOutFacts(measureHeldOutFacts(ctx))] },
  {
    ids: ['C-16'],
    run(ctx, { variant, cheaterLosses }) {
      const outputs = measureGrammar(ctx);
      return [variant === 'tw-nomask' ? judgeCheater(outputs, cheaterLosses) : judgeReferenceGrammar(outputs)];
    },
  },
];

/** Every check id the suite knows, in order. */
export const SUITE_CHECK_IDS: readonly string[] = GROUPS.flatMap((g) => g.ids);

/** Applies the variant's gating to a judged check. */
export function gate(outcome: CheckOutcome, variant: Variant): CheckResult {
  const gates = GATING[variant].includes(outcome.id);
  return { ...outcome, pass: gates ? outcome.met === true : 'report' };
}

/** The variant a model is, from its name (e.g. "tw-rope"), else from its positions (learned → tw-learned). */
export function variantOf(name: string, positions: string, causal = true): Variant {
  const named = VARIANTS.find((v) => name === v || name.startsWith(`${v}-`) || name.endsWith(`/${v}`));
  if (named) return named;
  if (!causal) return 'tw-nomask';
  return ({ learned: 'tw-learned', sinusoidal: 'tw-sin', rotary: 'tw-rope', none: 'tw-nope' } as Record<string, Variant>)[positions] ?? 'tw-learned';
}

/** The forward options a variant is evaluated with: tw-nomask runs as it was trained, without the mask. */
export function contextFor(ctx: EvalContext, variant: Variant): EvalContext {
  return variant === 'tw-nomask' ? { ...ctx, forwardOptions: { ...ctx.forwardOptions, causal: false } } : ctx;
}

function failedGroup(group: Group, err: unknown, variant: Variant): CheckResult[] {
  const skipped = err instanceof SkipCheck;
  const message = err instanceof Error ? err.message : String(err);
  return group.ids.map((id) => {
    const gates = GATING[variant].includes(id);
    return {
      id, title: id, met: skipped ? null : false, measured: {}, threshold: '', pass: gates ? false : 'report',
      error: skipped ? `not run: ${message}` : `could not run: ${message}`,
    };
  });
}

/** Runs the suite. A check that throws is recorded as failed (or reported), never crashes the run. */
export function runSuite(ctx: EvalContext, options: SuiteOptions): SuiteResult {
  const started = performance.now();
  const run = contextFor(ctx, options.variant);
  const checks: CheckResult[] = [];
  for (const group of GROUPS) {
    if (options.only && !group.ids.some((id) => options.only!.includes(id))) continue;
    options.onProgress?.(group.ids);
    try {
      checks.push(...group.run(run, options).map((o) => gate(o, options.variant)));
    } catch (err) {
      checks.push(...failedGroup(group, err, options.variant));
    }
  }
  const gatingFailures = checks.filter((c) => c.pass === false).map((c) => c.id);
  const measuredOf = (id: string, key: string): Json | undefined => checks.find((c) => c.id === id)?.measured[key];
  const pure = measuredOf('C-7', 'pureCluster');
  return {
    variant: options.variant,
    passed: gatingFailures.length === 0,
    gatingFailures,
    checks,
    demoHead: measuredOf('C-6b', 'demoHead') ?? null,
    pureCluster: typeof pure === 'string' ? pure : null,
    seconds: round((performance.now() - started) / 1000, 2),
  };
}
