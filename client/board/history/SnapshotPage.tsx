import { useEffect, useRef, useState } from 'react';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { Tldraw, type Editor, type TLComponents, type TLStore } from 'tldraw';
import { getExercise } from '../../../exercises/registry';
import type { SnapshotInfo } from '../../../shared/api/history';
import { ErrorPage } from '../../components/ErrorPage';
import { ApiError, getBoard, NetworkError, type BoardInfo } from '../../lib/api';
import { tldrawCurrentUser } from '../../lib/user';
import { LicenceMessage } from '../shapes/LicenceMessage';
import { PARTICIPANT_UI_OVERRIDES } from '../shapes/locks';
import { TLDRAW_LICENSE_KEY, watchLicenceGate } from '../shapes/licence';
import { BOARD_SHAPE_UTILS, setBoardExercise } from '../shapes';
import { BOARD_TLDRAW_OPTIONS, keepOnBoardPage } from '../shapes/onePage';
import { snapshotDate } from './format';
import { boardPageUrl, fetchSnapshotState, listSnapshots } from './historyApi';
import { storeFromSnapshot } from './snapshotDoc';
import './history.css';

/** A snapshot is read only: no page menu (one page per board) and no style panel. */
const SNAPSHOT_UI_COMPONENTS: TLComponents = { PageMenu: null, StylePanel: null };

/** Every tldraw asset served by us, as on the board page (no request leaves the origin). */
const assetUrls = getAssetUrlsByImport();

/** What the e2e tests reach through `window.__snapshot`. */
declare global {
  interface Window {
    __snapshot?: { editor: Editor; store: TLStore };
  }
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ok'; info: BoardInfo; snapshot: SnapshotInfo; store: TLStore }
  | { kind: 'error'; code: string; title: string; text: string; retry?: boolean };

function errorOf(e: unknown): Load {
  if (e instanceof ApiError) {
    if (e.status === 401) return { kind: 'error', code: 'invalid_token', title: 'This link is not valid (wrong or expired token)', text: 'Ask the facilitator for a fresh link to the board.' };
    if (e.status === 404) {
      return e.code === 'snapshot_not_found'
        ? { kind: 'error', code: 'snapshot_not_found', title: 'This snapshot doesn’t exist', text: 'It may have been removed to make room for newer ones (a board keeps 200).' }
        : { kind: 'error', code: 'board_not_found', title: 'This board doesn’t exist', text: 'The link points to a board that is not on this server.' };
    }
    return { kind: 'error', code: 'server_error', title: 'The snapshot could not be opened', text: `The server had a problem: ${e.message}`, retry: true };
  }
  if (e instanceof NetworkError) return { kind: 'error', code: 'network_error', title: 'The server could not be reached', text: 'Check your internet connection, then try again.', retry: true };
  return { kind: 'error', code: 'server_error', title: 'The snapshot could not be opened', text: e instanceof Error ? e.message : String(e), retry: true };
}

/**
 * `/b/<id>/history/<snapshotId>?token=`: one snapshot of a board, read only, with a banner
 * naming it and a link back to the live board. Any role may look (the same token as the board).
 */
export function SnapshotPage({ boardId, snapshotId, token }: { boardId: string; snapshotId: string; token: string | null }) {
  const [load, setLoad] = useState<Load>(() =>
    token ? { kind: 'loading' } : { kind: 'error', code: 'invalid_token', title: 'This link is not valid (wrong or expired token)', text: 'The link has no access code.' },
  );
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    setLoad({ kind: 'loading' });
    (async () => {
      const [info, snapshots] = await Promise.all([getBoard(boardId, token), listSnapshots(boardId, token)]);
      const snapshot = snapshots.find((s) => s.id === snapshotId);
      if (!snapshot) throw new ApiError(404, 'snapshot_not_found', 'This board has no such snapshot.');
      const built = storeFromSnapshot(await fetchSnapshotState(boardId, token, snapshotId));
      if (built.kind === 'newer') {
        return { kind: 'error', code: 'newer', title: 'This snapshot was saved by a newer version; reload the page', text: 'Reloading fetches that version.', retry: false } as Load;
      }
      if (built.kind !== 'ok') {
        return { kind: 'error', code: 'snapshot_unreadable', title: 'This snapshot could not be read', text: built.kind === 'error' ? built.message : 'It holds no board.' } as Load;
      }
      return { kind: 'ok', info, snapshot, store: built.store } as Load;
    })().then(
      (result) => !cancelled && setLoad(result),
      (e) => !cancelled && setLoad(errorOf(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, snapshotId, token, attempt]);

  if (load.kind === 'loading') {
    return (
      <main className="page page-narrow" aria-busy="true">
        <p className="loading" role="status">
          Opening the snapshot…
        </p>
      </main>
    );
  }
  if (load.kind === 'error') {
    return (
      <ErrorPage
        code={load.code}
        title={load.title}
        actions={
          load.retry ? (
            <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          ) : undefined
        }
      >
        <p>{load.text}</p>
      </ErrorPage>
    );
  }
  return <SnapshotScreen info={load.info} snapshot={load.snapshot} store={load.store} token={token as string} />;
}

function SnapshotScreen({ info, snapshot, store, token }: { info: BoardInfo; snapshot: SnapshotInfo; store: TLStore; token: string }) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const [licenceTripped, setLicenceTripped] = useState(false);
  const date = snapshotDate(snapshot.createdAt);

  useEffect(() => {
    document.title = `Snapshot “${snapshot.name}” · ${info.title} · Partnership boards`;
  }, [snapshot.name, info.title]);

  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    return watchLicenceGate(
      el,
      () => editorRef.current,
      (reason) => {
        console.warn(`tldraw licence gate tripped (${reason})`);
        setLicenceTripped(true);
      },
    );
  }, []);

  const onMount = (editor: Editor) => {
    editorRef.current = editor;
    editor.updateInstanceState({ isReadonly: true });
    setBoardExercise(editor, getExercise(info.templateId));
    const stayOnPage = keepOnBoardPage(editor);
    // The whole board in view, never above 100 %.
    if (editor.getCurrentPageShapeIds().size > 0) {
      editor.zoomToFit();
      if (editor.getZoomLevel() > 1) editor.resetZoom(editor.getViewportScreenCenter());
    }
    const handle = { editor, store };
    window.__snapshot = handle;
    return () => {
      stayOnPage();
      if (window.__snapshot === handle) delete window.__snapshot;
      if (editorRef.current === editor) editorRef.current = null;
    };
  };

  const live = boardPageUrl(info.id, token);
  return (
    <div className="board-layout">
      <header className="topbar">
        <a className="topbar-home" href="/">
          <span aria-hidden="true">◧</span>
          <span className="visually-hidden">Home: all boards</span>
        </a>
        <div className="topbar-title">
          <h1 title={info.title}>{info.title}</h1>
          <p className="topbar-sub">Board history</p>
        </div>
        <span className="badge role-viewer">Read only</span>
        <div className="topbar-spacer" />
      </header>
      <div className="snapshot-banner" role="note" aria-label="Snapshot" data-testid="snapshot-banner" data-snapshot-id={snapshot.id}>
        <span aria-hidden="true">⟲</span>
        <span className="snapshot-banner-text">
          Snapshot <strong>“{snapshot.name}”</strong> of <time dateTime={snapshot.createdAt}>{date}</time> · read only
          <span className="snapshot-banner-note">
            What the board looked like then. Nothing you do here changes the board; a facilitator can restore it from the board’s History.
          </span>
        </span>
        <a className="button small primary" href={live} data-testid="snapshot-back">
          Back to the live board
        </a>
      </div>
      <main className="board-canvas snapshot-canvas" ref={canvasRef} aria-label={`Snapshot “${snapshot.name}” of ${info.title}, read only`}>
        {licenceTripped ? (
          <LicenceMessage />
        ) : (
          <Tldraw
            store={store}
            assetUrls={assetUrls}
            licenseKey={TLDRAW_LICENSE_KEY}
            user={tldrawCurrentUser}
            shapeUtils={BOARD_SHAPE_UTILS}
            overrides={PARTICIPANT_UI_OVERRIDES}
            components={SNAPSHOT_UI_COMPONENTS}
            options={BOARD_TLDRAW_OPTIONS}
            onMount={onMount}
          />
        )}
      </main>
    </div>
  );
}
