import type { Ref } from 'react';
import { ACTION_STATUSES, type ActionRow, type ActionStatus } from '../../../shared/actionPlan';
import { useTextDraft } from '../cards/FieldControl';
import { useActionPlan } from './ActionPlanContext';
import { statusLabel } from './actionRows';

/** The free-text fields of an action. */
export type TextField = 'text' | 'owner' | 'due' | 'priorityArea';

export const FIELD_LABELS: Record<TextField | 'status' | 'source', string> = {
  text: 'Action',
  owner: 'Owner',
  due: 'Due',
  status: 'Status',
  priorityArea: 'Priority area',
  source: 'Source',
};

const PLACEHOLDERS: Partial<Record<TextField, string>> = {
  text: 'What will be done',
  owner: 'Who is committed',
  due: 'YYYY-MM-DD or e.g. within 60 days',
  priorityArea: 'Priority it serves',
};

/** Longest value the plan accepts (shared/doc/actionPlanDoc.ts). */
const MAX_LENGTH = 2000;

export interface ActionTextInputProps {
  row: ActionRow;
  field: TextField;
  /** Set when a visible <label htmlFor> names the input; otherwise the field name is its aria-label. */
  id?: string;
  multiline?: boolean;
  /** id of a <datalist> of suggestions. */
  list?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/**
 * One text field of an action, written to the board 200 ms after the last keystroke and at once on
 * blur (like the card inspector), so two people typing in different fields both keep their text.
 */
export function ActionTextInput({ row, field, id, multiline, list, inputRef }: ActionTextInputProps) {
  const { plan } = useActionPlan();
  const { draft, change, flush } = useTextDraft(row[field], (v) => plan.update(row.id, { [field]: v }));
  const common = {
    id,
    ref: inputRef,
    className: `ap-input ap-input-${field}`,
    value: draft,
    maxLength: MAX_LENGTH,
    placeholder: PLACEHOLDERS[field],
    'aria-label': id ? undefined : FIELD_LABELS[field],
    'data-field': field,
    onBlur: flush,
  };
  if (multiline) return <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />;
  return <input {...common} type="text" autoComplete="off" list={list} onChange={(e) => change(e.target.value)} />;
}

export function StatusSelect({ row, id }: { row: ActionRow; id?: string }) {
  const { plan } = useActionPlan();
  return (
    <select
      id={id}
      className={`ap-status-select ap-status-${row.status}`}
      aria-label={id ? undefined : FIELD_LABELS.status}
      data-field="status"
      value={row.status}
      onChange={(e) => plan.update(row.id, { status: e.target.value as ActionStatus })}
    >
      {ACTION_STATUSES.map((s) => (
        <option key={s.value} value={s.value}>
          {s.label}
        </option>
      ))}
    </select>
  );
}

/** The status as a coloured label (read-only views). */
export function StatusBadge({ status }: { status: ActionStatus }) {
  return <span className={`ap-status ap-status-${status}`}>{statusLabel(status)}</span>;
}
