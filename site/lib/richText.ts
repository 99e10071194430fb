// Exercise and quiz text lives in frontmatter as plain strings. This turns such a string into safe HTML at build
// time: everything is escaped, `$…$` becomes KaTeX (same look as the prose), and blank lines separate paragraphs.
import katex from 'katex';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line of text with `$…$` math rendered; `\$` stays a literal dollar. */
export function inlineHtml(text: string): string {
  return text
    .split(/(?<!\\)\$([^$]+)\$/g)
    .map((part, i) => (i % 2 === 1 ? katex.renderToString(part, { throwOnError: false }) : escapeHtml(part.replace(/\\\$/g, '$'))))
    .join('');
}

/** Several paragraphs (separated by blank lines), each wrapped in `<p>`. */
export function blockHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${inlineHtml(paragraph)}</p>`)
    .join('');
}
