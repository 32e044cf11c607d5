/** tldraw rich text (a TipTap document) as plain text. No DOM: used by the client and shared code. */

/** Rich-text nodes whose children are blocks: one line each. */
const BLOCK_CONTAINERS = new Set(['doc', 'bulletList', 'orderedList', 'taskList', 'listItem', 'taskItem', 'blockquote']);

interface RichNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
}

/** Deeper nesting is not rich text tldraw writes; it reads as nothing (no runaway recursion). */
const MAX_DEPTH = 50;

/** One line per paragraph or list item; '' for anything that is not rich text. */
export function plainTextOfRichText(node: unknown, depth = 0): string {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return '';
  const n = node as RichNode;
  if (n.type === 'text') return typeof n.text === 'string' ? n.text : '';
  if (n.type === 'hardBreak') return '\n';
  const children = Array.isArray(n.content) ? n.content.map((c) => plainTextOfRichText(c, depth + 1)) : [];
  return children.join(typeof n.type === 'string' && BLOCK_CONTAINERS.has(n.type) ? '\n' : '');
}
