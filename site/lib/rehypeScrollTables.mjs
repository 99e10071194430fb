// @ts-check
/**
 * Rehype plugin: wraps every Markdown table of a lesson in a focusable, labelled box that scrolls sideways, so a
 * wide table on a phone scrolls by itself instead of widening the whole page (keyboard users can scroll the box:
 * WCAG scrollable regions). Tables already inside a component (such as ScrollTable) are left as they are.
 */

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/** The visible text of a node. @param {Node} node @returns {string} */
function textOf(node) {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** A short name for the box: the caption if there is one, else the first header cells. @param {Node} table */
export function tableLabel(table) {
  /** @type {Node[]} */
  const cells = [];
  /** @param {Node} n */
  const walk = (n) => {
    if (n.tagName === 'caption') cells.unshift(n);
    else if (n.tagName === 'th' && cells.length < 4) cells.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(table);
  const caption = cells.find((c) => c.tagName === 'caption');
  if (caption) return textOf(caption).trim();
  const heads = cells.map((c) => textOf(c).trim()).filter(Boolean);
  return heads.length ? `Table: ${heads.join(', ')}` : 'Table';
}

/** The plugin: rehypePlugins: [rehypeScrollTables]. */
export default function rehypeScrollTables() {
  /** @param {Node} tree */
  return (tree) => {
    /** @param {Node} parent */
    const visit = (parent) => {
      const children = parent.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (child.type === 'element' && child.tagName === 'table') {
          children[i] = {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(child) },
            children: [child],
          };
        } else if (child.type === 'element' || child.type === 'root') {
          visit(child);
        }
        // Anything else (an MDX component such as <ScrollTable>) keeps its own wrapping.
      }
    };
    visit(tree);
  };
}
