import { useEffect, useId, useRef, useState } from 'react';
import { copyText, downloadText, selectContents } from '../lib/clipboard';
import { LINK_ROLES, linksCsv, linksFileName, linksText, teamText, type CohortLinksData } from './teamLinks';

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
export function CohortLinks({ data, showTrainer = true }: { data: CohortLinksData; showTrainer?: boolean }) {
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
            <tr key={`${b.team}-${b.links.editor}`} data-testid="team-links-row" data-team={b.team}>
              <th scope="row">
                <span className="team-name">{b.team}</span>
                <button type="button" className="button small ghost" onClick={() => void copy(teamText(b.team, b.links), `the links of ${b.team}`)}>
                  Copy all three<span className="visually-hidden"> links of {b.team}</span>
                </button>
              </th>
              {LINK_ROLES.map((r) => (
                <td key={r.key} data-label={r.label}>
                  <LinkCell url={b.links[r.key]} label={`${b.team} ${r.label.toLowerCase()} link`} role={r.key} onCopy={copy} />
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
  url: string;
  label: string;
  role: string;
  onCopy(text: string, what: string, fallback?: HTMLElement | null): Promise<void>;
}) {
  const ref = useRef<HTMLElement>(null);
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
