import { useEffect, type ReactNode } from 'react';
import { ErrorPage } from './ErrorPage';

/** Why a page opened by a link could not load its content. */
export interface PageLoadError {
  kind: 'error';
  /** The API's HTTP status, null when the server could not be reached. */
  status: number | null;
  code: string;
  message: string;
}

/** What a page opened by a link shows: loading, its content (`ok`) or why not. */
export type PageLoad<Ok extends { kind: 'ok' }> = { kind: 'loading' } | Ok | PageLoadError;

/** The words of one page's shell (the cohort dashboard, a partnership). */
export interface PageShellText {
  /** When the link has no token, or the server refused it (401, 403). */
  badLink: { title: string; body: ReactNode };
  /** When nothing exists at the address (404). */
  notFound: { code: string; title: string; body: ReactNode };
  /** Any other failure: the error's message follows, with "Try again". */
  failedTitle: string;
  /** The loading line ("Opening the cohort…"). */
  loading: string;
}

/**
 * The shell of a page opened by a link (`/c/<id>`, `/p/<id>`): the page's title, then while its
 * content is not there, the loading line or the error page saying why, with "Try again" where
 * trying again can help. Returns null once the content is in: the page draws it.
 */
export function usePageShell<Ok extends { kind: 'ok' }>(options: {
  load: PageLoad<Ok>;
  token: string | null;
  text: PageShellText;
  /** The document title: the content's own once in, the page's kind before. */
  title: string;
  retry(): void;
}): ReactNode | null {
  const { load, token, text, title, retry } = options;
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (!token || (load.kind === 'error' && (load.status === 401 || load.status === 403))) {
    return (
      <ErrorPage code="invalid_token" title={text.badLink.title}>
        {text.badLink.body}
      </ErrorPage>
    );
  }
  if (load.kind === 'error' && load.status === 404) {
    return (
      <ErrorPage code={text.notFound.code} title={text.notFound.title}>
        {text.notFound.body}
      </ErrorPage>
    );
  }
  if (load.kind === 'error') {
    return (
      <ErrorPage
        code={load.code}
        title={text.failedTitle}
        actions={
          <button type="button" className="button primary" onClick={retry}>
            Try again
          </button>
        }
      >
        <p>{load.message}</p>
      </ErrorPage>
    );
  }
  if (load.kind === 'loading') {
    return (
      <main className="page">
        <p className="loading" role="status">
          {text.loading}
        </p>
      </main>
    );
  }
  return null;
}
