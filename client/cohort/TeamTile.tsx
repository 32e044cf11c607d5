import { useDismiss } from '../components/useDismiss';
import { useId, useRef, useState } from 'react';
import { thumbnailDataUrl } from '../../shared/api/dashboard';
import { formatRemaining, hasEnded, remainingMs } from '../../shared/timer';
import type { TemplateListing } from '../lib/api';
import type { BoardSummary, TeamLinks } from './cohortApi';
import type { Stuck } from './stuck';
import { formatDateTime, relativeFromIso } from './relativeTime';

export interface TileModel {
  boardId: string;
  team: string;
  /** A link is null when the board's facilitator replaced it (the Links tab makes a new one). */
  links: TeamLinks | null;
  summary: BoardSummary | null;
  /** Set when the team is working but idle past the threshold (stuck.ts). */
  stuck: Stuck | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One team on the dashboard: its board's thumbnail, who is there, the step, typed cards, last
 * change and the stuck flag. Clicking the tile (or its name) offers to open the board as
 * facilitator or viewer, in a new tab.
 */
export function TeamTile({ tile, steps, now }: { tile: TileModel; steps: TemplateListing['steps']; now: number }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const tileRef = useRef<HTMLElement>(null);
  const s = tile.summary;

  useDismiss(open, [tileRef], (byKeyboard) => {
    setOpen(false);
    if (byKeyboard) buttonRef.current?.focus();
  });

  const stepIdx = s?.stepId ? steps.findIndex((st) => st.id === s.stepId) : -1;
  const index = stepIdx >= 0 ? stepIdx : (s?.stepIndex ?? -1);
  const stepTitle = (stepIdx >= 0 ? steps[stepIdx].title : null) ?? s?.stepTitle ?? null;
  const present = s?.present ?? [];
  const stuck = tile.stuck;
  const timerRuns = s?.timer?.status === 'running' && !hasEnded(s.timer, now);
  const lastActivity = s?.lastActivity ?? null;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the name button is the keyboard way to the same menu
    <article
      ref={tileRef}
      className={`tile${stuck ? ' tile-stuck' : ''}${open ? ' tile-open' : ''}`}
      aria-labelledby={`${menuId}-name`}
      data-testid="team-tile"
      data-board-id={tile.boardId}
      data-team={tile.team}
      data-items={s?.items ?? ''}
      data-present={present.length}
      data-step-id={s?.stepId ?? ''}
      data-stuck={stuck ? 'true' : 'false'}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, .tile-menu')) return;
        setOpen((o) => !o);
      }}
    >
      <div className="tile-thumb">
        {s?.thumbnail ? (
          <img src={thumbnailDataUrl(s.thumbnail)} alt={`${tile.team}’s board`} />
        ) : (
          <span className="tile-thumb-empty muted">{s ? 'Empty board' : 'Waiting for news…'}</span>
        )}
        {stuck && (
          <span className="tile-flag" data-testid="stuck-flag">
            Maybe stuck: idle {Math.floor(stuck.idleMs / 60_000)}
            {stuck.atLeast ? '+' : ''} min
          </span>
        )}
      </div>
      <div className="tile-body">
        <h3 className="tile-name">
          <button
            ref={buttonRef}
            type="button"
            id={`${menuId}-name`}
            className="tile-name-button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            {tile.team}
          </button>
        </h3>
        <p className="tile-line" data-testid="tile-present">
          {present.length === 0 ? (
            timerRuns ? (
              <span className="warn-text">Nobody here, and the timer is running</span>
            ) : (
              <span className="muted">Nobody here</span>
            )
          ) : (
            <>
              <span className="tile-dot" aria-hidden="true" /> <strong>{present.length} here:</strong>{' '}
              {present.map((p) => p.name + (p.role === 'facilitator' ? ' (facilitator)' : p.role === 'viewer' ? ' (viewer)' : '')).join(', ')}
            </>
          )}
        </p>
        <p className="tile-line" data-testid="tile-step">
          {index >= 0 && stepTitle ? (
            <>
              <span className="muted">
                Step {index + 1}
                {steps.length > 0 ? ` of ${steps.length}` : ''}:
              </span>{' '}
              {stepTitle}
            </>
          ) : (
            <span className="muted">{steps.length > 0 ? 'Not started' : 'No steps'}</span>
          )}
          {s?.timer && s.timer.status !== 'idle' && (
            <span className={`tile-timer${hasEnded(s.timer, now) ? ' ended' : ''}`}>
              {hasEnded(s.timer, now) ? 'time is up' : `${formatRemaining(remainingMs(s.timer, now))} ${s.timer.status === 'paused' ? 'paused' : 'left'}`}
            </span>
          )}
        </p>
        <p className="tile-line tile-counts" data-testid="tile-counts">
          <strong>{plural(s?.items ?? 0, 'card', 'cards')}</strong>
          <span className="muted">
            {' '}
            · {plural(s?.stickies ?? 0, 'sticky note', 'sticky notes')} · {plural(s?.connections ?? 0, 'connection', 'connections')}
          </span>
        </p>
        <p className="tile-line muted" data-testid="tile-activity">
          {lastActivity ? (
            <>
              Last change{' '}
              <time dateTime={lastActivity} title={formatDateTime(lastActivity)}>
                {relativeFromIso(lastActivity, now)}
              </time>
            </>
          ) : s ? (
            'No changes yet'
          ) : (
            ''
          )}
        </p>
        {s?.banner && (
          <p className="tile-line tile-banner" title={s.banner}>
            <span className="muted">Message:</span> {s.banner}
          </p>
        )}
      </div>
      {open && (
        <div className="tile-menu" id={menuId} data-testid="tile-menu">
          {tile.links?.facilitator && (
            <a className="button small primary" href={tile.links.facilitator} target="_blank" rel="noopener noreferrer" data-testid="tile-open-facilitator">
              Open as facilitator
            </a>
          )}
          {tile.links?.viewer && (
            <a className="button small secondary" href={tile.links.viewer} target="_blank" rel="noopener noreferrer" data-testid="tile-open-viewer">
              Open as viewer
            </a>
          )}
          {(!tile.links?.facilitator || !tile.links?.viewer) && (
            <span className="muted">
              {tile.links ? 'A link of this board was replaced by its facilitator; make a new one in the Links tab.' : 'No links for this board.'}
            </span>
          )}
        </div>
      )}
    </article>
  );
}
