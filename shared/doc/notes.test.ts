import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createLinkNode } from '@lexical/link';
import { $convertFromMarkdownString, $convertToMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type TextFormatType } from 'lexical';
import { isNoteEmpty, noteMarkdown, noteText, readNote, safeLinkUrl, type NoteBlock } from './notes';
import { noteEditor, writeNote } from '../../tests/helpers/notes';

function text(t: string, ...formats: TextFormatType[]) {
  const node = $createTextNode(t);
  for (const f of formats) node.toggleFormat(f);
  return node;
}

function li(...children: Parameters<ReturnType<typeof $createListItemNode>['append']>) {
  return $createListItemNode().append(...children);
}

/** A note with everything the toolbar and the shortcuts make, plus text full of Markdown. */
function fullNote(doc: Y.Doc, stepId: string | null = 'tables') {
  writeNote(doc, stepId, () => {
    const root = $getRoot();
    root.append(
      $createHeadingNode('h2').append(text('Who convenes employers?')),
      $createParagraphNode().append(
        text('The college runs '),
        text('three', 'bold'),
        text(' advisory boards, '),
        text('mostly', 'italic'),
        text(' for '),
        text('nursing', 'bold', 'italic'),
        text('. Data: '),
        $createLinkNode('https://example.org/lmi?sector=health&y=2026').append(text('labour market profile')),
        text(', contact '),
        $createLinkNode('mailto:ana@example.org').append(text('Ana')),
        text('.'),
      ),
      $createHeadingNode('h3').append(text('Open questions')),
      $createListNode('bullet').append(
        li(text('Chamber health council')),
        // Lexical nests a list in an item of its own.
        li($createListNode('number').append(li(text('meets monthly')), li(text('no hospital CEO')))),
        li(text('Workforce board '), text('sector table', 'bold')),
      ),
      $createListNode('number', 3).append(li(text('third')), li(text('fourth'))),
      $createParagraphNode().append(
        text('# not a heading, *not emphasis*, _nor this_, [no](link) <b>tag</b> `code` | a ~ b & c $5 \\ end'),
        $createLineBreakNode(),
        text('- not a list'),
        $createLineBreakNode(),
        text('1. not numbered either'),
      ),
      $createParagraphNode(),
      $createQuoteNode().append(text('Employers: “just one phone number”')),
    );
  });
}

describe('reading a note written by Lexical', () => {
  it('keeps headings, nested lists, bold and italic, links and the text exactly', () => {
    const doc = new Y.Doc();
    fullNote(doc);
    const blocks = readNote(doc, 'tables');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'paragraph', 'paragraph', 'quote']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, content: [{ text: 'Who convenes employers?' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      content: [
        { text: 'The college runs ' },
        { text: 'three', bold: true },
        { text: ' advisory boards, ' },
        { text: 'mostly', italic: true },
        { text: ' for ' },
        { text: 'nursing', bold: true, italic: true },
        { text: '. Data: ' },
        { text: 'labour market profile', href: 'https://example.org/lmi?sector=health&y=2026' },
        { text: ', contact ' },
        { text: 'Ana', href: 'mailto:ana@example.org' },
        { text: '.' },
      ],
    });
    const list = blocks[3] as Extract<NoteBlock, { type: 'list' }>;
    expect(list.ordered).toBe(false);
    // The nested list belongs to the item before it.
    expect(list.items.map((i) => i.content.map((r) => r.text).join(''))).toEqual(['Chamber health council', 'Workforce board sector table']);
    expect(list.items[0].children).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          { content: [{ text: 'meets monthly' }], children: [] },
          { content: [{ text: 'no hospital CEO' }], children: [] },
        ],
      },
    ]);
    expect(blocks[4]).toMatchObject({ type: 'list', ordered: true, start: 3 });
  });

  it('renders Markdown that keeps the formatting and escapes what was typed', () => {
    const doc = new Y.Doc();
    fullNote(doc);
    expect(noteMarkdown(readNote(doc, 'tables'))).toBe(
      [
        '## Who convenes employers?',
        '',
        'The college runs **three** advisory boards, *mostly* for ***nursing***. Data: [labour market profile](<https://example.org/lmi?sector=health&y=2026>), contact [Ana](<mailto:ana@example.org>).',
        '',
        '### Open questions',
        '',
        '- Chamber health council',
        '  1. meets monthly',
        '  2. no hospital CEO',
        '- Workforce board **sector table**',
        '',
        '3. third',
        '4. fourth',
        '',
        '\\# not a heading, \\*not emphasis\\*, \\_nor this\\_, \\[no\\](link) \\<b\\>tag\\</b\\> \\`code\\` \\| a \\~ b \\& c \\$5 \\\\ end\\',
        '\\- not a list\\',
        '1\\. not numbered either',
        '',
        '> Employers: “just one phone number”',
      ].join('\n'),
    );
  });

  it('renders plain text with list markers and link addresses', () => {
    const doc = new Y.Doc();
    fullNote(doc);
    expect(noteText(readNote(doc, 'tables'))).toBe(
      [
        'Who convenes employers?',
        '',
        'The college runs three advisory boards, mostly for nursing. Data: labour market profile (https://example.org/lmi?sector=health&y=2026), contact Ana (ana@example.org).',
        '',
        'Open questions',
        '',
        '- Chamber health council',
        '  1. meets monthly',
        '  2. no hospital CEO',
        '- Workforce board sector table',
        '',
        '3. third',
        '4. fourth',
        '',
        '# not a heading, *not emphasis*, _nor this_, [no](link) <b>tag</b> `code` | a ~ b & c $5 \\ end',
        '- not a list',
        '1. not numbered either',
        '',
        'Employers: “just one phone number”',
      ].join('\n'),
    );
  });

  it('reads back into Lexical with the same structure (its own Markdown import)', () => {
    const doc = new Y.Doc();
    fullNote(doc);
    const md = noteMarkdown(readNote(doc, 'tables').filter((b) => b.type !== 'paragraph' || !b.content.some((r) => r.text.includes('\n'))));
    const copy = new Y.Doc();
    writeNote(copy, 'x', () => $convertFromMarkdownString(md, TRANSFORMERS));
    const back = readNote(copy, 'x');
    expect(back.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'quote']);
    expect(noteMarkdown(back)).toBe(md);
  });

  it('agrees with Lexical on the text of each block', () => {
    const doc = new Y.Doc();
    fullNote(doc);
    const { editor, handle } = noteEditor(doc, 'tables');
    const lexicalMd = editor.getEditorState().read(() => $convertToMarkdownString(TRANSFORMERS));
    handle.dispose();
    // Lexical's own export does not escape line starts; the words are the same.
    const words = (s: string) =>
      s
        .replace(/\\/g, '')
        .replace(/[*_#>`[\]()<>|~&$-]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    expect(words(noteMarkdown(readNote(doc, 'tables'))).filter((w) => !w.startsWith('https') && !w.startsWith('mailto'))).toEqual(
      words(lexicalMd).filter((w) => !w.startsWith('https') && !w.startsWith('mailto')),
    );
  });

  it('drops links that are not http, https or mailto, keeping their text', () => {
    const doc = new Y.Doc();
    writeNote(doc, 's', () => {
      $getRoot().append(
        $createParagraphNode().append(
          $createLinkNode('javascript:alert(1)').append(text('click')),
          text(' '),
          $createLinkNode('data:text/html,<script>x</script>').append(text('data')),
          text(' '),
          $createLinkNode('https://ok.example/').append(text('ok')),
        ),
      );
    });
    const blocks = readNote(doc, 's');
    expect(blocks[0]).toEqual({ type: 'paragraph', content: [{ text: 'click data ' }, { text: 'ok', href: 'https://ok.example/' }] });
    expect(noteMarkdown(blocks)).toBe('click data [ok](<https://ok.example/>)');
    expect(noteMarkdown(blocks)).not.toContain('javascript');
  });

  it('moves emphasis markers inside spaces and shifts headings on request', () => {
    const doc = new Y.Doc();
    writeNote(doc, 's', () => {
      $getRoot().append($createHeadingNode('h2').append(text('Title')), $createParagraphNode().append(text('a'), text(' bold ', 'bold'), text('b')));
    });
    const blocks = readNote(doc, 's');
    expect(noteMarkdown(blocks)).toBe('## Title\n\na **bold** b');
    expect(noteMarkdown(blocks, { headingShift: 2 })).toBe('#### Title\n\na **bold** b');
  });
});

describe('readNote', () => {
  it('returns nothing for a note never written, without creating it', () => {
    const doc = new Y.Doc();
    expect(readNote(doc, 'missing')).toEqual([]);
    expect(doc.share.has('note:missing')).toBe(false);
    expect(isNoteEmpty([])).toBe(true);
  });

  it('ignores something that is not a note under a note name', () => {
    const doc = new Y.Doc();
    doc.getMap('note:odd').set('x', 1);
    expect(readNote(doc, 'odd')).toEqual([]);
  });

  it('reads a note that arrived as an update, and the board note of a board without steps', () => {
    const source = new Y.Doc();
    writeNote(source, null, () => $getRoot().append($createParagraphNode().append(text('Launch on May 5'))));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(noteText(readNote(doc, null))).toBe('Launch on May 5');
  });

  it('counts a note with only empty paragraphs as empty', () => {
    const doc = new Y.Doc();
    writeNote(doc, 's', () => $getRoot().append($createParagraphNode(), $createParagraphNode().append(text('  '))));
    expect(isNoteEmpty(readNote(doc, 's'))).toBe(true);
    expect(noteMarkdown(readNote(doc, 's'))).toBe('');
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://example.org', 'http://example.org/'],
    ['  mailto:ana@example.org ', 'mailto:ana@example.org'],
  ])('accepts %j', (url, expected) => {
    expect(safeLinkUrl(url)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'www.example.org', '/relative', 'mailto:', 'https://', 'ftp://x.org', 'https://x.org/\nevil', '', 42])('refuses %j', (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});
