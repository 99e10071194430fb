// Widget state in the URL: each widget declares a versioned zod schema for the state worth sharing, and the
// page keeps one query parameter per widget (named after the widget's id). A value looks like `1.<base64url JSON>`:
// the version first, so a link made by an older build is recognised and politely ignored instead of misread.
/** Anything that validates like zod: `zod/mini` (smallest in the browser) and classic `zod` schemas both fit. */
export interface StateSchema<S> {
  safeParse(value: unknown): { success: true; data: S } | { success: false };
}

/** What a widget declares about its shareable state. */
export interface WidgetStateSpec<S> {
  /** Bumped whenever the meaning of the state changes; links carrying another version fall back to defaults. */
  version: number;
  /** Validates a decoded value; anything it rejects falls back to defaults. */
  schema: StateSchema<S>;
  /** The state a widget has when nothing (or nothing usable) is in the URL. */
  defaults: S;
}

/** Why a URL value was not used: unreadable, or written by another version of the widget. */
export type StateNotice = 'malformed' | 'outdated';

/** Result of reading a URL value: always a usable state, plus a notice when the value had to be ignored. */
export interface DecodedState<S> {
  state: S;
  notice: StateNotice | null;
}

/** Longest value we try to read: real states are a few hundred characters; anything far longer is not ours. */
export const MAX_ENCODED_LENGTH = 4000;

/** Declares a widget's shareable state (a typed identity function, so authors get inference on `defaults`). */
export function defineWidgetState<S>(spec: WidgetStateSpec<S>): WidgetStateSpec<S> {
  return spec;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('not base64url');
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Encodes a state for the URL as `<version>.<base64url JSON>`. */
export function encodeState<S>(spec: WidgetStateSpec<S>, state: S): string {
  return `${spec.version}.${toBase64Url(JSON.stringify(state))}`;
}

/**
 * Decodes a URL value. Never throws: a missing value gives the defaults silently; anything unreadable,
 * invalid or from another version gives the defaults with a notice the widget shows to the learner.
 */
export function decodeState<S>(spec: WidgetStateSpec<S>, raw: string | null | undefined): DecodedState<S> {
  if (raw === null || raw === undefined || raw === '') return { state: spec.defaults, notice: null };
  const fallback = (notice: StateNotice): DecodedState<S> => ({ state: spec.defaults, notice });
  try {
    if (typeof raw !== 'string' || raw.length > MAX_ENCODED_LENGTH) return fallback('malformed');
    const match = /^(\d{1,6})\.(.*)$/s.exec(raw);
    if (!match) return fallback('malformed');
    if (Number(match[1]) !== spec.version) return fallback('outdated');
    const parsed = spec.schema.safeParse(JSON.parse(fromBase64Url(match[2])));
    return parsed.success ? { state: parsed.data, notice: null } : fallback('malformed');
  } catch {
    return fallback('malformed');
  }
}

/** True when two states encode identically (used to keep default states out of the URL). */
export function sameState<S>(spec: WidgetStateSpec<S>, a: S, b: S): boolean {
  return encodeState(spec, a) === encodeState(spec, b);
}

/**
 * A link to `pageUrl` carrying only the given widget parameters and scrolling to `anchor`.
 * Other query parameters of the page are dropped so a link shares exactly one widget.
 */
export function shareUrl(pageUrl: string, anchor: string, params: Record<string, string | null>): string {
  const url = new URL(pageUrl);
  url.search = '';
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  url.hash = anchor;
  return url.toString();
}

/** The URL `pageUrl` with one widget parameter set (or removed when `value` is null), keeping everything else. */
export function withParam(pageUrl: string, key: string, value: string | null): string {
  const url = new URL(pageUrl);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.toString();
}
