import { useCallback, useEffect, useState } from 'react';
import { listTemplates, NetworkError, type TemplateListing } from './api';

export type TemplatesState = { kind: 'loading' } | { kind: 'ok'; templates: TemplateListing[] } | { kind: 'error'; message: string };

/** `GET /api/templates`, with a retry. */
export function useTemplates(): { state: TemplatesState; reload(): void } {
  const [state, setState] = useState<TemplatesState>({ kind: 'loading' });
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    listTemplates()
      .then((list) => setState({ kind: 'ok', templates: Array.isArray(list) ? list : [] }))
      .catch((e) =>
        setState({
          kind: 'error',
          message: e instanceof NetworkError ? 'The server could not be reached.' : e instanceof Error ? e.message : String(e),
        }),
      );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}
