import { useEffect, useId, useRef, useState } from 'react';
import { copyText, downloadText, selectContents } from '../lib/clipboard';
import type { Role } from '../../shared/roles';
import { ApiError } from '../lib/api';
import { LINK_ROLES, linksCsv, linksFileName, linksText, teamText, type CohortLinksData } from './teamLinks';

/**
 * Making new links from the dashboard (the trainer token is needed, so not on the home page):
 * each resolves with the new link; the old one stops working at once.
 */
export interface LinkReplacing {
  trainer(): Promise<string>;
  team(boardId: string, role: Role): Promise<string>;
}

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : 'The server could not be reached; nothing was changed.');

/** One live message for the panel's copy buttons ("Copied …"), cleared after a while. */
function useCopyStatus() {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async (text: string, what: string, fallback?: HTMLElement | null) => {
    const ok = await copyText(text);
    if (!ok) selectContents(fallback ?? null);
    setMessage(ok ? `Copied ${what}.` : `Copy failed${fallback ? ': the text is selected, press Ctrl+C' : ''}.`);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(''), 3000);
  };
  return { message, copy, say: setMessage };
}

/**
 * A cohort's links: the trainer's own (prominent, private) and a table of every team's three
 * links, each with a Copy button, plus "Copy all as list" and "Download CSV". Used on the home
 * page right after creating a cohort and in the dashboard's Links tab.
 */
export function CohortLinks({ data, showTrainer = true, replacing }: { data: CohortLinksData; showTrainer?: boolean; replacing?: LinkReplacing }) {
  const { message, copy, say } = useCopyStatus();
  const trainerRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLPreElement>(null);
  const id = useId();
  const text = linksText(data);

  return (
    <div className="cohort-links" data-testid="cohort-links">
      {showTrainer && (
        <div className="trainer-link" data-testid="trainer-link-block">
          <h3 id={`${id}-trainer`}>Your trainer link: keep this private</h3>
          <p className="hint">
            It opens the cohort’s dashboard, where you watch every team and can move, time and message all their boards.
            Anyone with it can do the same.
          </p>
          <div className="link-copy">
            <code ref={trainerRef} className="link-url" data-testid="trainer-link">
              {data.trainer}
            </code>
            <button type="button" className="button secondary" aria-describedby={`${id}-trainer`} onClick={() => void copy(data.trainer, 'the trainer link', trainerRef.current)}>
              Copy<span className="visually-hidden"> the trainer link</span>
            </button>
          </div>
          {replacing && (
            <ReplaceButton
              label="Make a new trainer link"
              warning="Your trainer link stops working now, in every tab and browser that has it; this page reloads with the new one. The teams’ links stay as they are."
              confirmLabel="Make a new trainer link"
              testId="new-trainer-link"
              replace={replacing.trainer}
              onDone={() => {}}
            />
          )}
        </div>
      )}

      <div className="cohort-links-tools">
        <button type="button" className="button secondary" data-testid="copy-all-links" onClick={() => void copy(text, `all ${data.boards.length * 3 + 1} links as a list`, listRef.current)}>
          Copy all as list
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="download-links-csv"
          onClick={() => {
            downloadText(linksFileName(data.name, new Date()), linksCsv(data), 'text/csv;charset=utf-8');
            say('The CSV file is downloading.');
          }}
        >
          Download CSV
        </button>
        <p className="copy-status" role="status" data-testid="links-status">
          {message}
        </p>
      </div>
      {/* What "Copy all as list" copies, selected for Ctrl+C when the clipboard is refused. */}
      <pre ref={listRef} className="visually-hidden" aria-hidden="true">
        {text}
      </pre>

      <table className="team-links">
        <caption className="visually-hidden">Links of each team’s board</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            {LINK_ROLES.map((r) => (
              <th scope="col" key={r.key}>
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.boards.map((b) => (
            <tr key={b.id ?? b.team} data-testid="team-links-row" data-team={b.team}>
              <th scope="row">
                <span className="team-name">{b.team}</span>
                <button type="button" className="button small ghost" onClick={() => void copy(teamText(b.team, b.links), `the links of ${b.team}`)}>
                  Copy all three<span className="visually-hidden"> links of {b.team}</span>
                </button>
              </th>
              {LINK_ROLES.map((r) => (
                <td key={r.key} data-label={r.label}>
                  <LinkCell url={b.links[r.key]} label={`${b.team} ${r.label.toLowerCase()} link`} role={r.key} onCopy={copy} />
                  {replacing && b.id && (
                    <ReplaceButton
                      label={b.links[r.key] ? 'New link' : 'Make a new link'}
                      ariaLabel={`Make a new ${r.label.toLowerCase()} link for ${b.team}`}
                      warning={`${b.team}’s current ${r.label.toLowerCase()} link stops working now, for everyone using it.`}
                      confirmLabel="Make it"
                      testId={`new-team-link-${r.key}`}
                      replace={() => replacing.team(b.id as string, r.key)}
                      onDone={(link) => void copy(link, `the new ${r.label.toLowerCase()} link of ${b.team}`)}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LinkCell({
  url,
  label,
  role,
  onCopy,
}: {
  url: string | null;
  label: string;
  role: string;
  onCopy(text: string, what: string, fallback?: HTMLElement | null): Promise<void>;
}) {
  const ref = useRef<HTMLElement>(null);
  if (url === null) {
    return (
      <p className="link-replaced" data-testid="team-link-replaced" data-role={role}>
        Replaced by the board’s facilitator
      </p>
    );
  }
  // Every link starts with the same origin: show what tells them apart. The origin stays in the
  // text (visually hidden), so selecting the cell after a failed copy still gives the whole link.
  const { origin, rest } = splitOrigin(url);
  return (
    <div className="link-cell">
      <code ref={ref} className="link-short" title={url} data-testid="team-link" data-role={role}>
        <span className="visually-hidden">{origin}</span>
        {rest}
      </code>
      <button type="button" className="button small secondary" onClick={() => void onCopy(url, `the ${label}`, ref.current)}>
        Copy<span className="visually-hidden"> {label}</span>
      </button>
    </div>
  );
}

function splitOrigin(url: string): { origin: string; rest: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(url);
  return m ? { origin: m[0], rest: url.slice(m[0].length) } : { origin: '', rest: url };
}

/** A "make a new link" button that asks first (the old link stops working at once). */
function ReplaceButton(props: {
  label: string;
  ariaLabel?: string;
  warning: string;
  confirmLabel: string;
  testId: string;
  replace(): Promise<string>;
  onDone(link: string): void;
}) {
  const [state, setState] = useState<{ kind: 'idle' | 'confirm' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const warningId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const ask = () => {
    setState({ kind: 'confirm' });
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const link = await props.replace();
      setState({ kind: 'idle' });
      props.onDone(link);
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) });
    }
  };
  if (state.kind === 'confirm' || state.kind === 'busy') {
    return (
      <div className="replace-confirm">
        <p id={warningId}>{props.warning}</p>
        <div className="replace-confirm-actions">
          <button
            ref={confirmRef}
            type="button"
            className="button small primary"
            aria-describedby={warningId}
            disabled={state.kind === 'busy'}
            onClick={() => void run()}
            data-testid={`${props.testId}-confirm`}
          >
            {state.kind === 'busy' ? 'Making it…' : props.confirmLabel}
          </button>
          <button type="button" className="button small secondary" disabled={state.kind === 'busy'} onClick={() => setState({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="replace-link">
      <button type="button" className="button small ghost" aria-label={props.ariaLabel} onClick={ask} data-testid={props.testId}>
        {props.label}
      </button>
      {state.kind === 'error' && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
