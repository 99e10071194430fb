/** `make-test-model` (hidden): writes a small, randomly initialised model directory for tests and demos. */
import { emit, parseFlags } from './args.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import type { ModelConfig, PositionKind } from '../../engine/config.ts';
import { POSITION_KINDS } from '../../engine/config.ts';
import { initParams } from '../../engine/params.ts';
import { createWordTokenizer } from '../../engine/tokenizer/word.ts';
import { writeModelDir } from '../modelDir.ts';

/** The small vocabulary of test models: the course's specials and punctuation, then a few words. */
export const TEST_VOCABULARY = [
  '<pad>', '<unk>', '<eos>', '<user>', '<bot>', '.', ',', '?', '!', ':',
  'the', 'a', 'an', 'i', 'he', 'she', 'it', 'ate', 'bought', 'saw', 'is', 'was', 'of', 'in', 'at',
  'apple', 'orange', 'egg', 'cat', 'dog', 'king', 'queen', 'store', 'capital', 'france', 'paris', 'red', 'sweet',
];

const help = `Usage: npm run engine -- make-test-model --out <dir> [--positions K] [--seed S] [--json]

Writes manifest.json and weights.bin for a tiny randomly initialised model (untrained: its output is noise)
over a ${TEST_VOCABULARY.length}-token word vocabulary. For tests and for trying the other verbs.

  --out <dir>        folder to write (created if needed)
  --positions <K>    ${POSITION_KINDS.join(' | ')} (default learned)
  --seed <S>         initialisation seed (default 1)
  --json             machine-readable output`;

export const makeTestModelVerb: Verb = {
  name: 'make-test-model',
  summary: 'write a tiny random model (for tests)',
  help,
  hidden: true,
  async run(argv) {
    const flags = parseFlags(argv, { out: { type: 'string', required: true }, positions: { type: 'string' }, seed: { type: 'number' } });
    if (flags.help) return (console.log(help), 0);
    const positions = ((flags.positions as string | undefined) ?? 'learned') as PositionKind;
    if (!POSITION_KINDS.includes(positions)) throw new UsageError(`--positions must be one of ${POSITION_KINDS.join(', ')}, got "${positions}".`);
    const seed = (flags.seed as number | undefined) ?? 1;
    const config: ModelConfig = { vocabSize: TEST_VOCABULARY.length, contextLength: 16, dModel: 16, nLayers: 2, nHeads: 2, dFF: 32, positions, ropeBase: 10000 };
    const params = initParams(config, seed);
    const out = flags.out as string;
    const manifest = await writeModelDir(out, { config, params }, createWordTokenizer(TEST_VOCABULARY), {
      name: `test-${positions}-${seed}`,
      provenance: { command: `make-test-model --out ${out} --positions ${positions} --seed ${seed}`, seed, trained: false },
    });
    emit(flags, { out, name: manifest.name, parameterCount: manifest.parameterCount, sha256: manifest.weights.sha256 }, () => `wrote ${out} (${manifest.name}, ${manifest.parameterCount} parameters)`);
    return 0;
  },
};
