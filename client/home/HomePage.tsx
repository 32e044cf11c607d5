import { useState } from 'react';
import { useValue } from 'tldraw';
import { forgetBoard, recentBoards, rememberBoard, type RecentBoard } from '../lib/recentBoards';
import { CreateBoardForm, type CreatedBoard } from './CreateBoardForm';
import { CreatedLinks } from './CreatedLinks';

const ROLE_LABEL: Record<RecentBoard['role'], string> = {
  facilitator: 'Facilitator',
  editor: 'Editor',
  viewer: 'Viewer',
};

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function RecentBoards() {
  const boards = useValue('recentBoards', () => recentBoards.get(), []);
  return (
    <section className="card" aria-labelledby="recent-heading" data-testid="recent-boards">
      <h2 id="recent-heading">Boards opened in this browser</h2>
      {boards.length === 0 ? (
        <p className="muted">
          None yet. Boards you open from a link are remembered here, in this browser only; the server keeps no list.
        </p>
      ) : (
        <ul className="recent-list">
          {boards.map((b) => (
            <li key={b.id} className="recent-item" data-testid="recent-board" data-board-id={b.id}>
              <div className="recent-main">
                <a href={b.url} className="recent-title">
                  {b.title || b.id}
                </a>
                <span className="muted">
                  {[b.region, b.sector].filter(Boolean).join(' · ')}
                  {b.lastOpened ? ` — opened ${formatDate(b.lastOpened)}` : ''}
                </span>
              </div>
              <span className={`badge role-${b.role}`}>{ROLE_LABEL[b.role] ?? b.role}</span>
              <button
                type="button"
                className="button small secondary"
                onClick={() => forgetBoard(b.id)}
                aria-label={`Forget “${b.title || b.id}”`}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage() {
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  return (
    <div className="page">
      <header className="site-header">
        <h1>Partnership boards</h1>
        <p className="muted">Shared whiteboards for partnership workshops: create a board, share the links, work together live.</p>
      </header>
      <main className="home-grid">
        {created ? (
          <CreatedLinks created={created.res} title={created.title} onDismiss={() => setCreated(null)} />
        ) : (
          <CreateBoardForm
            onCreated={(c) => {
              // Remember the facilitator link right away: losing it means losing control of the board.
              rememberBoard({ id: c.res.id, title: c.title, region: c.region, sector: c.sector, role: 'facilitator', url: c.res.links.facilitator });
              setCreated(c);
            }}
          />
        )}
        <RecentBoards />
      </main>
    </div>
  );
}
