import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useValue } from 'tldraw';
import { forgetCohort, recentCohorts, restoreCohort, type RecentCohort } from '../cohort/recentCohorts';
import { formatDateTime, relativeFromIso } from '../cohort/relativeTime';
import { useNow } from '../cohort/useNow';
import { clearBoardCache } from '../lib/offlineCache';
import { forgetBoard, recentBoards, restoreBoard, type RecentBoard } from '../lib/recentBoards';
import { useLastActivity } from './lastActivity';

const ROLE_LABEL: Record<RecentBoard['role'], string> = {
  facilitator: 'Facilitator',
  editor: 'Editor',
  viewer: 'Viewer',
};

type Forgotten = { kind: 'board'; entry: RecentBoard } | { kind: 'cohort'; entry: RecentCohort };

/**
 * What this browser knows: the cohorts it runs and the boards it opened, newest first, each with
 * its last activity and a Forget button. Forgetting is undone from the notice that replaces the
 * entry, which takes the keyboard (the button that was pressed is gone).
 */
export function RecentLists() {
  const boards = useValue('recentBoards', () => recentBoards.get(), []);
  const cohorts = useValue('recentCohorts', () => recentCohorts.get(), []);
  const [forgotten, setForgotten] = useState<Forgotten | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const now = useNow(30_000);

  const forget = async (f: Forgotten) => {
    setRestored(null);
    setForgotten(f);
    if (f.kind === 'cohort') forgetCohort(f.entry.id);
    else {
      forgetBoard(f.entry.id);
      await clearBoardCache(f.entry.id);
    }
  };
  const undo = () => {
    if (!forgotten) return;
    if (forgotten.kind === 'cohort') restoreCohort(forgotten.entry);
    else restoreBoard(forgotten.entry);
    setRestored(`${forgotten.kind}:${forgotten.entry.id}`);
    setForgotten(null);
  };

  const notice = (kind: Forgotten['kind']) =>
    forgotten?.kind === kind ? <ForgetNotice key={forgotten.entry.id} forgotten={forgotten} onUndo={undo} onClose={() => setForgotten(null)} /> : null;

  return (
    <div className="recent-lists">
      {(cohorts.length > 0 || forgotten?.kind === 'cohort') && (
        <section className="card" aria-labelledby="recent-cohorts-heading" data-testid="recent-cohorts">
          <h2 id="recent-cohorts-heading" tabIndex={-1}>
            Cohorts you run
          </h2>
          {notice('cohort')}
          {cohorts.length > 0 && (
            <ul className="recent-list">
              {cohorts.map((c) => (
                <CohortEntry key={c.id} cohort={c} now={now} focus={restored === `cohort:${c.id}`} onForget={() => void forget({ kind: 'cohort', entry: c })} />
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="recent-heading" data-testid="recent-boards">
        <h2 id="recent-heading" tabIndex={-1}>
          Boards opened in this browser
        </h2>
        {notice('board')}
        {boards.length === 0 ? (
          forgotten?.kind === 'board' ? null : (
            <p className="muted">None yet. Boards you open from a link are remembered here, in this browser only; the server keeps no list.</p>
          )
        ) : (
          <ul className="recent-list">
            {boards.map((b) => (
              <BoardEntry key={b.id} board={b} now={now} focus={restored === `board:${b.id}`} onForget={() => void forget({ kind: 'board', entry: b })} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ForgetNotice({ forgotten, onUndo, onClose }: { forgotten: Forgotten; onUndo(): void; onClose(): void }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => undoRef.current?.focus(), []);
  const name = forgotten.kind === 'cohort' ? forgotten.entry.name : forgotten.entry.title || forgotten.entry.id;
  const close = () => {
    onClose();
    document.getElementById(forgotten.kind === 'cohort' ? 'recent-cohorts-heading' : 'recent-heading')?.focus();
  };
  return (
    <div className="forget-notice" role="status" data-testid="forget-notice">
      <p>
        {forgotten.kind === 'cohort' ? (
          <>
            “{name}” is no longer listed here. Unless you kept its trainer link somewhere else, undo now: the link is the only way back
            to its dashboard.
          </>
        ) : (
          <>“{name}” is no longer listed here, and its offline copy in this browser is removed.</>
        )}
      </p>
      <div className="forget-notice-actions">
        <button ref={undoRef} type="button" className="button small primary" onClick={onUndo} data-testid="forget-undo">
          Undo
        </button>
        <button type="button" className="button small ghost" onClick={close}>
          OK
        </button>
      </div>
    </div>
  );
}

/**
 * "last activity 5 min ago · opened here 2 h ago": the entry's last activity, fetched once the
 * entry is on screen, then `extra` (what this browser knows by itself).
 */
function ActivityLine({ kind, id, link, now, extra }: { kind: 'board' | 'cohort'; id: string; link: string; now: number; extra: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const activity = useLastActivity(kind, id, link, ref);
  let text: ReactNode = null;
  if (activity.kind === 'ok') {
    text = activity.lastActivity ? (
      <>
        last activity{' '}
        <time dateTime={activity.lastActivity} title={formatDateTime(activity.lastActivity)}>
          {relativeFromIso(activity.lastActivity, now)}
        </time>
      </>
    ) : (
      'no changes yet'
    );
  } else if (activity.kind === 'gone') text = <span className="warn-text">{activity.message}</span>;
  return (
    <span className="muted recent-times">
      <span ref={ref} data-testid="last-activity" data-state={activity.kind}>
        {text}
      </span>
      {text && extra ? ' · ' : ''}
      {extra}
    </span>
  );
}

function useFocusOnce(focus: boolean) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return ref;
}

function BoardEntry({ board: b, now, focus, onForget }: { board: RecentBoard; now: number; focus: boolean; onForget(): void }) {
  const linkRef = useFocusOnce(focus);
  const name = b.title || b.id;
  return (
    <li className="recent-item" data-testid="recent-board" data-board-id={b.id}>
      <div className="recent-main">
        <a ref={linkRef} href={b.url} className="recent-title">
          {name}
        </a>
        <span className="muted">{[b.region, b.sector].filter(Boolean).join(' · ')}</span>
        <ActivityLine
          kind="board"
          id={b.id}
          link={b.url}
          now={now}
          extra={
            b.lastOpened && (
              <>
                opened here{' '}
                <time dateTime={b.lastOpened} title={formatDateTime(b.lastOpened)}>
                  {relativeFromIso(b.lastOpened, now)}
                </time>
              </>
            )
          }
        />
      </div>
      <span className={`badge role-${b.role}`}>{ROLE_LABEL[b.role] ?? b.role}</span>
      <button type="button" className="button small secondary" onClick={onForget} aria-label={`Forget “${name}”`} data-testid="forget-board">
        Forget
      </button>
    </li>
  );
}

function CohortEntry({ cohort: c, now, focus, onForget }: { cohort: RecentCohort; now: number; focus: boolean; onForget(): void }) {
  const linkRef = useFocusOnce(focus);
  const created = c.createdAt ? (
    <>
      created{' '}
      <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
        {relativeFromIso(c.createdAt, now)}
      </time>
    </>
  ) : null;
  return (
    <li className="recent-item" data-testid="recent-cohort" data-cohort-id={c.id}>
      <div className="recent-main">
        <a ref={linkRef} href={c.trainerUrl} className="recent-title">
          {c.name}
        </a>
        <span className="muted">
          {[c.templateTitle, c.teams != null ? `${c.teams} ${c.teams === 1 ? 'team' : 'teams'}` : null].filter(Boolean).join(' · ')}
        </span>
        <ActivityLine kind="cohort" id={c.id} link={c.trainerUrl} now={now} extra={created} />
      </div>
      <span className="badge role-trainer">Trainer</span>
      <button type="button" className="button small secondary" onClick={onForget} aria-label={`Forget “${c.name}”`} data-testid="forget-cohort">
        Forget
      </button>
    </li>
  );
}
