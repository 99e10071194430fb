/** Shared by the verbs that need a model: resolve --model, load and validate it, encode a prompt. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readModelDir } from '../modelDir.ts';
import type { Encoding, Tokenizer } from '../../engine/tokenizer/types.ts';
import { suggestKnownWords } from '../../engine/tokenizer/word.ts';
import { UsageError } from './types.ts';

/** Finds the model directory: a path as given, or else a name under public/models/ (e.g. "tw-learned"). */
export function resolveModelDir(model: string): string {
  if (existsSync(join(model, 'manifest.json'))) return resolve(model);
  const named = join('public', 'models', model);
  if (existsSync(join(named, 'manifest.json'))) return resolve(named);
  throw new UsageError(`No model at "${model}": expected a folder containing manifest.json (or a name under public/models/).`);
}

/** Loads and checks the model named by --model. */
export async function loadModel(model: string): ReturnType<typeof readModelDir> {
  return readModelDir(resolveModelDir(model));
}

/** Encodes a prompt; unknown words are reported on stderr (with suggestions), never silently dropped. */
export function encodePrompt(tokenizer: Tokenizer, prompt: string): Encoding {
  const encoding = tokenizer.encode(prompt);
  if (encoding.unknown.length > 0) {
    const vocab = Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenText(id));
    for (const u of encoding.unknown) {
      const ideas = suggestKnownWords(u.word, vocab, 3);
      const hint = ideas.length > 0 ? ` Did you mean: ${ideas.join(', ')}?` : '';
      process.stderr.write(`warning: "${u.word}" (characters ${u.start}–${u.end}) is not in the vocabulary and is read as <unk>.${hint}\n`);
    }
  }
  return encoding;
}

/** A token's text in quotes, with whitespace made visible, for plain-text tables. */
export function showToken(text: string): string {
  return JSON.stringify(text);
}
