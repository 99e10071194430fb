/**
 * UTF-8 helpers for byte-level BPE: encode text while remembering which UTF-16 character every byte came from,
 * and show byte sequences that are not complete UTF-8 as hex (‹e3 81›) instead of replacement characters.
 */

/** Bytes of a text plus, for every byte, the UTF-16 range of the character it belongs to. */
export interface Utf8WithOffsets {
  bytes: Uint8Array;
  /** charStart[b]: UTF-16 offset where the character containing byte b starts. */
  charStart: Int32Array;
  /** charEnd[b]: UTF-16 offset just after the character containing byte b. */
  charEnd: Int32Array;
}

/**
 * UTF-8 encoding with a byte → character map. Matches TextEncoder exactly, including its treatment of a lone
 * surrogate (an unpaired half of an emoji, say), which becomes U+FFFD, the three bytes ef bf bd.
 * text: [n UTF-16 units] -> bytes: [m], charStart/charEnd: [m]
 */
export function encodeUtf8WithOffsets(text: string, base = 0): Utf8WithOffsets {
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units and 4 bytes).
  const bytes = new Uint8Array(text.length * 3);
  const charStart = new Int32Array(text.length * 3);
  const charEnd = new Int32Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    let code = text.charCodeAt(i);
    let units = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        units = 2;
      }
    }
    if (units === 1 && code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    const first = n;
    if (code < 0x80) {
      bytes[n++] = code;
    } else if (code < 0x800) {
      bytes[n++] = 0xc0 | (code >> 6);
      bytes[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      bytes[n++] = 0xe0 | (code >> 12);
      bytes[n++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[n++] = 0x80 | (code & 0x3f);
    } else {
      bytes[n++] = 0xf0 | (code >> 18);
      bytes[n++] = 0x80 | ((code >> 12) & 0x3f);
      bytes[n++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[n++] = 0x80 | (code & 0x3f);
    }
    for (let b = first; b < n; b++) {
      charStart[b] = base + i;
      charEnd[b] = base + i + units;
    }
    i += units;
  }
  return { bytes: bytes.slice(0, n), charStart: charStart.slice(0, n), charEnd: charEnd.slice(0, n) };
}

/** Length of the complete, well-formed UTF-8 sequence starting at bytes[i], or 0 if there is none. */
function validSequenceLength(bytes: ArrayLike<number>, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let length: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [length, min] = [2, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [length, min] = [3, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (i + length > bytes.length) return 0;
  let code = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (b & 0x3f);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF, as a strict decoder would.
  if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return 0;
  return length;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Human-readable text for a byte sequence: complete characters as themselves, any byte that is not part of a
 * complete character as hex inside ‹ › (a token holding the first two of the three bytes of "ち" shows as ‹e3 81›).
 */
export function displayBytes(bytes: ArrayLike<number>): string {
  let out = '';
  let hex: string[] = [];
  const flushHex = (): void => {
    if (hex.length > 0) out += `‹${hex.join(' ')}›`;
    hex = [];
  };
  for (let i = 0; i < bytes.length; ) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      hex.push(bytes[i].toString(16).padStart(2, '0'));
      i += 1;
    } else {
      flushHex();
      out += strictDecoder.decode(Uint8Array.from(Array.prototype.slice.call(bytes, i, i + length) as number[]));
      i += length;
    }
  }
  flushHex();
  return out;
}
