// The site's Content-Security-Policy, read by astro.config.mjs (Astro writes it as a <meta> tag on every page).
import { createHash } from 'node:crypto';
import { THEME_SCRIPT, ZOD_NO_EVAL_SCRIPT } from './themeScript.mjs';

/** sha256 CSP source for an inline script's exact text. */
export function scriptHash(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Nothing loads from any origin but the site's own. Two relaxations, each needed by a named part:
 * Pagefind compiles its search index reader from WebAssembly ('wasm-unsafe-eval' — not 'unsafe-eval'),
 * and KaTeX positions glyphs with inline style attributes (style-src-attr only; <style> elements stay hashed).
 */
/** @type {Exclude<NonNullable<import('astro').AstroUserConfig['security']>['csp'], boolean | undefined>} */
export const CONTENT_SECURITY_POLICY = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [scriptHash(THEME_SCRIPT), scriptHash(ZOD_NO_EVAL_SCRIPT)] },
  styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
};
