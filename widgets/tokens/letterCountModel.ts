// The strawberry illustration: the letters a reader sees against the ids a model receives.
import { z } from 'zod';
import { visibleText } from './tokenDisplay.ts';

/** Settings: the word, and the letter to count in it. */
export interface LetterCountSettings { word: string; letter: string }

/** The curriculum's example: the r's in " strawberry" (with the leading space GPT-2 usually sees). */
export const DEFAULT_LETTER_SETTINGS: LetterCountSettings = { word: ' strawberry', letter: 'r' };

/** Longest word the widget spells out letter by letter. */
export const MAX_LETTER_WORD = 40;

/** Version 1 of the URL state. */
export const letterCountSchema = z.object({ word: z.string().max(MAX_LETTER_WORD), letter: z.string().max(2) });

/** The widget's shareable state (the shape kit/urlState.ts's WidgetStateSpec expects). */
export const letterCountState = { version: 1, schema: letterCountSchema as z.ZodType<LetterCountSettings>, defaults: DEFAULT_LETTER_SETTINGS };

/** One letter box: the character (made visible) and whether it is the one being counted. */
export interface LetterBox { text: string; match: boolean }

/** The letters of the word (code points, case-insensitive match) and how many match. */
export function letterCountView(settings: LetterCountSettings): { letters: LetterBox[]; count: number; letter: string } {
  const letter = [...settings.letter.trim()][0]?.toLowerCase() ?? '';
  const letters = [...settings.word].slice(0, MAX_LETTER_WORD).map((ch) => ({ text: visibleText(ch), match: letter !== '' && ch.toLowerCase() === letter }));
  return { letters, count: letters.filter((l) => l.match).length, letter };
}
