import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useValue } from 'tldraw';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/actionPlan';
import { localUser } from '../../lib/user';
import { priorityNames, promote, useActionPlan } from './ActionPlanContext';
import { isFiltered, NO_FILTER, ownersOf, summaryOf, type OwnerFilter } from './actionRows';
import { ActionTable, type TableVariant } from './ActionTable';
import { selectionOffer } from './promotion';

const ALL = '*all';
const NONE = '*none';

function ownerValue(filter: OwnerFilter): string {
  return filter.kind === 'all' ? ALL : filter.kind === 'none' ? NONE : `=${filter.name}`;
}

function ownerFilterOf(value: string): OwnerFilter {
  if (value === ALL) return { kind: 'all' };
  if (value === NONE) return { kind: 'none' };
  return { kind: 'owner', name: value.slice(1) };
}

/** Error of the last write and the last removal (with Undo). */
function Notices({ undoRef }: { undoRef: React.RefObject<HTMLButtonElement | null> }) {
  const { plan } = useActionPlan();
  const error = useValue('actionError', () => plan.error.get(), [plan]);
  const removed = useValue('actionRemoved', () => plan.removed.get(), [plan]);
  return (
    <>
      {error && (
        <div className="ap-notice ap-error" role="alert">
          <span>{error}</span>
          <button type="button" className="button small ghost" onClick={() => plan.error.set(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="ap-live" role="status">
        {removed && (
          <div className="ap-notice">
            <span>
              Deleted “{removed.text.trim().slice(0, 60) || 'untitled action'}”.
            </span>
            <button ref={undoRef} type="button" className="button small secondary" onClick={() => plan.undoRemove()}>
              Undo
            </button>
          </div>
        )}
      </div>
    </>
  );
}

/** The selected board items, offered for promotion (or their action, once promoted). */
function SelectionOfferBar() {
  const { plan, editor, readOnly } = useActionPlan();
  const offer = useValue('actionSelectionOffer', () => selectionOffer(editor.getSelectedShapes(), (id) => plan.actionFor(id)), [editor, plan]);
  if (offer.kind === 'none') return null;
  if (offer.kind === 'show') {
    return (
      <div className="ap-offer">
        <span className="ap-offer-text">The selected item is already an action.</span>
        <button type="button" className="button small secondary" onClick={() => plan.show(offer.actionId, 'text')}>
          Show it
        </button>
      </div>
    );
  }
  if (readOnly) return null;
  const n = offer.promotions.length;
  return (
    <div className="ap-offer">
      <span className="ap-offer-text">
        Selected: {n === 1 ? <q>{offer.promotions[0].sourceTitle}</q> : `${n} items with text`}
      </span>
      <button type="button" className="button small primary" data-testid="promote-selection" onClick={() => promote(plan, offer.promotions)}>
        {n === 1 ? 'Promote to action' : `Promote ${n} to actions`}
      </button>
    </div>
  );
}

function AddActionForm() {
  const { plan } = useActionPlan();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setInvalid(true);
      return;
    }
    if (plan.add({ text: text.trim() }, 'none')) {
      setText('');
      setInvalid(false);
    }
  };
  return (
    <form className="ap-add" onSubmit={submit} aria-label="Add an action" data-testid="add-action">
      <label htmlFor={`${id}-text`}>New action</label>
      <div className="ap-add-row">
        <input
          id={`${id}-text`}
          className="ap-input"
          type="text"
          autoComplete="off"
          maxLength={2000}
          placeholder="e.g. Send invitations and follow up by phone"
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (invalid && e.target.value.trim()) setInvalid(false);
          }}
        />
        <button type="submit" className="button small primary">
          Add
        </button>
      </div>
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          Write what will be done first.
        </p>
      )}
    </form>
  );
}

function Filters({ total, shown }: { total: number; shown: number }) {
  const { plan } = useActionPlan();
  const filter = useValue('actionFilter', () => plan.filter.get(), [plan]);
  const rows = useValue('actionRows', () => plan.rows.get(), [plan]);
  const id = useId();
  const owners = ownersOf(rows);
  if (filter.owner.kind === 'owner' && !owners.some((o) => o.toLowerCase() === (filter.owner as { name: string }).name.toLowerCase())) {
    owners.push(filter.owner.name);
  }
  const filtered = isFiltered(filter);
  return (
    <div className="ap-filters">
      <fieldset className="ap-filter-controls">
        <legend className="visually-hidden">Filter actions</legend>
        <div className="ap-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            data-testid="filter-status"
            value={filter.status}
            onChange={(e) => plan.filter.set({ ...filter, status: e.target.value as ActionStatus | 'all' })}
          >
            <option value="all">All statuses</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="ap-field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <select
            id={`${id}-owner`}
            data-testid="filter-owner"
            value={ownerValue(filter.owner)}
            onChange={(e) => plan.filter.set({ ...filter, owner: ownerFilterOf(e.target.value) })}
          >
            <option value={ALL}>Everyone</option>
            <option value={NONE}>No owner yet</option>
            {owners.map((o) => (
              <option key={o} value={`=${o}`}>
                {o}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <p className="hint ap-summary" data-testid="action-summary">
        {filtered ? `Showing ${shown} of ${total} ${total === 1 ? 'action' : 'actions'}. ` : `${summaryOf(rows)}.`}
        {filtered && (
          <button type="button" className="link-button" onClick={() => plan.filter.set(NO_FILTER)}>
            Show all
          </button>
        )}
      </p>
    </div>
  );
}

/** Suggestions for owners (people in the plan and on the board) and priority areas (the board's Priority area cards). */
function SuggestionLists({ ownersId, prioritiesId }: { ownersId: string; prioritiesId: string }) {
  const { plan, editor } = useActionPlan();
  const rows = useValue('actionRows', () => plan.rows.get(), [plan]);
  const people = useValue('actionPeople', () => editor.getCollaborators().map((c) => c.userName), [editor]);
  const self = useValue('localUserName', () => localUser.get().name, []);
  const priorities = useValue('priorityNames', () => priorityNames(editor), [editor]);
  const owners = new Map<string, string>();
  for (const name of [...ownersOf(rows), self, ...people]) {
    const n = name.trim();
    if (n && !owners.has(n.toLowerCase())) owners.set(n.toLowerCase(), n);
  }
  return (
    <>
      <datalist id={ownersId}>
        {[...owners.values()].map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id={prioritiesId}>
        {priorities.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </>
  );
}

/**
 * The action plan: what the selection offers, adding an action, the filters and the table. Used
 * twice: compact in the side panel, full in the wide view.
 */
export function ActionPlanView({ variant, labelledBy }: { variant: TableVariant; labelledBy: string }) {
  const { plan, readOnly } = useActionPlan();
  const rows = useValue('actionRows', () => plan.rows.get(), [plan]);
  const visible = useValue('visibleActions', () => plan.visible.get(), [plan]);
  const removed = useValue('actionRemoved', () => plan.removed.get(), [plan]);
  const base = useId();
  const undoRef = useRef<HTMLButtonElement>(null);
  const [focusUndo, setFocusUndo] = useState(false);

  // A deleted row takes its button with it: the keyboard goes to "Undo".
  useEffect(() => {
    if (!focusUndo || !removed) return;
    setFocusUndo(false);
    undoRef.current?.focus();
  }, [focusUndo, removed]);

  const onRemove = (id: string) => {
    plan.remove(id);
    setFocusUndo(true);
  };
  const lists = { owners: `${base}-owners`, priorities: `${base}-priorities` };

  return (
    <div className={`ap-view ap-view-${variant}`}>
      <Notices undoRef={undoRef} />
      <SelectionOfferBar />
      {!readOnly && <AddActionForm />}
      {rows.length > 0 && <Filters total={rows.length} shown={visible.length} />}
      {rows.length === 0 ? (
        <p className="hint ap-empty-plan">
          No actions yet.{' '}
          {readOnly
            ? 'The team has not written any.'
            : 'Write one above, or right-click a sticky note, a text or a card on the board and choose “Promote to action”.'}
        </p>
      ) : visible.length === 0 ? (
        <p className="hint ap-empty-plan">No action matches these filters.</p>
      ) : (
        <ActionTable rows={visible} variant={variant} lists={lists} labelledBy={labelledBy} onRemove={onRemove} />
      )}
      {!readOnly && <SuggestionLists ownersId={lists.owners} prioritiesId={lists.priorities} />}
    </div>
  );
}
