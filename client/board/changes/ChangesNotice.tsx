import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Box, useValue, type Editor, type TLShapeId } from 'tldraw';
import type { ChangeEntry, Changes } from '../../../shared/doc/changes';
import type { SinceLastVisit } from './SinceLastVisit';
import './changes.css';

/** The open board's "since your last visit", for the notice and the canvas highlights. */
export const SinceLastVisitContext = createContext<SinceLastVisit | null>(null);

export function useSinceLastVisit(): SinceLastVisit | null {
  return useContext(SinceLastVisitContext);
}

/** Entries listed per group before "and N more". */
const MAX_LISTED = 50;

/**
 * Selects a card and brings it into view beside the notice (which covers the canvas's left side
 * up to `coverPx` on screen), at most at 100 %. False when the card is gone.
 */
function showBesideNotice(editor: Editor, id: string, coverPx: number): boolean {
  const shape = editor.getShape(id as TLShapeId);
  if (!shape) return false;
  const pageId = editor.getAncestorPageId(shape);
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId);
  editor.setCurrentTool('select');
  editor.select(shape.id);
  const b = editor.getShapePageBounds(shape);
  if (!b) return true;
  // Widen the box to the left by what the notice hides (in page units at 100 %): centring the
  // wider box puts the card in the free part of the canvas.
  const box = new Box(b.x - coverPx, b.y, b.w + coverPx, b.h);
  editor.zoomToBounds(box, { inset: 48, targetZoom: 1, animation: { duration: 320 } });
  return true;
}

function changesSummaryText(c: Changes): string {
  const parts: string[] = [];
  if (c.added.length) parts.push(`${c.added.length} added`);
  if (c.changed.length) parts.push(`${c.changed.length} changed`);
  if (c.removed.length) parts.push(`${c.removed.length} removed`);
  return parts.join(', ');
}

/**
 * "Since your last visit: 3 added, 2 changed, 1 removed", over the top of the canvas, with the
 * entries listed by group. An item that is still there zooms to its card (and selects it); an
 * action opens in the Actions tab (`showAction`; null where the board has no action plan). Removed entries are listed with the title they had. Close
 * button or Escape dismisses it (and the highlights on the canvas).
 */
export function ChangesNotice({ since, editor, showAction }: { since: SinceLastVisit; editor: Editor | null; showAction: ((id: string) => void) | null }) {
  const changes = useValue('changes', () => since.changes.get(), [since]);
  const open = useValue('changesOpen', () => since.open.get(), [since]);
  const headingId = useId();
  const [announce, setAnnounce] = useState('');
  const ref = useRef<HTMLElement>(null);

  // Said once by screen readers, through a live region that exists before the text arrives.
  useEffect(() => {
    if (changes && open && editor) setAnnounce(`Since your last visit: ${changesSummaryText(changes)}.`);
  }, [changes, open, editor]);

  const live = (
    <div className="visually-hidden" aria-live="polite" data-testid="changes-announcer">
      {announce}
    </div>
  );
  if (!changes || !open || !editor) return live;

  const dismiss = (returnFocus: boolean) => {
    since.dismiss();
    if (returnFocus) {
      editor.getContainer().focus();
      editor.focus();
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      dismiss(ref.current?.contains(document.activeElement) ?? false);
    }
  };

  const go = (entry: ChangeEntry) => {
    if (entry.kind === 'action') {
      showAction?.(entry.id);
      return;
    }
    const notice = ref.current?.getBoundingClientRect();
    const cover = notice ? Math.max(0, notice.right - editor.getViewportScreenBounds().x) : 0;
    showBesideNotice(editor, entry.id, cover);
  };

  const group = (label: string, kind: 'added' | 'changed' | 'removed', entries: ChangeEntry[]) =>
    entries.length === 0 ? null : (
      <div className="changes-group" data-testid={`changes-${kind}`} data-count={entries.length}>
        <h3>
          {label} <span className="changes-count">({entries.length})</span>
        </h3>
        <ul>
          {entries.slice(0, MAX_LISTED).map((entry) => {
            const present = kind !== 'removed' && (entry.kind === 'item' ? editor.getShape(entry.id as never) !== undefined : !!showAction);
            const kindLabel = entry.kind === 'action' ? 'Action' : null;
            return (
              <li key={entry.id} data-testid="changes-entry" data-id={entry.id} data-kind={entry.kind} data-change={kind}>
                {present ? (
                  <button type="button" className="changes-link" onClick={() => go(entry)}>
                    {kindLabel && <span className="changes-kind">{kindLabel}</span>}
                    <span className="changes-title">{entry.title}</span>
                  </button>
                ) : (
                  <span className={kind === 'removed' ? 'changes-removed' : undefined}>
                    {kindLabel && <span className="changes-kind">{kindLabel}</span>}
                    <span className="changes-title">{entry.title}</span>
                  </span>
                )}
              </li>
            );
          })}
          {entries.length > MAX_LISTED && <li className="changes-more">and {entries.length - MAX_LISTED} more</li>}
        </ul>
      </div>
    );

  return (
    <>
      {live}
      <section ref={ref} className="changes-notice" aria-labelledby={headingId} data-testid="changes-notice" onKeyDown={onKeyDown}>
        <header className="changes-header">
          <h2 id={headingId}>Since your last visit</h2>
          <button type="button" className="button ghost small changes-close" onClick={() => dismiss(true)} aria-label="Close: changes since your last visit">
            ×
          </button>
        </header>
        <p className="changes-summary" data-testid="changes-summary">
          {changesSummaryText(changes)}
          {[...changes.added, ...changes.changed].some((e) => e.kind === 'item') && <span className="changes-hint"> · outlined on the board</span>}
        </p>
        <div className="changes-lists">
          {group('Added', 'added', changes.added)}
          {group('Changed', 'changed', changes.changed)}
          {group('Removed', 'removed', changes.removed)}
        </div>
      </section>
    </>
  );
}
