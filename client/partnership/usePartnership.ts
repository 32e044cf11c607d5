import { useCallback, useEffect, useRef, useState } from 'react';
import type { PartnershipAnswer } from '../../shared/partnership';
import { ApiError, NetworkError } from '../lib/api';
import type { PageLoad } from '../components/usePageShell';
import { readJson, writeJson } from '../lib/localSettings';
import { getPartnership, liveUrl, sendEdit, type PartnershipEdit } from './partnershipApi';
import { applyEdit } from './optimistic';

/**
 * The partnership, live and offline-safe:
 *  - read with `GET /api/partnerships/:id`, then again whenever the live stream
 *    (`…/live`, Server-Sent Events) says a board or the partnership changed (a burst is one read);
 *  - the last answer is kept in this browser, so the page opens offline with what it last showed;
 *  - an edit is shown at once and sent; one that cannot reach the server waits in this browser
 *    (it survives a reload) and is sent when the connection is back, in order. An edit the
 *    server refuses is dropped and reported.
 */
export type LoadState = PageLoad<{ kind: 'ok'; data: PartnershipAnswer; offline: boolean }>;

const cacheKey = (id: string) => `pb:partnership:${id}`;
const pendingKey = (id: string) => `pb:partnership-pending:${id}`;

export interface PartnershipState {
  load: LoadState;
  live: 'connecting' | 'live' | 'offline';
  pending: number;
  /** The last edit the server refused, if any. */
  refused: string | null;
  edit(edit: PartnershipEdit): Promise<void>;
  reload(): void;
}

export function usePartnership(id: string, token: string | null): PartnershipState {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [live, setLive] = useState<PartnershipState['live']>('connecting');
  const [pending, setPending] = useState<PartnershipEdit[]>(() => readJson<PartnershipEdit[]>(pendingKey(id)) ?? []);
  const [refused, setRefused] = useState<string | null>(null);
  const pendingRef = useRef(pending);
  const flushing = useRef(false);

  const savePending = useCallback(
    (next: PartnershipEdit[]) => {
      pendingRef.current = next;
      setPending(next);
      writeJson(pendingKey(id), next);
    },
    [id],
  );

  const read = useCallback(async () => {
    if (!token) return;
    try {
      const data = await getPartnership(id, token);
      writeJson(cacheKey(id), data);
      // Edits still waiting are shown on top of what the server answered.
      setLoad({ kind: 'ok', data: pendingRef.current.reduce(applyEdit, data), offline: false });
    } catch (e) {
      if (e instanceof NetworkError) {
        const cached = readJson<PartnershipAnswer>(cacheKey(id));
        setLoad((prev) =>
          prev.kind === 'ok'
            ? { ...prev, offline: true }
            : cached
              ? { kind: 'ok', data: pendingRef.current.reduce(applyEdit, cached), offline: true }
              : { kind: 'error', status: null, code: 'network', message: 'The server could not be reached.' },
        );
        return;
      }
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      setLoad({ kind: 'error', status: err.status, code: err.code, message: err.message });
    }
  }, [id, token]);

  const flush = useCallback(async () => {
    if (!token || flushing.current) return;
    flushing.current = true;
    try {
      while (pendingRef.current.length > 0) {
        const [next, ...rest] = pendingRef.current;
        try {
          await sendEdit(id, token, next);
        } catch (e) {
          if (e instanceof NetworkError) return;
          setRefused(e instanceof ApiError ? e.message : String(e));
        }
        savePending(rest);
      }
    } finally {
      flushing.current = false;
    }
    await read();
  }, [id, token, read, savePending]);

  const edit = useCallback(
    async (e: PartnershipEdit) => {
      setRefused(null);
      setLoad((prev) => (prev.kind === 'ok' ? { ...prev, data: applyEdit(prev.data, e) } : prev));
      savePending([...pendingRef.current, e]);
      await flush();
    },
    [flush, savePending],
  );

  useEffect(() => {
    if (!token) return;
    void flush().then(read);
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let disposed = false;
    const soon = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void read();
      }, 100);
    };
    const open = () => {
      if (disposed) return;
      es = new EventSource(liveUrl(id, token));
      es.addEventListener('changed', () => {
        setLive('live');
        soon();
      });
      es.onerror = () => {
        setLive('offline');
        if (es && es.readyState === EventSource.CLOSED) {
          es = null;
          retry = setTimeout(open, 5000);
        }
      };
    };
    open();
    const online = () => {
      void flush();
      if (!es) open();
    };
    window.addEventListener('online', online);
    return () => {
      disposed = true;
      es?.close();
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      window.removeEventListener('online', online);
    };
  }, [id, token, read, flush]);

  return { load, live, pending: pending.length, refused, edit, reload: () => void read() };
}
