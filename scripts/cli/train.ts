/** `train`: train a model with the engine's own trainer and write its model files (Node; 1 or 2 threads). */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { emit, parseFlags } from './args.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import type { ModelConfig, PositionKind } from '../../engine/config.ts';
import { COURSE_SINUSOIDAL_SCALE, POSITION_KINDS, courseConfig } from '../../engine/config.ts';
import { DEFAULT_ADAMW } from '../../engine/train/adamw.ts';
import { formatDuration } from '../train/progressLine.ts';
import type { RunSettings } from '../train/runTraining.ts';
import { runTraining } from '../train/runTraining.ts';

/** Defaults of a course-model run: ≈ 4.1 M training tokens (4,000 steps × 16 windows × 64 tokens). */
export const TRAIN_DEFAULTS = { steps: 4000, batch: 16, lr: 2e-3, warmup: 200, lrFloor: 1e-4, seed: 1234, evalEvery: 200, evalWindows: 128, checkpointEvery: 200, merges: 256, threads: 2 };

const help = `Usage: npm run engine -- train --out <dir> [options] [--json]

Trains a GPT with the engine's own backward pass and AdamW, then writes manifest.json + weights.bin
to --out (provenance: corpus, config, steps, tokens, losses, wall time, this command line).
Default data: the TinyWorld corpus at seed 1234, word tokenizer over the course vocabulary.

  --out <dir>            model folder to write, e.g. public/models/tw-learned
  --config <file.json>   model config fields (default: the course model, curriculum §2.1)
  --positions <K>        ${POSITION_KINDS.join(' | ')} (default learned)
  --sinusoidal-scale <S> multiply the sinusoidal table by S before adding it (default ${COURSE_SINUSOIDAL_SCALE}; 1 = textbook)
  --no-mask              train WITHOUT the causal mask (the chapter 7 "cheater" model)
  --steps <N>            optimiser steps (default ${TRAIN_DEFAULTS.steps})
  --batch <B>            windows per step (default ${TRAIN_DEFAULTS.batch}; each window is contextLength tokens)
  --lr <LR>              peak learning rate (default ${TRAIN_DEFAULTS.lr}); cosine decay to --lr-floor at the last step
  --lr-floor <LR>        final learning rate (default ${TRAIN_DEFAULTS.lrFloor})
  --warmup <N>           linear warmup steps (default ${TRAIN_DEFAULTS.warmup}, at most a tenth of --steps)
  --weight-decay <W>     AdamW decoupled weight decay on matrices (default ${DEFAULT_ADAMW.weightDecay})
  --seed <S>             initialisation and data-order seed (default ${TRAIN_DEFAULTS.seed})
  --threads <1|2>        worker threads (default ${TRAIN_DEFAULTS.threads}); 1 and 2 give bit-identical weights
  --checkpoint-dir <D>   where checkpoints go (default .checkpoints/<name of --out>)
  --checkpoint-every <N> steps between checkpoints (default ${TRAIN_DEFAULTS.checkpointEvery})
  --resume               continue the run saved in --checkpoint-dir (its settings are reused)
  --text <file>          train on your own text instead (paragraphs = documents); learns a byte-level BPE
  --merges <N>           BPE merges for --text (default ${TRAIN_DEFAULTS.merges})
  --corpus-seed <S>      TinyWorld corpus seed (default 1234)
  --documents <N>        TinyWorld documents (default: the generator's default size)
  --eval-every <N>       validation loss every N steps (default ${TRAIN_DEFAULTS.evalEvery})
  --eval-windows <N>     validation windows used (default ${TRAIN_DEFAULTS.evalWindows})
  --json                 print a machine-readable summary at the end

Ctrl-C stops after the current step and writes a checkpoint; run again with --resume to continue.`;

const FLAGS = {
  out: { type: 'string', required: true }, config: { type: 'string' }, positions: { type: 'string' }, 'no-mask': { type: 'boolean' },
  'sinusoidal-scale': { type: 'number' },
  steps: { type: 'number' }, batch: { type: 'number' }, lr: { type: 'number' }, 'lr-floor': { type: 'number' }, warmup: { type: 'number' },
  'weight-decay': { type: 'number' }, seed: { type: 'number' }, threads: { type: 'number' }, 'checkpoint-dir': { type: 'string' },
  'checkpoint-every': { type: 'number' }, resume: { type: 'boolean' }, text: { type: 'string' }, merges: { type: 'number' },
  'corpus-seed': { type: 'number' }, documents: { type: 'number' }, 'eval-every': { type: 'number' }, 'eval-windows': { type: 'number' },
} as const;

function wholeNumber(flags: Record<string, unknown>, name: string, fallback: number, min: number): number {
  const value = (flags[name] as number | undefined) ?? fallback;
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${value}.`);
  return value;
}

function positiveNumber(flags: Record<string, unknown>, name: string, fallback: number): number {
  const value = (flags[name] as number | undefined) ?? fallback;
  if (!(value >= 0)) throw new UsageError(`--${name} must be ≥ 0, got ${value}.`);
  return value;
}

/** The model config: the course shape, overridden by --config fields, then by --positions. */
function modelConfig(flags: Record<string, unknown>): RunSettings['config'] {
  const positionsFlag = flags.positions as string | undefined;
  if (positionsFlag !== undefined && !POSITION_KINDS.includes(positionsFlag as PositionKind)) {
    throw new UsageError(`--positions must be one of ${POSITION_KINDS.join(', ')}, got "${positionsFlag}".`);
  }
  let fromFile: Partial<ModelConfig> = {};
  if (flags.config) {
    try {
      fromFile = JSON.parse(readFileSync(flags.config as string, 'utf8')) as Partial<ModelConfig>;
    } catch (err) {
      throw new UsageError(`--config ${String(flags.config)} could not be read as JSON (${(err as Error).message}).`);
    }
  }
  const positions = (positionsFlag ?? fromFile.positions ?? 'learned') as PositionKind;
  // courseConfig gives each position kind its course defaults (e.g. the sinusoidal table's scale).
  const { vocabSize: _v, ...course } = courseConfig(0, positions);
  const scaleFlag = flags['sinusoidal-scale'] as number | undefined;
  if (scaleFlag !== undefined && !(scaleFlag > 0)) throw new UsageError(`--sinusoidal-scale must be a positive number, got ${scaleFlag}.`);
  return { ...course, ...fromFile, positions, ...(scaleFlag !== undefined ? { sinusoidalScale: scaleFlag } : {}) };
}

/** The `train` verb (listed in verbs.ts). */
export const trainVerb: Verb = {
  name: 'train',
  summary: 'train a model (TinyWorld or your own text) and write its model files',
  help,
  async run(argv) {
    const flags = parseFlags(argv, FLAGS);
    if (flags.help) return (console.log(help), 0);
    const out = flags.out as string;
    const threads = wholeNumber(flags, 'threads', TRAIN_DEFAULTS.threads, 1);
    if (threads > 2) throw new UsageError('--threads must be 1 or 2.');
    const settings: RunSettings = {
      name: basename(out.replace(/[\\/]+$/u, '')),
      out,
      config: modelConfig(flags),
      causal: !flags['no-mask'],
      data: flags.text
        ? { kind: 'text', path: flags.text as string, merges: wholeNumber(flags, 'merges', TRAIN_DEFAULTS.merges, 0) }
        : { kind: 'tinyworld', seed: wholeNumber(flags, 'corpus-seed', 1234, 0), documents: flags.documents === undefined ? undefined : wholeNumber(flags, 'documents', 0, 2) },
      steps: wholeNumber(flags, 'steps', TRAIN_DEFAULTS.steps, 1),
      batch: wholeNumber(flags, 'batch', TRAIN_DEFAULTS.batch, 2),
      seed: wholeNumber(flags, 'seed', TRAIN_DEFAULTS.seed, 0),
      lr: positiveNumber(flags, 'lr', TRAIN_DEFAULTS.lr),
      warmup: 0,
      lrFloor: positiveNumber(flags, 'lr-floor', TRAIN_DEFAULTS.lrFloor),
      weightDecay: positiveNumber(flags, 'weight-decay', DEFAULT_ADAMW.weightDecay),
      beta1: DEFAULT_ADAMW.beta1, beta2: DEFAULT_ADAMW.beta2, eps: DEFAULT_ADAMW.eps, clip: 1,
      evalEvery: wholeNumber(flags, 'eval-every', TRAIN_DEFAULTS.evalEvery, 0),
      evalWindows: wholeNumber(flags, 'eval-windows', TRAIN_DEFAULTS.evalWindows, 1),
      checkpointEvery: wholeNumber(flags, 'checkpoint-every', TRAIN_DEFAULTS.checkpointEvery, 0),
      shards: 2,
      command: ['npm run engine -- train', ...argv.map((a) => (/^[\w./=:,@+-]+$/u.test(a) ? a : `'${a.replace(/'/gu, `'\\''`)}'`))].join(' '),
    };
    // Without --warmup, warm up for 200 steps or a tenth of the run, whichever is shorter.
    settings.warmup = wholeNumber(flags, 'warmup', Math.min(TRAIN_DEFAULTS.warmup, Math.floor(settings.steps / 10)), 0);
    const checkpointDir = (flags['checkpoint-dir'] as string | undefined) ?? join('.checkpoints', settings.name);
    const tty = Boolean(process.stderr.isTTY) && !flags.json;
    let cancel = false;
    const onSigint = () => {
      cancel = true;
      process.stderr.write('\nstopping after this step; a checkpoint will be written…\n');
    };
    process.once('SIGINT', onSigint);
    let lastLogged = 0;
    try {
      const summary = await runTraining(settings, {
        threads, checkpointDir, resume: Boolean(flags.resume), shouldCancel: () => cancel,
        log(line, final) {
          // On a terminal the line redraws in place; in a log file, one line per eval and every ~30 s.
          if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
          else if (final || Date.now() - lastLogged > 30_000) {
            process.stderr.write(`${line}\n`);
            lastLogged = Date.now();
          }
        },
      });
      const r = summary.result;
      const json = {
        out: r.cancelled ? undefined : out, cancelled: r.cancelled, checkpoint: summary.checkpoint, steps: r.steps, tokensSeen: r.tokensSeen,
        vocabSize: summary.config.vocabSize, parameterCount: summary.parameterCount, startValLoss: r.startValLoss, finalValLoss: r.finalValLoss,
        finalTrainLoss: r.finalTrainLoss, tokensPerSecond: r.tokensPerSecond, wallSeconds: r.elapsedSeconds, threads,
      };
      emit(flags, json, () => r.cancelled
        ? `stopped at step ${r.steps}; checkpoint ${summary.checkpoint}. Continue with: npm run engine -- train --out ${out} --checkpoint-dir ${checkpointDir} --resume`
        : `wrote ${out}: V ${json.vocabSize}, ${json.parameterCount.toLocaleString('en-US')} parameters, ${r.steps} steps, ${r.tokensSeen.toLocaleString('en-US')} tokens, ` +
          `val loss ${r.startValLoss?.toFixed(3)} → ${r.finalValLoss?.toFixed(3)}, ${Math.round(r.tokensPerSecond)} tok/s, ${formatDuration(r.elapsedSeconds)}`);
      return r.cancelled ? 1 : 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
