import { Suspense, useState, type ReactNode } from 'react';
import type { Editor } from 'tldraw';
import { ChunkBoundary, lazyChunk } from '../components/LazyChunk';
import type { BoardInfo } from '../lib/api';
// The buttons' looks, needed before their code is: in the page's own style sheet.
import './history/history.css';
import './exports/exports.css';

/**
 * The top bar's History and Export menus, each its own chunk: the board's first screen shows
 * their buttons only. The first click (hover or focus starts the download early) says the menu
 * is loading on the button and opens the menu once its code is there; from then on the menu is
 * the real one. The service worker keeps both chunks for offline use (client/sw/).
 */
export const HistoryChunk = lazyChunk(() => import('./history/HistoryMenu'), (m) => m.HistoryMenu);
export const ExportChunk = lazyChunk(() => import('./exports/ExportMenu'), (m) => m.ExportMenu);

interface StandInProps {
  /** Classes of the real menu's wrapper and button, and its test id: the bar does not move when it arrives. */
  wrapperClass: string;
  className: string;
  testId: string;
  /** What the menu is, for the loading status ("Loading history…"). */
  what: string;
  prefetch(): void;
  /** The real menu, opened (rendered once the button was clicked). */
  menu: ReactNode;
  children: ReactNode;
}

function StandInButton({ wrapperClass, className, testId, what, loading, prefetch, onClick, children }: Omit<StandInProps, 'menu'> & { loading: boolean; onClick?: () => void }) {
  return (
    <div className={wrapperClass}>
      <button
        type="button"
        className={className}
        data-testid={testId}
        data-loading={loading ? 'true' : undefined}
        aria-busy={loading}
        aria-disabled={loading}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={onClick}
      >
        {loading ? <span className="chunk-spinner menu-loading-spinner" aria-hidden="true" /> : null}
        {children}
        {loading ? (
          <span className="visually-hidden" role="status" data-testid="menu-loading">
            Loading {what}…
          </span>
        ) : null}
      </button>
    </div>
  );
}

function LazyMenu({ menu, ...button }: StandInProps) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) return <StandInButton {...button} loading={false} onClick={() => setWanted(true)} />;
  return (
    <ChunkBoundary what={`The ${button.what} menu`}>
      <Suspense fallback={<StandInButton {...button} loading />}>{menu}</Suspense>
    </ChunkBoundary>
  );
}

export function LazyHistoryMenu() {
  return (
    <LazyMenu
      wrapperClass="history"
      className="button ghost history-button"
      testId="history-button"
      what="history"
      prefetch={HistoryChunk.prefetch}
      menu={<HistoryChunk.Component openAtOnce />}
    >
      <span aria-hidden="true">⟲</span> <span className="history-label">History</span>
    </LazyMenu>
  );
}

export function LazyExportMenu({ info, token, editor }: { info: BoardInfo; token: string; editor: Editor | null }) {
  return (
    <LazyMenu
      wrapperClass="export-menu"
      className="button ghost small export-button"
      testId="export-menu-button"
      what="export"
      prefetch={ExportChunk.prefetch}
      menu={<ExportChunk.Component info={info} token={token} editor={editor} openAtOnce />}
    >
      Export <span aria-hidden="true">▾</span>
    </LazyMenu>
  );
}
