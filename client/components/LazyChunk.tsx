import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

/**
 * Code loaded when first needed (its own chunk of the build): a React.lazy component and a
 * `prefetch` that starts the download early (on hover or focus of what opens it) without
 * rendering anything. One download per chunk: prefetch and render share the promise.
 */
export interface LazyChunk<P> {
  Component: ComponentType<P>;
  prefetch(): void;
}

/** `P`: the component's props, checked where the chunk is rendered. */
export function lazyChunk<M, P = any>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): LazyChunk<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () => {
    loading ??= load().then((m) => ({ default: pick(m) }));
    return loading;
  };
  return {
    Component: lazy(start),
    prefetch: () => {
      start().catch(() => {});
    },
  };
}

/** What shows while a chunk loads: a status line in the space the content will take. */
function ChunkLoading({ label, className = '' }: { label: string; className?: string }) {
  return (
    <div className={`chunk-loading ${className}`} role="status" aria-live="polite" data-testid="chunk-loading">
      <span className="chunk-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

interface BoundaryProps {
  what: string;
  children: ReactNode;
}

/**
 * When a chunk cannot be downloaded (offline before the service worker kept it, or a new deploy
 * replaced the files): says so instead of a blank space, and offers to reload the page. A browser
 * remembers a failed module download for the page's lifetime, so only a reload can try again;
 * nothing is lost by it (the board lives in this browser's copy and on the server).
 */
export class ChunkBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`Could not load ${this.props.what}`, error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="chunk-loading chunk-failed" role="alert" data-testid="chunk-failed">
        <span>
          {this.props.what} could not be loaded{navigator.onLine ? '' : ' while offline'}.
        </span>
        <button type="button" className="button small secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}

/** A lazily loaded part with its loading state and its failure message. */
export function LazyPart({ what, loading, children }: { what: string; loading: string; children: ReactNode }) {
  return (
    <ChunkBoundary what={what}>
      <Suspense fallback={<ChunkLoading label={loading} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}
