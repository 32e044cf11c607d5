import { Suspense, useState, type ReactNode } from 'react';
import { ChunkBoundary } from '../../components/LazyChunk';

/**
 * A top-bar menu whose code is a chunk of its own (`lazyChunk`): the board's first screen shows
 * its button only. The first click (hover or focus starts the download early) says the menu is
 * loading on the button and opens the menu once its code is there; from then on the menu is the
 * real one, which opens at once (`openAtOnce`). The button's looks must be in a style sheet the
 * feature imports statically, so the bar does not move when the menu arrives. The service worker
 * keeps every chunk for offline use (client/sw/).
 */
export interface LazyMenuProps {
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

function StandInButton({ wrapperClass, className, testId, what, loading, prefetch, onClick, children }: Omit<LazyMenuProps, 'menu'> & { loading: boolean; onClick?: () => void }) {
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

export function LazyMenu({ menu, ...button }: LazyMenuProps) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) return <StandInButton {...button} loading={false} onClick={() => setWanted(true)} />;
  return (
    <ChunkBoundary what={`The ${button.what} menu`}>
      <Suspense fallback={<StandInButton {...button} loading />}>{menu}</Suspense>
    </ChunkBoundary>
  );
}
