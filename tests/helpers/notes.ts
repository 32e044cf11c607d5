import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { noteName } from '../../shared/doc/docLayout';
import { NOTE_NODES } from '../../client/board/notes/editorCommands';
import { bindNoteEditor, type NoteBindingHandle } from '../../client/board/notes/noteBinding';

/**
 * A real Lexical editor (headless, no DOM) bound to a step's note in `doc` through the same
 * @lexical/yjs binding the Notes tab uses, so tests read notes exactly as people write them.
 */
export function noteEditor(doc: Y.Doc, stepId: string | null): { editor: LexicalEditor; handle: NoteBindingHandle } {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: [...NOTE_NODES],
    onError: (e) => {
      throw e;
    },
  });
  const handle = bindNoteEditor(editor, doc, noteName(stepId));
  return { editor, handle };
}

/** Writes into a step's note with Lexical (`build` runs inside `editor.update`), then unbinds. */
export function writeNote(doc: Y.Doc, stepId: string | null, build: () => void): void {
  const { editor, handle } = noteEditor(doc, stepId);
  editor.update(build, { discrete: true });
  handle.dispose();
}
