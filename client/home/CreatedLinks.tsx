import { useEffect, useRef, useState } from 'react';
import type { BoardLinks, CreateBoardResponse } from '../lib/api';
import { copyText, selectContents } from '../lib/clipboard';

const ROLES: { key: keyof BoardLinks; label: string; explanation: string }[] = [
  {
    key: 'facilitator',
    label: 'Facilitator link',
    explanation: 'For whoever runs the session: full control of the board. Keep it to yourself.',
  },
  {
    key: 'editor',
    label: 'Editor link',
    explanation: 'For participants: they can add, move and change everything on the board.',
  },
  {
    key: 'viewer',
    label: 'Viewer link',
    explanation: 'For observers: they see the board live, with everyone’s cursors, but cannot change it.',
  },
];

function LinkRow({ role, url }: { role: (typeof ROLES)[number]; url: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const urlRef = useRef<HTMLElement>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const id = `link-${role.key}`;

  return (
    <li className="link-row" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`} className="link-label">
        {role.label}
      </h3>
      <p className="hint" id={`${id}-hint`}>
        {role.explanation}
      </p>
      <div className="link-copy">
        <code ref={urlRef} id={id} className="link-url" data-testid={`board-link-${role.key}`}>
          {url}
        </code>
        <button
          type="button"
          className="button secondary"
          data-testid={`copy-link-${role.key}`}
          aria-describedby={`${id}-label`}
          onClick={async () => {
            const ok = await copyText(url);
            if (!ok) selectContents(urlRef.current);
            setStatus(ok ? 'copied' : 'failed');
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => setStatus('idle'), 2500);
          }}
        >
          Copy<span className="visually-hidden"> {role.label.toLowerCase()}</span>
        </button>
      </div>
      <p className="copy-status" aria-live="polite">
        {status === 'copied' ? 'Copied to the clipboard.' : status === 'failed' ? 'Copy failed: the link is selected, press Ctrl+C.' : ''}
      </p>
    </li>
  );
}

export function CreatedLinks({ created, title, onDismiss }: { created: CreateBoardResponse; title: string; onDismiss(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card created" aria-labelledby="created-heading" data-testid="created-board">
      <h2 id="created-heading" ref={headingRef} tabIndex={-1}>
        “{title}” is ready
      </h2>
      <p>
        Share one link per role. Anyone with a link gets that role, so send each link only to the people who should have
        it. The links are the only way in: keep them somewhere safe.
      </p>
      <ul className="links">
        {ROLES.map((r) => (
          <LinkRow key={r.key} role={r} url={created.links[r.key]} />
        ))}
      </ul>
      <div className="actions">
        <a className="button primary" href={created.links.facilitator} data-testid="open-as-facilitator">
          Open as facilitator
        </a>
        <button type="button" className="button secondary" onClick={onDismiss}>
          Create another board
        </button>
      </div>
    </section>
  );
}
