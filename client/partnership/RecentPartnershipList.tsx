import { useState } from 'react';
import { forgetPartnership, recentPartnerships } from './recentPartnerships';

/** The home page's list of the partnerships this browser has opened. */
export function RecentPartnershipList() {
  const [list, setList] = useState(recentPartnerships);
  if (list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-partnerships-heading" data-testid="recent-partnerships">
      <h2 id="recent-partnerships-heading">Partnerships</h2>
      <ul className="recent-list">
        {list.map((p) => (
          <li key={p.id} className="recent-item" data-testid="recent-partnership">
            <div className="recent-main">
              <a href={p.url}>{p.name}</a>
              <span className="muted"> · {p.role === 'lead' ? 'lead link' : 'member link'}</span>
            </div>
            <button
              type="button"
              className="button small secondary"
              aria-label={`Forget “${p.name}”`}
              onClick={() => {
                forgetPartnership(p.id);
                setList(recentPartnerships());
              }}
            >
              Forget
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
