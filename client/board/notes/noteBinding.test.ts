import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { noteMarkdown, readNote } from '../../../shared/doc/notes';
import { noteEditor, writeNote } from '../../../tests/helpers/notes';
import { $applyLink, $insertQuestion, $toggleHeading } from './editorCommands';
import { createHeadlessEditor } from '@lexical/headless';
import { NOTE_NODES } from './editorCommands';
import { bindNoteEditor, createLocalNoteProvider } from './noteBinding';

/** Two docs that exchange every update, as two browsers on one board do. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, u, 'remote');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, u, 'remote');
  });
  return [a, b];
}

function paragraph(editor: LexicalEditor, text: string) {
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
}

const md = (doc: Y.Doc, step = 's') => noteMarkdown(readNote(doc, step));
const editorText = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());
/** Lexical's own updates and the Y events it reacts to settle within a task. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('bindNoteEditor', () => {
  it('loads a note that is already in the doc (the board is synced before the tab opens)', () => {
    const doc = new Y.Doc();
    writeNote(doc, 's', () => $getRoot().append($createHeadingNode('h2').append($createTextNode('Scope')), $createParagraphNode().append($createTextNode('Two counties'))));
    const { editor, handle } = noteEditor(doc, 's');
    expect(editorText(editor)).toBe('Scope\n\nTwo counties');
    handle.dispose();
  });

  it('loads the same note again in a new editor without duplicating it', () => {
    const doc = new Y.Doc();
    writeNote(doc, 's', () => $getRoot().append($createParagraphNode().append($createTextNode('Once'))));
    for (let i = 0; i < 3; i++) {
      const { editor, handle } = noteEditor(doc, 's');
      expect(editorText(editor)).toBe('Once');
      handle.dispose();
    }
    // And an editor remounted on it still writes to it correctly.
    const { editor, handle } = noteEditor(doc, 's');
    paragraph(editor, 'Twice');
    handle.dispose();
    expect(md(doc)).toBe('Once\n\nTwice');
  });

  it('sends local edits to the other client and shows theirs', async () => {
    const [a, b] = linkedDocs();
    const ea = noteEditor(a, 's');
    const eb = noteEditor(b, 's');
    paragraph(ea.editor, 'from A');
    await settle();
    expect(editorText(eb.editor)).toBe('from A');
    paragraph(eb.editor, 'from B');
    await settle();
    expect(editorText(ea.editor)).toBe('from A\n\nfrom B');
    expect(md(a)).toBe(md(b));
    ea.handle.dispose();
    eb.handle.dispose();
  });

  it('undoes only its own edits', async () => {
    const [a, b] = linkedDocs();
    const ea = noteEditor(a, 's');
    const eb = noteEditor(b, 's');
    paragraph(ea.editor, 'mine');
    ea.handle.undoManager.stopCapturing();
    await settle();
    paragraph(eb.editor, 'theirs');
    await settle();
    paragraph(ea.editor, 'mine again');
    await settle();
    ea.editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    expect(md(a)).toBe('mine\n\ntheirs');
    ea.editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    expect(md(a)).toBe('theirs');
    expect(md(b)).toBe('theirs');
    ea.handle.dispose();
    eb.handle.dispose();
  });

  it('never seeds an empty note: opening it writes nothing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    const { handle } = noteEditor(doc, 's');
    handle.dispose();
    const again = noteEditor(doc, 's');
    again.handle.dispose();
    expect(updates).toBe(0);
    expect(readNote(doc, 's')).toEqual([]);
  });

  it('keeps both first paragraphs when two people start an empty note at once, with no empty block', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ea = noteEditor(a, 's');
    const eb = noteEditor(b, 's');
    // Offline from each other: both type into the empty note.
    ea.editor.update(() => $getRoot().selectEnd().insertText('Ada was first'), { discrete: true });
    eb.editor.update(() => $getRoot().selectEnd().insertText('Bo was first'), { discrete: true });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    await settle();
    expect(md(a)).toBe(md(b));
    const blocks = readNote(a, 's');
    expect(blocks).toHaveLength(2);
    expect(blocks.map((x) => (x.type === 'paragraph' ? x.content.map((r) => r.text).join('') : '')).sort()).toEqual(['Ada was first', 'Bo was first']);
    ea.handle.dispose();
    eb.handle.dispose();
  });

  it('writes nothing into the doc while read-only, and still shows what others write', async () => {
    const [a, b] = linkedDocs();
    const viewer = createHeadlessEditor({ namespace: 'v', nodes: [...NOTE_NODES], onError: (e) => { throw e; } });
    const handle = bindNoteEditor(viewer, b, 'note:s', { readOnly: () => true });
    let viewerUpdates = 0;
    b.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') viewerUpdates++;
    });
    paragraph(viewer, 'not sent');
    await settle();
    expect(viewerUpdates).toBe(0);
    expect(readNote(a, 's')).toEqual([]);
    writeNote(a, 's', () => $getRoot().append($createParagraphNode().append($createTextNode('from an editor'))));
    await settle();
    expect(editorText(viewer)).toContain('from an editor');
    expect(viewerUpdates).toBe(0);
    handle.dispose();
  });

  it('keeps the board presence alone: selection goes to a local awareness', () => {
    const doc = new Y.Doc();
    const provider = createLocalNoteProvider(doc);
    provider.awareness.setLocalState({ name: 'x', color: '#000', anchorPos: null, focusPos: null, focusing: false, awarenessData: {} });
    expect([...provider.awareness.getStates().keys()]).toEqual([doc.clientID]);
  });
});

describe('editor commands', () => {
  it('"Answer in notes" adds the question as an H3 and an empty paragraph with the caret in it', () => {
    const doc = new Y.Doc();
    const { editor, handle } = noteEditor(doc, 's');
    paragraph(editor, 'Earlier notes');
    editor.update(() => $insertQuestion('Is the footprint agreed?'), { discrete: true });
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      expect($isRangeSelection(selection) && selection.anchor.getNode().getType()).toBe('paragraph');
    });
    expect(md(doc)).toBe('Earlier notes\n\n### Is the footprint agreed?');
    // A second question reuses the empty paragraph at the end.
    editor.update(() => $insertQuestion('Which sector is next?'), { discrete: true });
    expect(readNote(doc, 's').map((b) => b.type)).toEqual(['paragraph', 'heading', 'heading', 'paragraph']);
    handle.dispose();
  });

  it('toggles a heading on an empty note and back', () => {
    const doc = new Y.Doc();
    const { editor, handle } = noteEditor(doc, 's');
    editor.update(() => $toggleHeading('h2'), { discrete: true });
    editor.update(() => $getSelection()?.insertText('Scope'), { discrete: true });
    expect(md(doc)).toBe('## Scope');
    editor.update(() => $toggleHeading('h2'), { discrete: true });
    expect(md(doc)).toBe('Scope');
    handle.dispose();
  });

  it('links only http, https and mailto addresses', () => {
    const doc = new Y.Doc();
    const { editor, handle } = noteEditor(doc, 's');
    let ok = true;
    editor.update(() => {
      ok = $applyLink('javascript:alert(1)', null);
    }, { discrete: true });
    expect(ok).toBe(false);
    editor.update(() => {
      ok = $applyLink('https://example.org/data', null);
    }, { discrete: true });
    expect(ok).toBe(true);
    expect(md(doc)).toBe('[https://example.org/data](<https://example.org/data>)');
    handle.dispose();
  });
});
