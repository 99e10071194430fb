/** `generate`: continue a prompt token by token with greedy, temperature, top-k and top-p decoding. */
import { emit, parseFlags } from './args.ts';
import { encodePrompt, loadModel } from './loadModel.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { generate } from '../../engine/sampling/generate.ts';

const help = `Usage: npm run engine -- generate --model <dir> --prompt "<text>" [options] [--json]

Continues the prompt one token at a time and stops at <eos> or after --max-tokens. The same seed and
settings always give the same text.

  --model <dir>        model folder with manifest.json (or a name under public/models/)
  --prompt <text>      where to start (at least one token)
  --max-tokens <N>     most tokens to add (default 20)
  --temperature <T>    0 = greedy (always the top token); higher = more varied (default 1)
  --top-k <K>          sample only among the K most likely tokens (default: off)
  --top-p <P>          sample only among the smallest set of tokens with total probability ≥ P (default 1 = off)
  --seed <S>           random seed (default 0)
  --json               machine-readable output, including each step's kept tokens and probabilities`;

export const generateVerb: Verb = {
  name: 'generate',
  summary: 'continue a prompt (greedy or sampled)',
  help,
  async run(argv) {
    const flags = parseFlags(argv, {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      'max-tokens': { type: 'number' },
      temperature: { type: 'number' },
      'top-k': { type: 'number' },
      'top-p': { type: 'number' },
      seed: { type: 'number' },
    });
    if (flags.help) return (console.log(help), 0);
    const settings = {
      maxTokens: (flags['max-tokens'] as number | undefined) ?? 20,
      temperature: (flags.temperature as number | undefined) ?? 1,
      topK: (flags['top-k'] as number | undefined) ?? 0,
      topP: (flags['top-p'] as number | undefined) ?? 1,
      seed: (flags.seed as number | undefined) ?? 0,
    };
    if (!Number.isInteger(settings.maxTokens) || settings.maxTokens < 0) throw new UsageError(`--max-tokens must be a whole number ≥ 0, got ${settings.maxTokens}.`);
    if (!Number.isInteger(settings.seed)) throw new UsageError(`--seed must be a whole number, got ${settings.seed}.`);
    const { model, tokenizer } = await loadModel(flags.model as string);
    const { ids: promptIds, unknown } = encodePrompt(tokenizer, flags.prompt as string);
    if (promptIds.length === 0) throw new UsageError('The prompt has no tokens; give at least one word.');
    const eos = tokenizer.idOf('<eos>');
    const result = generate(model, promptIds, { ...settings, stopIds: eos === undefined ? [] : [eos] });
    const text = tokenizer.decode(result.ids);
    const fullText = tokenizer.decode([...promptIds, ...result.ids]);
    const steps = result.steps.map((s) => ({
      id: s.token,
      token: tokenizer.tokenText(s.token),
      prob: s.distribution.probs[s.distribution.ids.indexOf(s.token)],
      kept: s.distribution.ids.length,
      entropy: s.distribution.entropy,
    }));
    emit(flags, { settings, promptIds, ids: result.ids, text, fullText, stoppedBy: result.stoppedBy, steps, unknown }, () => fullText);
    return 0;
  },
};
