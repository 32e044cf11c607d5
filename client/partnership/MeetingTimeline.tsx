import { useId, useState, type FormEvent } from 'react';
import { thumbnailDataUrl } from '../../shared/api/dashboard';
import { JOURNEY_ORDER, suggestedTemplate, type PartnershipAnswer, type PartnershipBoard } from '../../shared/partnership';
import { useTemplates } from '../lib/useTemplates';
import { ApiError, NetworkError } from '../lib/api';
import { addMeetingBoard, attachBoard } from './partnershipApi';

const REVIEW_TEXT: Record<PartnershipBoard['review']['status'], string> = { none: 'Review not started', partial: 'Review in progress', complete: 'Review done' };

function BoardCard({ board }: { board: PartnershipBoard }) {
  const open = board.links?.facilitator ?? board.links?.editor ?? board.links?.viewer;
  const who = board.participants;
  return (
    <li className="tl-card" data-testid="timeline-board" data-board={board.id}>
      <div className="tl-date">{board.meetingDate}</div>
      {board.thumbnail ? <img className="tl-thumb" src={thumbnailDataUrl(board.thumbnail)} alt="" /> : <div className="tl-thumb" />}
      <h3 className="tl-title">{open ? <a href={open}>{board.title}</a> : board.title}</h3>
      <p className="tl-meta">{board.templateTitle}</p>
      <p className="tl-meta" title={who.join(', ')}>
        {who.length === 0 ? 'Nobody has joined yet' : `${who.length} came: ${who.slice(0, 3).join(', ')}${who.length > 3 ? ` +${who.length - 3}` : ''}`}
      </p>
      <p className={`tl-review review-${board.review.status}`}>
        {REVIEW_TEXT[board.review.status]}
        {board.review.total > 0 && ` (${board.review.answered}/${board.review.total})`}
      </p>
      {!open && <p className="tl-meta muted">Its links were replaced on the board.</p>}
    </li>
  );
}

/** "New meeting board": any template, the next one on the partnership's journey suggested. */
function NewMeetingBoard({ data, token, onDone }: { data: PartnershipAnswer; token: string; onDone(): void }) {
  const id = useId();
  const { state } = useTemplates();
  const suggested = suggestedTemplate(data.boards.map((b) => b.template));
  const [template, setTemplate] = useState(suggested ?? 'blank');
  const [title, setTitle] = useState('');
  const [meetingDate, setMeetingDate] = useState(new Date().toLocaleDateString('en-CA'));
  const [variant, setVariant] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const templates = state.kind === 'ok' ? state.templates : [];
  const ordered = [...templates].sort((a, b) => {
    const ia = JOURNEY_ORDER.indexOf(a.id);
    const ib = JOURNEY_ORDER.indexOf(b.id);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const chosen = templates.find((t) => t.id === template);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await addMeetingBoard(data.id, token, { template, title: title.trim() || chosen?.title || 'Meeting board', meetingDate, ...(variant ? { variant } : {}) });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? { field: err.field, message: err.message } : { message: err instanceof NetworkError ? 'The server could not be reached; try again when online.' : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="tl-form" onSubmit={submit} aria-labelledby={`${id}-t`} data-testid="new-board-form">
      <h3 id={`${id}-t`}>New meeting board</h3>
      <label>
        Exercise
        <select value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="new-board-template" aria-describedby={`${id}-s`}>
          {ordered.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id === suggested ? `${t.title} (suggested next)` : t.title}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-s`} className="hint">
        The usual order: Universe of Connections → sector scoping → preparing to launch → the launch meeting → influence map → …
      </p>
      {chosen && chosen.variants.length > 0 && (
        <label>
          Variant
          <select value={variant} onChange={(e) => setVariant(e.target.value)}>
            {chosen.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={chosen?.title ?? ''} maxLength={120} data-testid="new-board-title" />
      </label>
      <label>
        Meeting date
        <input type="date" value={meetingDate} onChange={(e) => setMeetingDate(e.target.value)} data-testid="new-board-date" />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary small" disabled={busy} data-testid="new-board-create">
          {busy ? 'Creating…' : 'Create the board'}
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Adds an existing board with its facilitator link. */
function AttachBoard({ data, token, onDone }: { data: PartnershipAnswer; token: string; onDone(): void }) {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let url: URL;
    try {
      url = new URL(link.trim(), window.location.origin);
    } catch {
      return setError('Paste the board’s facilitator link.');
    }
    const m = /^\/b\/([^/]+)$/.exec(url.pathname);
    const boardToken = url.searchParams.get('token');
    if (!m || !boardToken) return setError('Paste the board’s facilitator link (it looks like …/b/<id>?token=…).');
    try {
      await attachBoard(data.id, token, { board: decodeURIComponent(m[1]), token: boardToken });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  };
  return (
    <form className="tl-form" onSubmit={submit} data-testid="attach-form">
      <h3>Add an existing board</h3>
      <label>
        Its facilitator link
        <input value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://…/b/…?token=…" data-testid="attach-link" />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary small">
          Add the board
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The boards as a timeline of meetings, oldest first, with the lead's "New meeting board". */
export function MeetingTimeline({ data, token, onChanged }: { data: PartnershipAnswer; token: string; onChanged(): void }) {
  const [adding, setAdding] = useState<'new' | 'attach' | null>(null);
  const headingId = useId();
  const isLead = data.role === 'lead';
  const done = () => {
    setAdding(null);
    onChanged();
  };
  return (
    <section className="card tl" aria-labelledby={headingId} data-testid="timeline">
      <div className="section-head">
        <h2 id={headingId}>Meetings</h2>
        {isLead && adding === null && (
          <div className="actions">
            <button type="button" className="button primary small" onClick={() => setAdding('new')} data-testid="new-board">
              New meeting board
            </button>
            <button type="button" className="button ghost small" onClick={() => setAdding('attach')}>
              Add an existing board
            </button>
          </div>
        )}
      </div>
      {adding === 'new' && <NewMeetingBoard data={data} token={token} onDone={done} />}
      {adding === 'attach' && <AttachBoard data={data} token={token} onDone={done} />}
      {data.boards.length === 0 ? (
        <p className="muted">No meeting board yet.{isLead ? ' Start with “New meeting board”.' : ''}</p>
      ) : (
        <ol className="tl-list">
          {data.boards.map((b) => (
            <BoardCard key={b.id} board={b} />
          ))}
        </ol>
      )}
    </section>
  );
}
