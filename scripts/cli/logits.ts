/** `logits`: the model's probabilities for the token after a prompt. */
import { emit, parseFlags } from './args.ts';
import { encodePrompt, loadModel, showToken } from './loadModel.ts';
import { UsageError } from './types.ts';
import type { Verb } from './types.ts';
import { nextTokenLogits } from '../../engine/sampling/generate.ts';
import { samplingDistribution } from '../../engine/sample.ts';

const help = `Usage: npm run engine -- logits --model <dir> --prompt "<text>" [--top N] [--json]

Runs the model on the prompt and lists the most likely next tokens at the final position, with their raw
logits and softmax probabilities (temperature 1, nothing truncated).

  --model <dir>    model folder with manifest.json (or a name under public/models/)
  --prompt <text>  the text before the token to predict (at least one token)
  --top <N>        how many tokens to list (default 10)
  --json           machine-readable output`;

export const logitsVerb: Verb = {
  name: 'logits',
  summary: 'next-token probabilities after a prompt',
  help,
  async run(argv) {
    const flags = parseFlags(argv, { model: { type: 'string', required: true }, prompt: { type: 'string', required: true }, top: { type: 'number' } });
    if (flags.help) return (console.log(help), 0);
    const top = (flags.top as number | undefined) ?? 10;
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a whole number ≥ 1, got ${top}.`);
    const { model, tokenizer } = await loadModel(flags.model as string);
    const { ids, unknown } = encodePrompt(tokenizer, flags.prompt as string);
    if (ids.length === 0) throw new UsageError('The prompt has no tokens; give at least one word.');
    const logits = nextTokenLogits(model, ids);
    const dist = samplingDistribution(logits, { temperature: 1 });
    const rows = dist.ids.slice(0, top).map((id, rank) => ({ rank, id, token: tokenizer.tokenText(id), logit: logits[id], prob: dist.probs[rank] }));
    emit(flags, { ids, position: ids.length - 1, entropy: dist.entropy, top: rows, unknown }, () =>
      [
        `next token after ${ids.length} tokens (entropy ${dist.entropy.toFixed(3)} nats):`,
        ...rows.map((r) => `${String(r.rank + 1).padStart(4)}  ${(r.prob * 100).toFixed(2).padStart(6)} %  logit ${r.logit.toFixed(3).padStart(8)}  id ${String(r.id).padStart(5)}  ${showToken(r.token)}`),
      ].join('\n'),
    );
    return 0;
  },
};
