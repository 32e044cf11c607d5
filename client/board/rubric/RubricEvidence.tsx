import { useId, useState, type FormEvent } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import type { EvidenceEntry, ProposedEvidence } from '../../../shared/rubric';
import { putEvidence, removeEvidence } from '../../../shared/doc/rubricDoc';
import type { DimensionGuide } from '../../../shared/rubricGuide';
import { selectAndShow } from '../cards/cardEdits';
import { useWorkspace } from '../workspace/WorkspaceState';
import { acceptedEntry, dismissedEntry, evidenceTextProblem, evidenceView, teamEvidenceId, type AcceptedEvidence } from './rubricView';

/** Runs a write; a refused one (bad input) shows its message and changes nothing. */
export type Write = (fn: () => void) => boolean;

interface EvidenceProps {
  guide: DimensionGuide;
  doc: Y.Doc;
  date: string;
  stored: EvidenceEntry[];
  proposals: ProposedEvidence[];
  latest: boolean;
  readOnly: boolean;
  write: Write;
}

/** The evidence of one dimension on a date: accepted entries, the board’s proposals, and adding one. */
export function Evidence({ guide, doc, date, stored, proposals, latest, readOnly, write }: EvidenceProps) {
  const view = evidenceView(guide.id, stored, proposals);
  const put = (entry: EvidenceEntry) => write(() => putEvidence(doc, date, guide.id, entry));
  const remove = (evidenceId: string) => write(() => removeEvidence(doc, date, guide.id, evidenceId));
  return (
    <div className="rubric-evidence" data-testid={`rubric-evidence-${guide.id}`}>
      <h4>Evidence</h4>
      {view.accepted.length === 0 ? (
        <p className="hint">{readOnly ? 'No evidence recorded.' : 'None yet: accept what the board proposes or add your own.'}</p>
      ) : (
        <ul className="evidence-list" aria-label={`Evidence for ${guide.title}`}>
          {view.accepted.map((e) => (
            <AcceptedItem key={e.id} entry={e} latest={latest} readOnly={readOnly} put={put} remove={remove} />
          ))}
        </ul>
      )}
      {view.proposals.length > 0 && (
        <>
          <h4 className="rubric-subhead">Proposed by the board</h4>
          <ul className="evidence-list proposals" aria-label={`Evidence the board proposes for ${guide.title}`}>
            {view.proposals.map((p) => (
              <ProposalItem key={p.id} proposal={p} readOnly={readOnly} put={put} />
            ))}
          </ul>
        </>
      )}
      {!readOnly && <AddEvidence guide={guide} put={put} />}
      {view.dismissed.length > 0 && (
        <details className="rubric-dismissed">
          <summary>Dismissed ({view.dismissed.length})</summary>
          <ul className="evidence-list">
            {view.dismissed.map((e) => (
              <li key={e.id} className="evidence-item dismissed" data-evidence-id={e.id}>
                <span className="evidence-text">{e.text}</span>
                {!readOnly && (
                  <div className="evidence-actions">
                    <button type="button" className="button small ghost" aria-label={`Restore: ${e.text}`} onClick={() => remove(e.id)}>
                      Restore
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Evidence text; a button selecting and showing its cards when it has any on the board. */
function EvidenceText({ text, itemIds, id }: { text: string; itemIds: string[]; id: string }) {
  const { editor } = useWorkspace();
  const present = useValue('evidenceItemsPresent', () => itemIds.filter((i) => editor.getShape(i as TLShapeId)).length, [editor, itemIds]);
  if (itemIds.length === 0) {
    return (
      <span id={id} className="evidence-text">
        {text}
      </span>
    );
  }
  if (present === 0) {
    return (
      <span id={id} className="evidence-text">
        {text} <span className="muted">(its cards are no longer on the board)</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      id={id}
      className="link-button evidence-text"
      title={`Select ${present} ${present === 1 ? 'card' : 'cards'} on the board`}
      aria-label={`${text}: select ${present === 1 ? 'its card' : `its ${present} cards`} on the board`}
      onClick={() => selectAndShow(editor, itemIds)}
    >
      {text}
    </button>
  );
}

function EvidenceEditor({ initial, label, onSave, onCancel }: { initial: string; label: string; onSave(text: string): boolean; onCancel(): void }) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const p = evidenceTextProblem(text);
    setProblem(p);
    if (!p && onSave(text.trim())) onCancel();
  };
  return (
    <form className="evidence-editor" onSubmit={save} noValidate>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the editor opens on request, in place of the text being edited.
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="evidence-actions">
        <button type="submit" className="button small primary">
          Save
        </button>
        <button type="button" className="button small ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ProposalItem({ proposal, readOnly, put }: { proposal: ProposedEvidence; readOnly: boolean; put(e: EvidenceEntry): boolean }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <li className="evidence-item proposal" data-evidence-id={proposal.id} data-testid="evidence-proposal">
      {editing ? (
        <EvidenceEditor initial={proposal.text} label="Evidence, in the team’s words" onSave={(text) => put(acceptedEntry(proposal, text))} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <EvidenceText id={`${id}-text`} text={proposal.text} itemIds={proposal.itemIds} />
          {!readOnly && (
            <div className="evidence-actions">
              <button type="button" className="button small secondary" aria-describedby={`${id}-text`} onClick={() => put(acceptedEntry(proposal))}>
                Accept
              </button>
              <button type="button" className="button small ghost" aria-describedby={`${id}-text`} onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="button small ghost" aria-describedby={`${id}-text`} onClick={() => put(dismissedEntry(proposal))}>
                Dismiss
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

function AcceptedItem({ entry, latest, readOnly, put, remove }: { entry: AcceptedEvidence; latest: boolean; readOnly: boolean; put(e: EvidenceEntry): boolean; remove(id: string): boolean }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const { freshness, current, ...stored } = entry;
  return (
    <li className={`evidence-item accepted origin-${entry.origin}`} data-evidence-id={entry.id} data-testid="evidence-accepted">
      {editing ? (
        <EvidenceEditor
          initial={entry.text}
          label="Evidence"
          onSave={(text) => put({ ...stored, text, ...(entry.origin === 'proposed' && text !== entry.text ? { edited: true } : {}) })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <EvidenceText id={`${id}-text`} text={entry.text} itemIds={entry.itemIds} />
          <span className="evidence-origin">{entry.origin === 'team' ? 'Added by the team' : 'From the board'}</span>
          {latest && freshness === 'changed' && current && (
            <p className="evidence-note">
              The board now says: {current.text}
              {!readOnly && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => put(acceptedEntry(current))}>
                    Use this
                  </button>
                </>
              )}
            </p>
          )}
          {latest && freshness === 'gone' && <p className="evidence-note">The board no longer shows this.</p>}
          {!readOnly && (
            <div className="evidence-actions">
              <button type="button" className="button small ghost" aria-describedby={`${id}-text`} onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="button small ghost" aria-describedby={`${id}-text`} onClick={() => remove(entry.id)}>
                Remove
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

function AddEvidence({ guide, put }: { guide: DimensionGuide; put(e: EvidenceEntry): boolean }) {
  const id = useId();
  const { editor } = useWorkspace();
  const selected = useValue('rubricSelection', () => editor.getSelectedShapeIds(), [editor]);
  const [text, setText] = useState('');
  const [link, setLink] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const p = evidenceTextProblem(text);
    setProblem(p);
    if (p) return;
    const itemIds = link ? [...selected] : [];
    if (put({ id: teamEvidenceId(), text: text.trim(), origin: 'team', status: 'accepted', itemIds })) setText('');
  };
  return (
    <form className="rubric-add" onSubmit={add} noValidate>
      <label htmlFor={id}>Add evidence of your own</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder="e.g. Two employers co-chaired the last meeting"
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        data-testid={`rubric-add-${guide.id}`}
      />
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="rubric-inline">
        {selected.length > 0 && (
          <label className="rubric-link">
            <input type="checkbox" checked={link} onChange={(e) => setLink(e.target.checked)} /> Link the {selected.length === 1 ? 'selected card' : `${selected.length} selected cards`}
          </label>
        )}
        <button type="submit" className="button small secondary">
          Add
        </button>
      </div>
    </form>
  );
}
