import { useId } from 'react';
import { changesSinceLastMeeting, type PartnershipAction, type PartnershipAnswer } from '../../shared/partnership';

function List({ title, actions, testId, boardTitle }: { title: string; actions: PartnershipAction[]; testId: string; boardTitle: Map<string, string> }) {
  return (
    <div className="cs-group" data-testid={testId}>
      <h3>
        {title} <span className="cs-count">{actions.length}</span>
      </h3>
      {actions.length > 0 && (
        <ul>
          {actions.slice(0, 3).map((a) => (
            <li key={`${a.board}/${a.id}`}>
              {a.text} <span className="muted">· {a.owner || 'no owner'} · {boardTitle.get(a.board)}</span>
            </li>
          ))}
          {actions.length > 3 && <li className="muted">and {actions.length - 3} more</li>}
        </ul>
      )}
    </div>
  );
}

/** What changed since the last meeting: new actions, actions done, actions overdue. */
export function ChangesSince({ data, today }: { data: PartnershipAnswer; today: string }) {
  const c = changesSinceLastMeeting(data.boards, data.actions, today);
  const id = useId();
  const boardTitle = new Map(data.boards.map((b) => [b.id, b.title]));
  return (
    <section className="card cs" aria-labelledby={id} data-testid="changes-since">
      <h2 id={id}>Since the last meeting{c.since ? <span className="muted"> ({c.since})</span> : null}</h2>
      {c.since === null ? (
        <p className="muted">Nothing to compare yet: this shows what changed once there is a meeting board.</p>
      ) : (
        <div className="cs-grid">
          <List title="New" actions={c.added} testId="changes-new" boardTitle={boardTitle} />
          <List title="Done" actions={c.done} testId="changes-done" boardTitle={boardTitle} />
          <List title="Overdue" actions={c.overdue} testId="changes-overdue" boardTitle={boardTitle} />
        </div>
      )}
    </section>
  );
}
