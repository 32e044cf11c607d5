import type { ReactNode } from 'react';

export interface ErrorPageProps {
  code: string;
  title: string;
  children?: ReactNode;
  /** Extra actions (e.g. a retry button) shown before the link home. */
  actions?: ReactNode;
}

/** A full page explaining why a board can't be shown, always with a way back home. */
export function ErrorPage({ code, title, children, actions }: ErrorPageProps) {
  return (
    <main className="page page-narrow" data-testid="error-page" data-code={code}>
      <div className="card error-card" role="alert">
        <h1>{title}</h1>
        {children}
        <div className="actions">
          {actions}
          <a className="button secondary" href="/">
            Go to the home page
          </a>
        </div>
      </div>
    </main>
  );
}
