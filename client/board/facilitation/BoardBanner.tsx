import { useDismiss } from '../../components/useDismiss';
import { useId, useRef, useState } from 'react';
import { useValue } from 'tldraw';
import { BANNER_MAX_LENGTH } from '../../../shared/doc/control';
import { readJson, writeJson } from '../../lib/localSettings';
import type { Facilitation } from '../sync/FacilitationContext';
import './banner.css';

const DISMISSED_KEY = 'pb.dismissedBanners';
const KEEP_DISMISSED = 50;

function readDismissed(): string[] {
  const raw = readJson<unknown>(DISMISSED_KEY);
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The control document's banner, a short message for everyone on the board (posted by a trainer
 * to every board of a cohort, or by the board's facilitator), shown under the session bar. Each
 * person can dismiss a message in their browser; a new message (a new id) shows again. The
 * region is a polite live region that stays mounted, so screen readers hear a message that
 * arrives while they work.
 */
export function BoardBanner({ f }: { f: Facilitation }) {
  const banner = useValue('sessionBanner', () => f.control.banner.get(), [f]);
  const [dismissed, setDismissed] = useState(readDismissed);
  const show = banner && !dismissed.includes(banner.id) ? banner : null;
  return (
    <div className="board-banner-region" role="status" data-testid="board-banner-region">
      {show && (
        <div className="board-banner" data-testid="board-banner" data-banner-id={show.id}>
          <span className="board-banner-icon" aria-hidden="true">
            ✉
          </span>
          <p className="board-banner-text">
            <span data-testid="board-banner-text">{show.text}</span> <span className="board-banner-from">from {show.by || 'the facilitator'}</span>
          </p>
          <button
            type="button"
            className="button small ghost"
            onClick={() => {
              const next = [...dismissed.filter((id) => id !== show.id), show.id].slice(-KEEP_DISMISSED);
              writeJson(DISMISSED_KEY, next);
              setDismissed(next);
            }}
            data-testid="board-banner-dismiss"
          >
            Dismiss<span className="visually-hidden"> this message</span>
          </button>
        </div>
      )}
    </div>
  );
}

/** Facilitators: post a message to everyone on this board, or clear the current one. */
export function BannerControl({ f }: { f: Facilitation }) {
  const banner = useValue('sessionBanner', () => f.control.banner.get(), [f]);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useDismiss(open, [panelRef, buttonRef], (byKeyboard) => {
    setOpen(false);
    if (byKeyboard) buttonRef.current?.focus();
  });

  if (!f.canControl) return null;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="banner-control">
      <button
        ref={buttonRef}
        type="button"
        className="button small secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="banner-control"
      >
        Message everyone
      </button>
      {open && (
        <div ref={panelRef} id={id} className="banner-panel" role="dialog" aria-label="Message everyone on this board">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const t = text.trim();
              if (!t) return;
              f.control.setBanner({ id: crypto.randomUUID(), text: t, at: f.clock.now(), by: f.me().name });
              setText('');
              close();
            }}
          >
            <label htmlFor={`${id}-text`}>Message shown to everyone on this board</label>
            <textarea
              id={`${id}-text`}
              rows={2}
              maxLength={BANNER_MAX_LENGTH}
              value={text}
              onChange={(e) => setText(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the panel opens to type a message
              autoFocus
              data-testid="banner-control-text"
            />
            <div className="banner-panel-actions">
              <button type="submit" className="button small primary" disabled={!text.trim()} data-testid="banner-control-post">
                Post
              </button>
              {banner && (
                <button
                  type="button"
                  className="button small secondary"
                  onClick={() => {
                    f.control.setBanner(null);
                    close();
                  }}
                  data-testid="banner-control-clear"
                >
                  Clear the current message
                </button>
              )}
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
