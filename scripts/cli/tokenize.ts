/** `tokenize`: show how the model's tokenizer splits a prompt. */
import { emit, parseFlags } from './args.ts';
import { encodePrompt, loadModel, showToken } from './loadModel.ts';
import type { Verb } from './types.ts';

const help = `Usage: npm run engine -- tokenize --model <dir> --prompt "<text>" [--json]

Splits the prompt with the model's tokenizer and lists each token: position, id, token text and the
characters of the prompt it came from. Words outside a word-level vocabulary are marked <unk> and reported.

  --model <dir>    model folder with manifest.json (or a name under public/models/)
  --prompt <text>  the text to tokenize
  --json           machine-readable output`;

export const tokenizeVerb: Verb = {
  name: 'tokenize',
  summary: 'split a prompt into token ids',
  help,
  async run(argv) {
    const flags = parseFlags(argv, { model: { type: 'string', required: true }, prompt: { type: 'string', required: true } });
    if (flags.help) return (console.log(help), 0);
    const prompt = flags.prompt as string;
    const { tokenizer } = await loadModel(flags.model as string);
    const { ids, spans, unknown } = encodePrompt(tokenizer, prompt);
    const tokens = spans.map((s) => ({ id: s.id, text: tokenizer.tokenText(s.id), start: s.start, end: s.end, source: prompt.slice(s.start, s.end) }));
    emit(flags, { tokenizer: tokenizer.kind, vocabSize: tokenizer.vocabSize, ids, tokens, unknown }, () =>
      [
        `${ids.length} tokens (${tokenizer.kind} tokenizer, V = ${tokenizer.vocabSize})`,
        ...tokens.map((t, i) => `${String(i).padStart(4)}  id ${String(t.id).padStart(5)}  ${showToken(t.text)}${t.text === t.source ? '' : `  from ${showToken(t.source)}`}`),
      ].join('\n'),
    );
    return 0;
  },
};
