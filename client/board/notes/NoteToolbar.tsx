import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { safeLinkUrl } from '../../../shared/doc/notes';
import { $applyLink, $ensureBlockSelection, $readFormat, $toggleHeading, EMPTY_FORMAT, type FormatState } from './editorCommands';

function useFormatState(editor: LexicalEditor): FormatState {
  const [state, setState] = useState<FormatState>(EMPTY_FORMAT);
  useEffect(() => {
    const read = () => {
      const next = editor.getEditorState().read($readFormat);
      setState((prev) => (prev.block === next.block && prev.bold === next.bold && prev.italic === next.italic && prev.link === next.link ? prev : next));
    };
    read();
    return mergeRegister(
      editor.registerUpdateListener(read),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          read();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return state;
}

interface ToolButton {
  id: string;
  label: string;
  content: ReactNode;
  pressed: boolean;
  run(): void;
}

/**
 * The formatting toolbar (WAI-ARIA toolbar: one tab stop, arrow keys, Home and End move between
 * buttons). Buttons keep the editor's selection (they never take focus on pointer down) and give
 * the keyboard back to the text after a format is applied. The link button opens a small form
 * that only accepts http, https and mailto addresses.
 */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext();
  const format = useFormatState(editor);
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const [linkForm, setLinkForm] = useState<{ saved: BaseSelection | null } | null>(null);

  const withBlock = (fn: () => void) => {
    editor.update(() => $ensureBlockSelection());
    fn();
    editor.focus();
  };
  const toggleList = (type: 'bullet' | 'number') =>
    withBlock(() => {
      if (format.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    });

  const buttons: ToolButton[] = [
    { id: 'h2', label: 'Heading 2', content: 'H2', pressed: format.block === 'h2', run: () => withBlock(() => editor.update(() => $toggleHeading('h2'))) },
    { id: 'h3', label: 'Heading 3', content: 'H3', pressed: format.block === 'h3', run: () => withBlock(() => editor.update(() => $toggleHeading('h3'))) },
    { id: 'bold', label: 'Bold', content: <strong>B</strong>, pressed: format.bold, run: () => withBlock(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')) },
    { id: 'italic', label: 'Italic', content: <em>I</em>, pressed: format.italic, run: () => withBlock(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')) },
    { id: 'bullet', label: 'Bulleted list', content: <BulletIcon />, pressed: format.block === 'bullet', run: () => toggleList('bullet') },
    { id: 'number', label: 'Numbered list', content: <NumberIcon />, pressed: format.block === 'number', run: () => toggleList('number') },
    {
      id: 'link',
      label: format.link ? 'Edit link' : 'Link',
      content: <LinkIcon />,
      pressed: format.link !== null,
      run: () => setLinkForm({ saved: editor.getEditorState().read(() => $getSelection()?.clone() ?? null) }),
    },
  ];

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = buttons.length - 1;
    const next =
      e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div className="note-toolbar" role="toolbar" aria-label="Formatting" data-testid="note-toolbar">
        {buttons.map((b, i) => (
          <button
            key={b.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            className={`note-tool${b.id === 'bullet' || b.id === 'link' ? ' group-start' : ''}`}
            aria-label={b.label}
            aria-pressed={b.pressed}
            title={b.id === 'bold' ? 'Bold (Ctrl+B)' : b.id === 'italic' ? 'Italic (Ctrl+I)' : b.label}
            tabIndex={i === active ? 0 : -1}
            data-testid={`note-tool-${b.id}`}
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setActive(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={b.run}
          >
            {b.content}
          </button>
        ))}
      </div>
      {linkForm && (
        <LinkForm
          initial={format.link ?? ''}
          canRemove={format.link !== null}
          onApply={(url) => {
            let ok = false;
            editor.update(() => {
              ok = $applyLink(url, linkForm.saved);
            });
            if (ok || url === null) {
              setLinkForm(null);
              editor.focus();
            }
            return ok || url === null;
          }}
          onCancel={() => {
            setLinkForm(null);
            editor.focus();
          }}
        />
      )}
    </>
  );
}

function LinkForm({ initial, canRemove, onApply, onCancel }: { initial: string; canRemove: boolean; onApply(url: string | null): boolean; onCancel(): void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="note-link-form"
      data-testid="note-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!safeLinkUrl(value)) {
          setError('Use a full address starting with https://, http:// or mailto:.');
          input.current?.focus();
          return;
        }
        if (!onApply(value)) setError('The link could not be added here.');
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId}>Link address</label>
      <input
        ref={input}
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="https://…"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="note-link-actions">
        <button type="submit" className="button small primary">
          Apply
        </button>
        {canRemove && (
          <button type="button" className="button small secondary" onClick={() => onApply(null)}>
            Remove link
          </button>
        )}
        {safeLinkUrl(initial) && (
          <a className="button small ghost" href={safeLinkUrl(initial)!} target="_blank" rel="noopener noreferrer">
            Open ↗
          </a>
        )}
        <button type="button" className="button small ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function BulletIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="3" cy="4" r="1.4" fill="currentColor" />
      <circle cx="3" cy="8" r="1.4" fill="currentColor" />
      <circle cx="3" cy="12" r="1.4" fill="currentColor" />
      <path d="M6.5 4h7M6.5 8h7M6.5 12h7" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function NumberIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <text x="0.5" y="6" fontSize="5.5" fontFamily="system-ui, sans-serif" fill="currentColor">
        1
      </text>
      <text x="0.5" y="13.5" fontSize="5.5" fontFamily="system-ui, sans-serif" fill="currentColor">
        2
      </text>
      <path d="M6.5 4h7M6.5 8h7M6.5 12h7" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.6 9.4a2.6 2.6 0 0 0 3.7 0l2.3-2.3a2.6 2.6 0 0 0-3.7-3.7l-.9.9M9.4 6.6a2.6 2.6 0 0 0-3.7 0L3.4 8.9a2.6 2.6 0 0 0 3.7 3.7l.9-.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
