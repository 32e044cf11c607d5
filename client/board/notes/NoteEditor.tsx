import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { BOLD_ITALIC_STAR, BOLD_STAR, BOLD_UNDERSCORE, HEADING, ITALIC_STAR, ITALIC_UNDERSCORE, ORDERED_LIST, UNORDERED_LIST, type Transformer } from '@lexical/markdown';
import { COMMAND_PRIORITY_LOW, INDENT_CONTENT_COMMAND, KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND, type LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { safeLinkUrl } from '../../../shared/doc/notes';
import { $insertQuestion, $selectionInListItem, LINK_ATTRIBUTES, NOTE_NODES } from './editorCommands';
import { bindNoteEditor } from './noteBinding';
import { NoteToolbar } from './NoteToolbar';

/** Markdown typed at the start of a line: `## ` / `### ` headings, `- ` / `1. ` lists, `**bold**`, `*italic*`. */
const SHORTCUTS: Transformer[] = [
  { ...HEADING, regExp: /^(#{2,3})\s/ },
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
];

const THEME: InitialConfigType['theme'] = {
  paragraph: 'note-p',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3', h4: 'note-h4', h5: 'note-h5', h6: 'note-h6' },
  quote: 'note-quote',
  list: {
    ul: 'note-ul',
    ol: 'note-ol',
    listitem: 'note-li',
    nested: { listitem: 'note-li-nested' },
  },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline', strikethrough: 'note-strike', code: 'note-code' },
};

/** Binds the editor to its note in the board doc (see noteBinding.ts) for as long as it is mounted. */
function NoteBindingPlugin({ doc, rootName, readOnly }: { doc: Y.Doc; rootName: string; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  useEffect(() => {
    const handle = bindNoteEditor(editor, doc, rootName, { readOnly: () => readOnlyRef.current });
    return () => handle.dispose();
  }, [editor, doc, rootName]);
  return null;
}

/** Follows the read-only state after mount (a terminal close turns the board read-only). */
function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  return null;
}

/**
 * Tab and Shift+Tab nest and un-nest list items; everywhere else Tab leaves the editor as usual,
 * so keyboard users are never trapped in it.
 */
function ListTabPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          if (!editor.getEditorState().read($selectionInListItem)) return false;
          event.preventDefault();
          return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}

function EditorRefPlugin({ onEditor }: { onEditor(editor: LexicalEditor): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onEditor(editor), [editor, onEditor]);
  return null;
}

/**
 * Links open in a new tab that gets no handle on the board (`noopener`): on a click for viewers,
 * on Ctrl/⌘+click while editing (a plain click places the caret). Lexical's ClickableLinkPlugin
 * is not used: it opens every click, editing or not, and without `noopener`.
 */
function LinkOpenPlugin({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const anchor = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!anchor) return;
      e.preventDefault();
      if (!readOnly && !(e.ctrlKey || e.metaKey)) return;
      const url = safeLinkUrl(anchor.getAttribute('href'));
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, readOnly]);
  return null;
}

export interface NoteEditorHandle {
  /** Adds the question as a heading with an empty paragraph under it and puts the caret there. */
  answer(question: string): void;
}

export interface NoteEditorProps {
  doc: Y.Doc;
  /** The note's top-level name in the doc (docLayout.ts `noteName`). Read once: remount for another note. */
  rootName: string;
  /** Accessible name of the editable area, e.g. "Notes for Map the tables". */
  label: string;
  readOnly: boolean;
}

/**
 * One note as a collaborative rich-text editor: headings (H2, H3), bulleted and numbered lists,
 * bold, italic and links, from the toolbar, the keyboard (Ctrl/⌘+B, Ctrl/⌘+I) or Markdown typed
 * at the start of a line. Viewers get the same text, not editable and without the toolbar.
 */
export const NoteEditor = forwardRef<NoteEditorHandle, NoteEditorProps>(function NoteEditor({ doc, rootName, label, readOnly }, ref) {
  const hintId = useId();
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: `pb-${rootName}`,
    nodes: NOTE_NODES,
    theme: THEME,
    editable: !readOnly,
    // Nothing is created here: the note's content comes from the doc (NoteBindingPlugin).
    editorState: null,
    onError: (error) => console.error(error),
  }));

  useImperativeHandle(
    ref,
    () => ({
      answer(question: string) {
        if (!editor?.isEditable()) return;
        editor.update(() => $insertQuestion(question));
        editor.focus();
      },
    }),
    [editor],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={`note-editor${readOnly ? ' read-only' : ''}`} data-testid="note-editor">
        {!readOnly && <NoteToolbar />}
        <div className="note-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-content"
                aria-label={label}
                aria-describedby={readOnly ? undefined : hintId}
                aria-multiline
                aria-readonly={readOnly || undefined}
                spellCheck
                data-testid="note-content"
                aria-placeholder={readOnly ? 'Nothing written yet.' : 'Write the team’s notes…'}
                placeholder={<div className="note-placeholder">{readOnly ? 'Nothing written yet.' : 'Write the team’s notes…'}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {!readOnly && (
          <p className="hint note-hint" id={hintId}>
            Shortcuts: <kbd>##</kbd> heading, <kbd>-</kbd> list, <kbd>1.</kbd> numbered list, Ctrl+B bold, Ctrl+I italic; Tab nests a list item; Ctrl+click opens a link.
          </p>
        )}
      </div>
      <NoteBindingPlugin doc={doc} rootName={rootName} readOnly={readOnly} />
      <EditablePlugin editable={!readOnly} />
      <ListPlugin />
      <LinkOpenPlugin readOnly={readOnly} />
      <LinkPlugin validateUrl={(url) => safeLinkUrl(url) !== null} attributes={LINK_ATTRIBUTES} />
      {!readOnly && <MarkdownShortcutPlugin transformers={SHORTCUTS} />}
      {!readOnly && <ListTabPlugin />}
      <EditorRefPlugin onEditor={setEditor} />
    </LexicalComposer>
  );
});
