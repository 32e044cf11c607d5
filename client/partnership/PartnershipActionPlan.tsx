import { useId, useState, type FormEvent } from 'react';
import { ACTION_STATUSES, type ActionStatus } from '../../shared/actionPlan';
import { filterActions, isOverdue, type ActionFilter, type PartnershipAction, type PartnershipAnswer } from '../../shared/partnership';
import type { ActionChanges, PartnershipEdit } from './partnershipApi';

type TextField = 'text' | 'owner' | 'due' | 'priorityArea';
const FIELD_LABEL: Record<TextField, string> = { text: 'Action', owner: 'Owner', due: 'Due', priorityArea: 'Priority area' };

/** A text cell saved when it loses focus or on Enter, only when it changed; Escape puts the value back. */
function EditableCell({ action, field, disabled, onSave }: { action: PartnershipAction; field: TextField; disabled: boolean; onSave(changes: ActionChanges): void }) {
  const [value, setValue] = useState(action[field]);
  const [last, setLast] = useState(action[field]);
  if (last !== action[field]) {
    // The board changed it meanwhile (live): show the new value.
    setLast(action[field]);
    setValue(action[field]);
  }
  const save = () => {
    if (value === action[field]) return;
    if (field === 'text' && value.trim() === '') return setValue(action[field]);
    onSave({ [field]: value });
  };
  return (
    <input
      className={`ap-input ap-${field}`}
      value={value}
      disabled={disabled}
      aria-label={`${FIELD_LABEL[field]} of “${action.text.slice(0, 60)}”`}
      placeholder={field === 'due' ? 'YYYY-MM-DD' : field === 'owner' ? 'Who' : ''}
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setValue(action[field]);
      }}
      data-testid={`action-${field}`}
    />
  );
}

function NewActionForm({ data, onEdit }: { data: PartnershipAnswer; onEdit(e: PartnershipEdit): Promise<void> }) {
  const latest = data.boards[data.boards.length - 1];
  const [board, setBoard] = useState(latest?.id ?? '');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  if (!latest) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    await onEdit({ kind: 'new-action', board: board || latest.id, body: { text: text.trim(), owner: owner.trim() || undefined, due: due.trim() || undefined } });
    setText('');
    setOwner('');
    setDue('');
  };
  return (
    <form className="ap-new" onSubmit={submit} data-testid="new-action-form">
      <input value={text} onChange={(e) => setText(e.target.value)} placeholder="New action" aria-label="New action" data-testid="new-action-text" />
      <input value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="Owner" aria-label="Owner of the new action" />
      <input value={due} onChange={(e) => setDue(e.target.value)} placeholder="Due (YYYY-MM-DD)" aria-label="Due date of the new action" />
      <select value={board} onChange={(e) => setBoard(e.target.value)} aria-label="Board the new action goes on">
        {data.boards.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
      </select>
      <button type="submit" className="button primary small" disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
}

/** One action plan: every board's actions in one table, filtered, editable here and written to the board each lives on. */
export function ActionPlan({ data, canEdit, onEdit, today }: { data: PartnershipAnswer; canEdit: boolean; onEdit(e: PartnershipEdit): Promise<void>; today: string }) {
  const [filter, setFilter] = useState<ActionFilter>({});
  const headingId = useId();
  const rows = filterActions(data.actions, filter, today);
  const boardTitle = new Map(data.boards.map((b) => [b.id, b.title]));
  const owners = [...new Set(data.actions.map((a) => a.owner.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en'));
  const areas = [...new Set(data.actions.map((a) => a.priorityArea.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en'));
  const save = (a: PartnershipAction) => (changes: ActionChanges) => void onEdit({ kind: 'action', board: a.board, action: a.id, changes });
  const pendingId = (a: PartnershipAction) => a.id.startsWith('pending:');
  return (
    <section className="card ap" aria-labelledby={headingId} data-testid="action-plan">
      <div className="section-head">
        <h2 id={headingId}>
          One action plan <span className="muted ap-count">({rows.length === data.actions.length ? data.actions.length : `${rows.length} of ${data.actions.length}`})</span>
        </h2>
      </div>
      <fieldset className="ap-filters">
        <legend className="visually-hidden">Filter the actions</legend>
        <label>
          Board
          <select value={filter.board ?? ''} onChange={(e) => setFilter({ ...filter, board: e.target.value || undefined })} data-testid="filter-board">
            <option value="">All boards</option>
            {data.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <select value={filter.owner ?? ''} onChange={(e) => setFilter({ ...filter, owner: e.target.value || undefined })} data-testid="filter-owner">
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: (e.target.value || undefined) as ActionStatus | undefined })} data-testid="filter-status">
            <option value="">Any status</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority area
          <select value={filter.priorityArea ?? ''} onChange={(e) => setFilter({ ...filter, priorityArea: e.target.value || undefined })} data-testid="filter-area">
            <option value="">Any</option>
            {areas.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="ap-check">
          <input type="checkbox" checked={Boolean(filter.overdueOnly)} onChange={(e) => setFilter({ ...filter, overdueOnly: e.target.checked })} data-testid="filter-overdue" />
          Overdue only
        </label>
      </fieldset>
      {data.actions.length === 0 ? (
        <p className="muted">No action yet. Actions added on any board, or here, are listed together.</p>
      ) : (
        <div className="ap-scroll">
          <table className="ap-table">
            <colgroup>
              <col />
              <col className="ap-col-owner" />
              <col className="ap-col-due" />
              <col className="ap-col-status" />
              <col className="ap-col-area" />
              <col className="ap-col-board" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Priority area</th>
                <th scope="col">Board</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={`${a.board}/${a.id}`} data-testid="action-row" data-action={a.id} data-board={a.board} className={isOverdue(a, today) ? 'overdue' : undefined}>
                  {canEdit ? (
                    <>
                      <td>
                        <EditableCell action={a} field="text" disabled={pendingId(a)} onSave={save(a)} />
                      </td>
                      <td>
                        <EditableCell action={a} field="owner" disabled={pendingId(a)} onSave={save(a)} />
                      </td>
                      <td>
                        <EditableCell action={a} field="due" disabled={pendingId(a)} onSave={save(a)} />
                        {isOverdue(a, today) && <span className="visually-hidden">overdue</span>}
                      </td>
                      <td>
                        <select
                          value={a.status}
                          disabled={pendingId(a)}
                          aria-label={`Status of “${a.text.slice(0, 60)}”`}
                          onChange={(e) => save(a)({ status: e.target.value as ActionStatus })}
                          data-testid="action-status"
                        >
                          {ACTION_STATUSES.map((s) => (
                            <option key={s.value} value={s.value}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <EditableCell action={a} field="priorityArea" disabled={pendingId(a)} onSave={save(a)} />
                      </td>
                    </>
                  ) : (
                    <>
                      <td>{a.text}</td>
                      <td>{a.owner}</td>
                      <td>
                        {a.due}
                        {isOverdue(a, today) && <span className="overdue-chip">overdue</span>}
                      </td>
                      <td>{ACTION_STATUSES.find((s) => s.value === a.status)?.label}</td>
                      <td>{a.priorityArea}</td>
                    </>
                  )}
                  <td className="ap-board">{boardTitle.get(a.board) ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted">No action matches these filters.</p>}
        </div>
      )}
      {canEdit && <NewActionForm data={data} onEdit={onEdit} />}
    </section>
  );
}
