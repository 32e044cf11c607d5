import * as Y from 'yjs';
import { noteName } from './docLayout';
import { type ParsedUrl, parseUrl } from '../webPlatform';

/**
 * The team's notes (one Lexical document per step, stored with @lexical/yjs in a top-level
 * Y.XmlText: see docLayout.ts `noteName`) read without Lexical and without a DOM, for the results,
 * the exports and the reports.
 *
 * How @lexical/yjs stores a document: the root Y.XmlText's content is its block children; every
 * element node (paragraph, heading, quote, list, listitem, link) is a nested Y.XmlText whose
 * attributes hold the node's properties (`__type`, and `__tag` for a heading, `__listType` and
 * `__start` for a list, `__url` for a link, `__checked` for a check-list item); a text node is a
 * Y.Map of its properties (`__type: 'text'`, `__format` as Lexical's format bits) followed by its
 * characters as plain text in the parent; a line break is a Y.Map with `__type: 'linebreak'`, a
 * tab a Y.Map with `__type: 'tab'` followed by "\t"; decorators are Y.XmlElements (none are used
 * here; they are skipped).
 *
 * `readNoteBlocks` turns that into a small block model (NoteBlock), and `noteMarkdown` /
 * `noteText` render it. Link addresses are kept only for http, https and mailto (anything else
 * keeps its text and loses the link), so no export carries a `javascript:` link even when a
 * client wrote one into the document.
 */

export interface NoteInline {
  /** The characters; "\n" is a line break. */
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
  code?: true;
  /** The link around the text (http, https or mailto only). */
  href?: string;
}

export interface NoteListItem {
  content: NoteInline[];
  /** Check-list items only. */
  checked?: boolean;
  /** Lists nested under the item. */
  children: NoteBlock[];
}

export type NoteBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: NoteInline[] }
  | { type: 'paragraph'; content: NoteInline[] }
  | { type: 'quote'; content: NoteInline[] }
  | { type: 'list'; ordered: boolean; start: number; check?: true; items: NoteListItem[] };

/** Lexical's text format bits. */
const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address as a browser would send it when it is an http, https or mailto URL (absolute;
 * `www.example.org` alone is not one), otherwise null. Used for every link the notes show or
 * export, and by the editor before it makes a link.
 */
export function safeLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  // Line breaks, tabs and other control characters have no place in an address.
  if (trimmed === '' || trimmed.length > 2000 || [...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  let parsed: ParsedUrl;
  try {
    parsed = parseUrl(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:') return /^mailto:[^@\s]+@[^@\s]+$/.test(parsed.href) ? parsed.href : null;
  return parsed.hostname ? parsed.href : null;
}

type Delta = { insert?: unknown; attributes?: Record<string, unknown> }[];

function attr(type: Y.XmlText, name: string): unknown {
  return type.getAttribute(name);
}

function typeOf(shared: Y.XmlText | Y.Map<unknown>): unknown {
  return shared instanceof Y.Map ? shared.get('__type') : attr(shared, '__type');
}

function formatOf(bits: unknown, href: string | null): Omit<NoteInline, 'text'> {
  const out: Omit<NoteInline, 'text'> = {};
  const n = typeof bits === 'number' ? bits : 0;
  if (n & FORMAT.bold) out.bold = true;
  if (n & FORMAT.italic) out.italic = true;
  if (n & FORMAT.strikethrough) out.strikethrough = true;
  if (n & FORMAT.underline) out.underline = true;
  if (n & FORMAT.code) out.code = true;
  if (href) out.href = href;
  return out;
}

function sameFormat(a: NoteInline, b: NoteInline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough && a.code === b.code && a.href === b.href;
}

/** Adjacent runs with the same formatting joined, empty runs dropped. */
function mergeRuns(runs: NoteInline[]): NoteInline[] {
  const out: NoteInline[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameFormat(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/**
 * The inline content of an element: text runs, line breaks, links. Other nested elements are read
 * as inline content too, except nested lists when `skipLists` (a list item's own lists).
 */
function readInlines(element: Y.XmlText, href: string | null, out: NoteInline[], skipLists = false): void {
  let current: NoteInline | null = null;
  for (const op of element.toDelta() as Delta) {
    const ins = op.insert;
    if (typeof ins === 'string') {
      if (!current) {
        current = { text: '', ...formatOf(0, href) };
        out.push(current);
      }
      current.text += ins;
    } else if (ins instanceof Y.Map) {
      if (typeOf(ins) === 'linebreak') {
        out.push({ text: '\n', ...formatOf(0, href) });
        current = null;
      } else {
        // text, tab and any other text-like node: its characters follow in the parent.
        current = { text: '', ...formatOf(ins.get('__format'), href) };
        out.push(current);
      }
    } else if (ins instanceof Y.XmlText) {
      current = null;
      const type = typeOf(ins);
      if (skipLists && type === 'list') continue;
      const url = type === 'link' || type === 'autolink' ? safeLinkUrl(attr(ins, '__url')) : null;
      readInlines(ins, url ?? href, out);
    } else {
      // Decorators and anything unknown carry no text we can show.
      current = null;
    }
  }
}

function inlinesOf(element: Y.XmlText, skipLists = false): NoteInline[] {
  const runs: NoteInline[] = [];
  readInlines(element, null, runs, skipLists);
  return mergeRuns(runs);
}

function headingLevel(tag: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const m = typeof tag === 'string' ? /^h([1-6])$/.exec(tag) : null;
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5 | 6) : 2;
}

function readList(list: Y.XmlText): Extract<NoteBlock, { type: 'list' }> {
  const listType = attr(list, '__listType');
  const start = attr(list, '__start');
  const items: NoteListItem[] = [];
  for (const op of list.toDelta() as Delta) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const li = op.insert;
    const children: NoteBlock[] = [];
    for (const child of li.toDelta() as Delta) {
      if (child.insert instanceof Y.XmlText && typeOf(child.insert) === 'list') children.push(readList(child.insert));
    }
    const item: NoteListItem = { content: inlinesOf(li, true), children };
    if (listType === 'check') item.checked = attr(li, '__checked') === true;
    // Lexical nests a list in an item of its own; it belongs to the item before it.
    const previous = items[items.length - 1];
    if (item.content.length === 0 && children.length > 0 && previous) previous.children.push(...children);
    else items.push(item);
  }
  const block: Extract<NoteBlock, { type: 'list' }> = {
    type: 'list',
    ordered: listType === 'number',
    start: typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1,
    items,
  };
  if (listType === 'check') block.check = true;
  return block;
}

/** The blocks of a note's root Y.XmlText. */
export function readNoteBlocks(root: Y.XmlText): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let loose: NoteInline[] | null = null;
  for (const op of root.toDelta() as Delta) {
    const ins = op.insert;
    if (ins instanceof Y.XmlText) {
      loose = null;
      const type = typeOf(ins);
      if (type === 'heading') blocks.push({ type: 'heading', level: headingLevel(attr(ins, '__tag')), content: inlinesOf(ins) });
      else if (type === 'list') blocks.push(readList(ins));
      else if (type === 'quote') blocks.push({ type: 'quote', content: inlinesOf(ins) });
      else blocks.push({ type: 'paragraph', content: inlinesOf(ins) });
    } else if (typeof ins === 'string' || ins instanceof Y.Map) {
      // Text straight under the root is not something Lexical writes; keep it as a paragraph.
      if (!loose) {
        loose = [];
        blocks.push({ type: 'paragraph', content: loose });
      }
      if (typeof ins === 'string') loose.push({ text: ins });
    }
  }
  return blocks;
}

/**
 * The blocks of a step's note (`null`: the whole board's note), or [] when there is none. Reads
 * only: a note that was never written is not created.
 */
export function readNote(doc: Y.Doc, stepId: string | null): NoteBlock[] {
  const name = noteName(stepId);
  if (!doc.share.has(name)) return [];
  let root: Y.XmlText;
  try {
    root = doc.get(name, Y.XmlText) as Y.XmlText;
  } catch {
    // Something else was stored under the name: not a note.
    return [];
  }
  return readNoteBlocks(root);
}

/** True when the note has no visible text. */
export function isNoteEmpty(blocks: readonly NoteBlock[]): boolean {
  return noteText(blocks).trim() === '';
}

// --- Plain text ----------------------------------------------------------------------------

function plainInline(content: readonly NoteInline[]): string {
  let out = '';
  for (let i = 0; i < content.length; i++) {
    const r = content[i];
    out += r.text;
    // A link's address follows its text once, unless the text already is the address.
    const next = content[i + 1];
    if (r.href && next?.href !== r.href) {
      let text = r.text;
      for (let j = i - 1; j >= 0 && content[j].href === r.href; j--) text = content[j].text + text;
      const plainHref = r.href.startsWith('mailto:') ? r.href.slice('mailto:'.length) : r.href;
      if (text.trim() !== r.href && text.trim() !== plainHref && `${text.trim()}/` !== r.href) out += ` (${plainHref})`;
    }
  }
  return out;
}

function plainList(list: Extract<NoteBlock, { type: 'list' }>, indent: string): string[] {
  const lines: string[] = [];
  list.items.forEach((item, i) => {
    const marker = list.check ? `[${item.checked ? 'x' : ' '}] ` : list.ordered ? `${list.start + i}. ` : '- ';
    const text = plainInline(item.content).split('\n');
    lines.push(`${indent}${marker}${text[0]}`.trimEnd());
    for (const more of text.slice(1)) lines.push(`${indent}${' '.repeat(marker.length)}${more}`.trimEnd());
    for (const child of item.children) if (child.type === 'list') lines.push(...plainList(child, indent + ' '.repeat(marker.length)));
  });
  return lines;
}

/**
 * The note as plain text: blocks separated by a blank line, list items one per line ("- ",
 * "1. ", nested ones indented), a link's address in brackets after its text.
 */
export function noteText(blocks: readonly NoteBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    const text = b.type === 'list' ? plainList(b, '').join('\n') : plainInline(b.content);
    if (text.trim() !== '') parts.push(text.replace(/[ \t]+$/gm, ''));
  }
  return parts.join('\n\n');
}

// --- Markdown ------------------------------------------------------------------------------

/** Characters with a meaning inside a line of Markdown (GitHub's extensions included). */
const MD_INLINE = /[\\`*_[\]<>#|~&$]/g;

/** What makes the start of a line a list item, a heading underline or a thematic break. */
function escapeLineStart(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(/^([-+=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** One run without line breaks, with its emphasis markers outside its leading and trailing spaces. */
function markdownRun(r: NoteInline, text: string): string {
  if (text === '') return '';
  if (r.code) return codeSpan(text);
  const escaped = text.replace(MD_INLINE, (c) => `\\${c}`);
  const m = /^(\s*)(.*?)(\s*)$/s.exec(escaped)!;
  if (m[2] === '') return escaped;
  let core = m[2];
  if (r.strikethrough) core = `~~${core}~~`;
  if (r.italic) core = `*${core}*`;
  if (r.bold) core = `**${core}**`;
  return `${m[1]}${core}${m[3]}`;
}

/** Inline content as Markdown lines (a line break starts a new line). */
function markdownLines(content: readonly NoteInline[]): string[] {
  const lines: string[] = [''];
  let i = 0;
  while (i < content.length) {
    const href = content[i].href;
    // A link takes every following run with the same address.
    let j = i;
    while (j < content.length && content[j].href === href) j++;
    const group = content.slice(i, j);
    const rendered: string[] = [''];
    for (const r of group) {
      r.text.split('\n').forEach((piece, k) => {
        if (k > 0) rendered.push('');
        rendered[rendered.length - 1] += markdownRun(r, piece);
      });
    }
    if (href) {
      // A link cannot span lines: each line gets its own link.
      rendered.forEach((line, k) => {
        if (line.trim() !== '') rendered[k] = `[${line}](<${href}>)`;
      });
    }
    lines[lines.length - 1] += rendered[0];
    lines.push(...rendered.slice(1));
    i = j;
  }
  return lines.map((l) => l.replace(/\s+$/, ''));
}

/** A paragraph's lines joined with hard breaks, each line safe at its start. */
function markdownParagraph(content: readonly NoteInline[]): string {
  const lines = markdownLines(content).map(escapeLineStart);
  // Blank lines inside a paragraph would end it; drop them.
  return lines.filter((l) => l !== '').join('\\\n');
}

function markdownList(list: Extract<NoteBlock, { type: 'list' }>, headingShift: number): string {
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${list.start + i}. ` : list.check ? `- [${item.checked ? 'x' : ' '}] ` : '- ';
      const pad = ' '.repeat(list.ordered ? marker.length : 2);
      const body = markdownParagraph(item.content);
      const lines = body === '' ? [] : body.split('\n');
      const out = [`${marker}${lines[0] ?? ''}`.trimEnd(), ...lines.slice(1).map((l) => pad + l)];
      for (const child of item.children) {
        const nested = renderBlock(child, headingShift);
        if (nested !== '') out.push(...nested.split('\n').map((l) => (l === '' ? '' : pad + l)));
      }
      return out.join('\n');
    })
    .join('\n');
}

function renderBlock(b: NoteBlock, headingShift: number): string {
  switch (b.type) {
    case 'heading': {
      const text = markdownLines(b.content)
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      return text === '' ? '' : `${'#'.repeat(Math.min(6, b.level + headingShift))} ${text}`;
    }
    case 'paragraph':
      return markdownParagraph(b.content);
    case 'quote': {
      const body = markdownParagraph(b.content);
      return body === '' ? '' : body.split('\n').map((l) => `> ${l}`).join('\n');
    }
    case 'list':
      return markdownList(b, headingShift);
  }
}

/**
 * The note as Markdown (CommonMark with GitHub's strikethrough and task lists). Text is escaped,
 * so what someone typed (`# not a heading`, `*stars*`, `<b>`, `[x](y)`) stays text; only the
 * note's own formatting becomes markup. `headingShift` moves headings down, for a note placed
 * under a report's own headings (## becomes #### with 2).
 */
export function noteMarkdown(blocks: readonly NoteBlock[], options: { headingShift?: number } = {}): string {
  const shift = options.headingShift ?? 0;
  return blocks
    .map((b) => renderBlock(b, shift))
    .filter((s) => s !== '')
    .join('\n\n');
}
