// How a token's text is written on screen: invisible characters made visible, partial UTF-8 as ‹hex›,
// and a spoken form for screen readers ("space strawberry"). Pure functions, shared by every token widget.
import { displayBytes } from '../../engine/tokenizer/index.ts';

/**
 * Characters that take no space or reorder text; shown as ‹U+XXXX› so a token never looks empty. Variation selectors
 * are left alone: they ride on a visible character (❤️) and would only clutter the chip.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]/gu;

/** Visible stand-ins for whitespace, so "␣strawberry" shows its leading space. */
const WHITESPACE: Record<string, string> = { ' ': '␣', '\n': '↵', '\r': '␍', '\t': '⇥', '\u00a0': '⍽' };

/** Token text for a chip: spaces as ␣, line breaks as ↵, tabs as ⇥, invisible marks as ‹U+200B›. */
export function visibleText(text: string): string {
  return text
    .replace(/[ \n\r\t\u00a0]/gu, (c) => WHITESPACE[c])
    .replace(INVISIBLE, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}›`);
}

/** A token's bytes as chip text: complete characters as themselves (made visible), partial UTF-8 as ‹e3 81›. */
export function bytesLabel(bytes: ArrayLike<number>): string {
  // Only the character parts get visible whitespace; the space inside ‹e3 81› separates hex bytes.
  return displayBytes(bytes).split(/(‹[0-9a-f ]+›)/u).map((part) => (part.startsWith('‹') ? part : visibleText(part))).join('');
}

/** Bytes as space-separated lowercase hex, e.g. "e3 81 a1", for the table's bytes column. */
export function hexBytes(bytes: ArrayLike<number>): string {
  return Array.from(bytes as ArrayLike<number>, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** True when the label holds a byte that is only part of a character (shown as ‹hex›, not ‹U+…›). */
export function isPartialLabel(label: string): boolean {
  return /‹[0-9a-f]{2}( [0-9a-f]{2})*›/u.test(label);
}

const SPOKEN: Record<string, string> = { '␣': 'space ', '↵': 'new line ', '␍': 'return ', '⇥': 'tab ', '⍽': 'no-break space ' };

/** What a screen reader says for a chip label: "space strawberry", "bytes e3 81". */
export function spokenLabel(label: string): string {
  const spoken = label
    .replace(/[␣↵␍⇥⍽]/gu, (c) => SPOKEN[c])
    .replace(/‹U\+([0-9A-F]+)›/gu, ' invisible character U+$1 ')
    .replace(/‹([0-9a-f ]+)›/gu, ' bytes $1 ')
    .replace(/\s+/gu, ' ')
    .trim();
  return spoken || 'empty';
}

/** Number of Unicode code points (what a reader calls characters; an emoji counts once, not twice). */
export function codePointCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Number of UTF-8 bytes (a lone surrogate counts 3, as TextEncoder writes it as U+FFFD). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The first `limit` UTF-16 units of `text`, never cutting an emoji (surrogate pair) in half. */
export function safePrefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
