import { $createHeadingNode, $isHeadingNode, HeadingNode, QuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createLinkNode, $isLinkNode, $toggleLink, LinkNode } from '@lexical/link';
import { $getNearestBlockElementAncestorOrThrow, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  type BaseSelection,
  type ElementNode,
  type Klass,
  type LexicalNode,
} from 'lexical';
import { safeLinkUrl } from '../../../shared/doc/notes';

/**
 * What the notes editor does to its document, as Lexical `$` functions (run inside
 * `editor.update`). No DOM: the tests run them on headless editors bound to a Y.Doc.
 */

/** The nodes a note may contain. QuoteNode is registered so quotes pasted in keep their meaning. */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];

/** Links open in a new tab, without giving the page they open a handle on the board. */
export const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const;

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'heading' | 'bullet' | 'number' | 'check' | 'quote';

export interface FormatState {
  block: BlockKind;
  bold: boolean;
  italic: boolean;
  link: string | null;
}

export const EMPTY_FORMAT: FormatState = { block: 'paragraph', bold: false, italic: false, link: null };

/** The formatting at the selection, for the toolbar's pressed states. */
export function $readFormat(): FormatState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_FORMAT;
  const anchor = selection.anchor.getNode();
  let block: BlockKind = 'paragraph';
  if (!$isRootOrShadowRoot(anchor)) {
    const list = $getNearestNodeOfType(anchor, ListNode);
    if (list) block = list.getListType();
    else {
      const el = $getNearestBlockElementAncestorOrThrow(anchor);
      if ($isHeadingNode(el)) block = el.getTag() === 'h2' ? 'h2' : el.getTag() === 'h3' ? 'h3' : 'heading';
      else if (el.getType() === 'quote') block = 'quote';
    }
  }
  const parent = anchor.getParent();
  const link = $isLinkNode(anchor) ? anchor : $isLinkNode(parent) ? parent : null;
  return { block, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), link: link ? link.getURL() : null };
}

/**
 * Makes sure there is a block to format and a selection in it. An empty note (nobody wrote in it
 * yet) gets its first paragraph here, as part of the person's own edit; without a selection
 * (the editor was never focused) the caret goes to the end.
 */
export function $ensureBlockSelection(): void {
  const root = $getRoot();
  if (root.isEmpty()) {
    const p = $createParagraphNode();
    root.append(p);
    p.select();
    return;
  }
  if (!$isRangeSelection($getSelection())) root.selectEnd();
}

/** The blocks the selection touches (list items excluded: they are handled as lists). */
function $selectedBlocks(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const blocks = new Set<ElementNode>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes(), selection.focus.getNode()]) {
    if ($isRootOrShadowRoot(node)) continue;
    const block = $getNearestBlockElementAncestorOrThrow(node);
    if ($isElementNode(block) && !$isRootOrShadowRoot(block)) blocks.add(block);
  }
  return [...blocks];
}

/**
 * Turns the selected blocks into headings of `tag`, or back into paragraphs when they already
 * are (a second press of H2 undoes it). Lists are ended first.
 */
export function $toggleHeading(tag: Extract<HeadingTagType, 'h2' | 'h3'>): void {
  $ensureBlockSelection();
  const blocks = $selectedBlocks();
  const allThis = blocks.length > 0 && blocks.every((b) => $isHeadingNode(b) && b.getTag() === tag);
  for (const block of blocks) {
    if ($isListItemNode(block) || $isListNode(block)) continue;
    const next = allThis ? $createParagraphNode() : $createHeadingNode(tag);
    block.replace(next, true);
  }
}

/** Whether the selection sits in a list item (Tab then nests it instead of leaving the editor). */
export function $selectionInListItem(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const node = selection.anchor.getNode();
  return !$isRootOrShadowRoot(node) && $getNearestNodeOfType(node, ListItemNode) !== null;
}

/**
 * Links the selected text to `url` (null removes the link). With nothing selected, the address
 * itself is inserted as the link's text. Returns false, changing nothing, for an address that is
 * not http, https or mailto.
 */
export function $applyLink(url: string | null, saved: BaseSelection | null): boolean {
  if (saved) $setSelection(saved.clone());
  $ensureBlockSelection();
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (url === null) {
    $toggleLink(null);
    return true;
  }
  const safe = safeLinkUrl(url);
  if (!safe) return false;
  if (selection.isCollapsed()) {
    const text = safe.startsWith('mailto:') ? safe.slice('mailto:'.length) : safe;
    const link = $createLinkNode(safe, LINK_ATTRIBUTES);
    link.append($createTextNode(text));
    selection.insertNodes([link]);
    link.selectEnd();
  } else {
    $toggleLink(safe, LINK_ATTRIBUTES);
  }
  return true;
}

/**
 * "Answer in notes": the question as a heading (H3) and an empty paragraph under it, at the end
 * of the note, with the caret in the paragraph. A trailing empty paragraph is reused.
 */
export function $insertQuestion(question: string): void {
  const root = $getRoot();
  const heading = $createHeadingNode('h3');
  heading.append($createTextNode(question));
  const last = root.getLastChild();
  const reusable = last && last.getType() === 'paragraph' && $isElementNode(last) && last.getTextContent().trim() === '' ? last : null;
  const paragraph = reusable ?? $createParagraphNode();
  if (reusable) reusable.insertBefore(heading);
  else root.append(heading, paragraph);
  paragraph.select();
}
