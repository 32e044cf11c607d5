import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { displayValue, type FieldDef } from '../../../exercises/kit/definitions';
import type { FieldValue } from '../../../shared/results';

/** Typing is written to the board after this pause; blur and unmount write at once. */
const TYPING_DEBOUNCE_MS = 200;

/**
 * A text draft that follows the stored value while nothing is pending, and writes the typed
 * value after a pause. The last keystroke is never lost: `flush` (on blur) and unmounting (the
 * selection changed) write what is pending.
 */
export function useTextDraft(value: string, commit: (value: string) => void, delay = TYPING_DEBOUNCE_MS) {
  const [draft, setDraft] = useState(value);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const v = pending.current;
    if (v === null) return;
    pending.current = null;
    commitRef.current(v);
  }, []);

  // Someone else's edit (or our own, once written) shows unless we are mid-typing.
  useEffect(() => {
    if (pending.current === null) setDraft(value);
  }, [value]);

  useEffect(() => flush, [flush]);

  const change = useCallback(
    (v: string) => {
      setDraft(v);
      pending.current = v;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [flush, delay],
  );

  return { draft, change, flush };
}

export interface FieldControlProps {
  field: FieldDef;
  value: FieldValue | undefined;
  /** Writes a new value (text is debounced before it gets here). */
  onCommit(value: FieldValue): void;
  /** Unique id prefix for labels. */
  idBase: string;
  disabled?: boolean;
  /** Receives the control's focusable element (the first radio for a scale). */
  inputRef?: Ref<HTMLElement | null>;
}

function TextControl({ field, value, onCommit, idBase, disabled, inputRef }: FieldControlProps) {
  const { draft, change, flush } = useTextDraft(typeof value === 'string' ? value : '', (v) => onCommit(v));
  const id = `${idBase}-${field.key}`;
  const placeholder = 'placeholder' in field ? field.placeholder : undefined;
  const common = {
    id,
    name: field.key,
    value: draft,
    disabled,
    placeholder,
    'aria-describedby': field.help ? `${id}-help` : undefined,
    'data-field': field.key,
    onBlur: flush,
  };
  return (
    <div className="insp-field">
      <label htmlFor={id}>{field.label}</label>
      {field.kind === 'longtext' ? (
        <textarea {...common} ref={inputRef as Ref<HTMLTextAreaElement>} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} ref={inputRef as Ref<HTMLInputElement>} type="text" autoComplete="off" onChange={(e) => change(e.target.value)} />
      )}
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
    </div>
  );
}

function NumberControl({ field, value, onCommit, idBase, disabled, inputRef }: FieldControlProps) {
  const id = `${idBase}-${field.key}`;
  const stored = typeof value === 'number' ? String(value) : '';
  const [invalid, setInvalid] = useState(false);
  const { draft, change, flush } = useTextDraft(stored, (raw) => {
    const text = raw.trim();
    if (text === '') {
      setInvalid(false);
      onCommit(null);
      return;
    }
    const n = Number(text);
    const ok = Number.isFinite(n) && n >= 0;
    setInvalid(!ok);
    if (ok) onCommit(n);
  });
  return (
    <div className="insp-field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        ref={inputRef as Ref<HTMLInputElement>}
        name={field.key}
        data-field={field.key}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={draft}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={[field.help ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={flush}
      />
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          Enter a number of 0 or more.
        </p>
      )}
    </div>
  );
}

function ChoiceControl({ field, value, onCommit, idBase, disabled, inputRef }: FieldControlProps) {
  if (field.kind !== 'choice') return null;
  const id = `${idBase}-${field.key}`;
  return (
    <div className="insp-field">
      <label htmlFor={id}>{field.label}</label>
      <select
        id={id}
        ref={inputRef as Ref<HTMLSelectElement>}
        name={field.key}
        data-field={field.key}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        aria-describedby={field.help ? `${id}-help` : undefined}
        onChange={(e) => onCommit(e.target.value)}
      >
        <option value="">—</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
    </div>
  );
}

function ScaleControl({ field, value, onCommit, idBase, disabled, inputRef }: FieldControlProps) {
  if (field.kind !== 'scale') return null;
  const id = `${idBase}-${field.key}`;
  const current = typeof value === 'number' ? value : null;
  const steps: (number | null)[] = [null];
  for (let n = field.min; n <= field.max; n++) steps.push(n);
  const ends = [field.minLabel && `${field.min} = ${field.minLabel}`, field.maxLabel && `${field.max} = ${field.maxLabel}`].filter(Boolean);
  return (
    <fieldset className="insp-field insp-scale" data-field={field.key} aria-describedby={field.help ? `${id}-help` : undefined}>
      <legend>{field.label}</legend>
      <div className="scale-options">
        {steps.map((n, i) => (
          <label key={n ?? 'none'} className={`scale-option${n === null ? ' scale-none' : ''}`}>
            <input
              ref={i === 0 ? (inputRef as Ref<HTMLInputElement>) : undefined}
              type="radio"
              name={id}
              value={n ?? ''}
              checked={current === n}
              disabled={disabled}
              onChange={() => onCommit(n)}
            />
            <span>{n === null ? 'not rated' : n}</span>
          </label>
        ))}
      </div>
      {ends.length > 0 && <p className="hint">{ends.join(' · ')}</p>}
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
    </fieldset>
  );
}

function BooleanControl({ field, value, onCommit, idBase, disabled, inputRef }: FieldControlProps) {
  const id = `${idBase}-${field.key}`;
  return (
    <div className="insp-field insp-check">
      <input
        id={id}
        ref={inputRef as Ref<HTMLInputElement>}
        type="checkbox"
        name={field.key}
        data-field={field.key}
        checked={value === true}
        disabled={disabled}
        aria-describedby={field.help ? `${id}-help` : undefined}
        onChange={(e) => onCommit(e.target.checked)}
      />
      <label htmlFor={id}>{field.label}</label>
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
    </div>
  );
}

/** The form control of one field, labelled and keyboard-reachable. */
export function FieldControl(props: FieldControlProps) {
  switch (props.field.kind) {
    case 'text':
    case 'longtext':
      return <TextControl {...props} />;
    case 'number':
      return <NumberControl {...props} />;
    case 'choice':
      return <ChoiceControl {...props} />;
    case 'scale':
      return <ScaleControl {...props} />;
    case 'boolean':
      return <BooleanControl {...props} />;
  }
}

/** Read-only display of fields (viewers): label and value, "—" when empty. */
export function FieldList({ fields, values }: { fields: FieldDef[]; values: Record<string, unknown> }) {
  return (
    <dl className="insp-readonly">
      {fields.map((f) => {
        const shown = displayValue(f, values[f.key] as FieldValue | undefined);
        return (
          <div key={f.key} data-field={f.key}>
            <dt>{f.label}</dt>
            <dd className={shown ? undefined : 'muted'}>{shown || '—'}</dd>
          </div>
        );
      })}
    </dl>
  );
}
