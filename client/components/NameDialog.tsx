import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from '../lib/user';

export interface NameDialogProps {
  initialName: string;
  /** When false the person must give a name (first visit): no cancel, Escape does nothing. */
  dismissible: boolean;
  onSave(name: string): void;
  onCancel(): void;
}

/**
 * Modal asking for the name shown to others on the board. Native <dialog> opened with showModal():
 * the rest of the page is inert, focus stays inside, and it sits above tldraw's layers.
 */
export function NameDialog({ initialName, dismissible, onSave, onCancel }: NameDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const descId = useId();
  const errorId = useId();
  const inputId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
    return () => {
      if (dialog.open) dialog.close();
      previouslyFocused?.focus?.();
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Please enter a name.');
      inputRef.current?.focus();
      return;
    }
    onSave(trimmed.slice(0, MAX_NAME_LENGTH));
  };

  return (
    <dialog
      ref={ref}
      className="modal"
      // biome-ignore lint/a11y/noRedundantRoles: stated explicitly for assistive tech and tests that look for it.
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="name-dialog"
      onCancel={(e) => {
        // Escape
        e.preventDefault();
        if (dismissible) onCancel();
      }}
      onKeyDown={(e) => {
        // Keep keystrokes away from the canvas' shortcuts underneath.
        e.stopPropagation();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{dismissible ? 'Change your name' : 'What should we call you?'}</h2>
        <p id={descId} className="muted">
          Your name is shown to the others on this board next to your cursor. It is stored in this browser only.
        </p>
        <div className="field">
          <label htmlFor={inputId}>Your name</label>
          <input
            id={inputId}
            ref={inputRef}
            data-testid="name-input"
            type="text"
            name="name"
            autoComplete="name"
            autoFocus
            required
            maxLength={MAX_NAME_LENGTH}
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setName(e.target.value);
              if (error) setError(null);
            }}
          />
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="modal-actions">
          {dismissible && (
            <button type="button" className="button secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button primary" data-testid="name-submit">
            {dismissible ? 'Save' : 'Join the board'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
