import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { Tldraw, useValue, type Editor } from 'tldraw';
import { getExercise } from '../../exercises/registry';
import { ErrorPage } from '../components/ErrorPage';
import { NameDialog } from '../components/NameDialog';
import { ApiError, getBoard, NetworkError, type BoardInfo } from '../lib/api';
import { takeBoardInfo } from '../lib/boardInfoEarly';
import { cacheBoardInfo, cachedBoardInfo, hasLocalCopy } from '../lib/offlineCache';
import { rememberBoard } from '../lib/recentBoards';
import { localUser, setUserName, tldrawCurrentUser } from '../lib/user';
import type { BoardConnection } from './sync/boardConnection';
import { BOARD_UI_COMPONENTS, ChangesOverCanvas } from './canvasUi';
import { TLDRAW_LICENSE_KEY, watchLicenceGate } from './shapes/licence';
import { LicenceMessage } from './shapes/LicenceMessage';
import { BoardWorkspace } from './workspace/BoardWorkspace';
import { BOARD_FEATURES } from './features';
import { SinceLastVisitContext } from './changes/ChangesNotice';
import { watchSinceLastVisit, type SinceLastVisit } from './changes/SinceLastVisit';
import { OpenBoard, openBoardConnection } from './sync/openBoard';
import { FacilitationContext, type Facilitation } from './sync/FacilitationContext';
import { SessionBar } from './facilitation/SessionBar';
import { FACILITATOR_UI_OVERRIDES, PARTICIPANT_UI_OVERRIDES } from './shapes/locks';
import { BOARD_SHAPE_UTILS, setBoardExercise } from './shapes';
import { mountShapesProgressively } from './shapes/progressiveMount';
import { BOARD_TLDRAW_OPTIONS, keepOnBoardPage } from './shapes/onePage';
import { TopBar } from './TopBar';
import { BoardStatus } from './BoardStatus';
import { NewLinkNotice } from '../components/NewLinkNotice';
import { LINK_REPLACED, TerminalBanner } from './TerminalBanner';

// The shapes on screen first, the rest after the first paint (shapes/progressiveMount.ts).
mountShapesProgressively();

/** Every tldraw asset (fonts, icons, translations, embed icons) bundled and served by us. */
const assetUrls = getAssetUrlsByImport();

/**
 * Pasted images and videos are stored inline (data URLs) in the board document, so a file must fit
 * in one WebSocket frame once base64-encoded (the relay's default limit is 8 MiB; a frame above it
 * is refused and would be resent on every reconnect).
 */
const MAX_ASSET_BYTES = 4 * 1024 * 1024;
const MAX_IMAGE_DIMENSION = 2048;

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ok'; info: BoardInfo }
  | { kind: 'not-found' }
  | { kind: 'invalid-token' }
  | { kind: 'link-replaced' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'network' }
  | { kind: 'server-error'; message: string };

/** Answers of a proxy whose server is down: treated like no connection. */
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

export function BoardPage({ boardId, token }: { boardId: string; token: string | null }) {
  const [load, setLoad] = useState<LoadState>(token ? { kind: 'loading' } : { kind: 'invalid-token' });
  const [attempt, setAttempt] = useState(0);
  /**
   * The board's socket and local copy, opened at once: they do not wait for the board's info
   * (the open board built once the info is in takes them over). Closed when the link turns out not
   * to open the board.
   */
  const early = useRef<BoardConnection | null>(null);
  const takeConnection = useCallback(() => {
    const conn = early.current;
    early.current = null;
    return conn;
  }, []);
  useEffect(
    () => () => {
      early.current?.destroy();
      early.current = null;
    },
    [],
  );

  // `attempt` is the retry trigger.
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    /** Whether the server's answer is in (the board is then shown from fresh info, or an error). */
    let answered = false;
    setLoad({ kind: 'loading' });
    if (!early.current) early.current = openBoardConnection(boardId, token);
    const dropEarly = () => {
      early.current?.destroy();
      early.current = null;
    };
    // A board this link opened before shows at once from this browser's copy, with the info
    // cached for the link; the server's answer follows (and wins).
    const cached = cachedBoardInfo(boardId, token);
    if (cached) {
      void hasLocalCopy(boardId).then((has) => {
        if (has && !cancelled && !answered) setLoad({ kind: 'ok', info: cached });
      });
    }
    (attempt === 0 ? takeBoardInfo(boardId, token) : getBoard(boardId, token))
      .then((info) => {
        if (cancelled) return;
        answered = true;
        cacheBoardInfo(info, token);
        rememberBoard({
          id: info.id,
          title: info.title,
          region: info.region,
          sector: info.sector,
          role: info.role,
          url: window.location.href,
        });
        setLoad({ kind: 'ok', info });
      })
      .catch(async (e) => {
        if (cancelled) return;
        answered = true;
        // The server cannot be reached (offline, or a proxy in front of a stopped server): open
        // the copy this browser kept of the board, if it has one, with the info cached for this link.
        if (e instanceof NetworkError || (e instanceof ApiError && UNREACHABLE_STATUSES.has(e.status))) {
          if (cached && (await hasLocalCopy(boardId))) {
            if (!cancelled) setLoad({ kind: 'ok', info: cached });
            return;
          }
          if (cancelled) return;
        }
        dropEarly();
        if (e instanceof ApiError) {
          if (e.status === 404) setLoad({ kind: 'not-found' });
          else if (e.status === 401) setLoad({ kind: e.code === 'link_replaced' ? 'link-replaced' : 'invalid-token' });
          else if (e.status === 403) setLoad({ kind: 'forbidden', message: e.message });
          else setLoad({ kind: 'server-error', message: e.message });
        } else if (e instanceof NetworkError) {
          setLoad({ kind: 'network' });
        } else {
          setLoad({ kind: 'server-error', message: e instanceof Error ? e.message : String(e) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [boardId, token, attempt]);

  const retry = (
    <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
      Try again
    </button>
  );

  switch (load.kind) {
    case 'loading':
      return (
        <main className="page page-narrow" aria-busy="true">
          <p className="loading" role="status">
            Opening the board…
          </p>
        </main>
      );
    case 'not-found':
      return (
        <ErrorPage code="board_not_found" title="This board doesn't exist">
          <p>The link points to a board that is not on this server. It may have been deleted, or the link was copied incompletely.</p>
        </ErrorPage>
      );
    case 'invalid-token':
      return (
        <ErrorPage code="invalid_token" title="This link is not valid (wrong or expired token)">
          <p>
            {token
              ? 'The access code in the link is wrong or no longer accepted. Ask the facilitator for a fresh link.'
              : 'The link has no access code. Board links look like /b/<board>?token=<code>; ask the facilitator for the full link.'}
          </p>
        </ErrorPage>
      );
    case 'link-replaced':
      return (
        <ErrorPage code="link_replaced" title={LINK_REPLACED.title}>
          <p>{LINK_REPLACED.text}</p>
        </ErrorPage>
      );
    case 'forbidden':
      return (
        <ErrorPage code="forbidden" title="This link does not give access to this board">
          <p>{load.message}</p>
        </ErrorPage>
      );
    case 'network':
      return (
        <ErrorPage code="network_error" title="The server could not be reached" actions={retry}>
          <p>Check your internet connection, then try again.</p>
        </ErrorPage>
      );
    case 'server-error':
      return (
        <ErrorPage code="server_error" title="The board could not be opened" actions={retry}>
          <p>The server had a problem: {load.message}</p>
        </ErrorPage>
      );
    case 'ok':
      return <BoardScreen info={load.info} token={token as string} takeConnection={takeConnection} />;
  }
}


function focusEditor(editor: Editor | null) {
  if (!editor) return;
  editor.getContainer().focus();
  editor.focus();
}

/** What an open board depends on: fresher info that changes none of it (a new title) keeps it open. */
function openBoardKey(info: BoardInfo): string {
  return JSON.stringify([info.id, info.role, info.templateId, info.templateVersion, info.variant ?? null]);
}

function BoardScreen({ info, token, takeConnection }: { info: BoardInfo; token: string; takeConnection: () => BoardConnection | null }) {
  const [openBoard, setOpenBoard] = useState<OpenBoard | null>(null);
  const [sinceLastVisit, setSinceLastVisit] = useState<SinceLastVisit | null>(null);
  const user = useValue('localUser', () => localUser.get(), []);
  const [askName, setAskName] = useState(() => !localUser.get().name.trim());
  const [licenceTripped, setLicenceTripped] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  /** The mounted editor, for the exercise panels around the canvas. */
  const [editor, setEditor] = useState<Editor | null>(null);
  const exercise = getExercise(info.templateId);

  const key = openBoardKey(info);
  const infoRef = useRef(info);
  infoRef.current = info;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the info the open board uses.
  useEffect(() => {
    const s = new OpenBoard(infoRef.current, token, takeConnection());
    // Features built on the open board close with it (OpenBoard.onClose).
    setSinceLastVisit(watchSinceLastVisit(s));
    setOpenBoard(s);
    return () => {
      s.destroy();
      setOpenBoard(null);
      setSinceLastVisit(null);
    };
  }, [key, token, takeConnection]);

  useEffect(() => {
    document.title = `${info.title} · Partnership boards`;
  }, [info.title]);

  const phase = useValue('phase', () => openBoard?.phase.get() ?? { kind: 'connecting' as const }, [openBoard]);
  const connState = useValue('connState', () => openBoard?.conn.state.get() ?? 'connecting', [openBoard]);
  const terminal = useValue('terminal', () => openBoard?.conn.terminal.get() ?? null, [openBoard]);
  const newerWhileOpen = useValue('newerWhileOpen', () => openBoard?.newerWhileOpen.get() ?? false, [openBoard]);
  const readOnly = useValue('readOnly', () => openBoard?.readOnly.get() ?? true, [openBoard]);
  const facilitation = useMemo<Facilitation | null>(
    () =>
      openBoard
        ? {
            boardId: info.id,
            token,
            role: info.role,
            canControl: openBoard.control.canControl,
            control: openBoard.control,
            clock: openBoard.clock,
            awareness: openBoard.provider.awareness,
            template: exercise?.template ?? null,
            me: () => ({ id: localUser.get().id, name: localUser.get().name.trim() || 'Anonymous' }),
          }
        : null,
    [openBoard, info, token, exercise],
  );

  useEffect(() => {
    const el = canvasRef.current;
    if (!el || phase.kind !== 'ready') return;
    return watchLicenceGate(
      el,
      () => editorRef.current,
      (reason) => {
        console.warn(`tldraw licence gate tripped (${reason})`);
        setLicenceTripped(true);
      },
    );
  }, [phase.kind]);

  const onMount = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      setEditor(editor);
      setBoardExercise(editor, exercise);
      const stayOnPage = keepOnBoardPage(editor);
      const detach = openBoard?.attachEditor(editor);
      return () => {
        detach?.();
        stayOnPage();
        if (editorRef.current === editor) editorRef.current = null;
        setEditor((current) => (current === editor ? null : current));
      };
    },
    [openBoard, exercise],
  );

  let body: ReactNode;
  if (!openBoard || phase.kind !== 'ready' || newerWhileOpen) {
    body = <BoardStatus phase={openBoard ? phase : null} offline={connState === 'offline'} newer={newerWhileOpen} />;
  } else if (licenceTripped) {
    body = <LicenceMessage />;
  } else if (openBoard.store) {
    body = (
      <Tldraw
        store={openBoard.store}
        assetUrls={assetUrls}
        licenseKey={TLDRAW_LICENSE_KEY}
        user={tldrawCurrentUser}
        shapeUtils={BOARD_SHAPE_UTILS}
        components={BOARD_UI_COMPONENTS}
        options={BOARD_TLDRAW_OPTIONS}
        overrides={info.role === 'facilitator' ? FACILITATOR_UI_OVERRIDES : PARTICIPANT_UI_OVERRIDES}
        onMount={onMount}
        maxAssetSize={MAX_ASSET_BYTES}
        maxImageDimension={MAX_IMAGE_DIMENSION}
      />
    );
  }

  return (
    <FacilitationContext.Provider value={facilitation}>
      <SinceLastVisitContext.Provider value={sinceLastVisit}>
      <div className="board-layout">
        <TopBar
          info={info}
          openBoard={openBoard}
          user={user}
          onChangeName={() => setAskName(true)}
          token={token}
          editor={phase.kind === 'ready' && !licenceTripped ? editor : null}
          features={BOARD_FEATURES}
        />
        {terminal && <TerminalBanner close={terminal} />}
        <NewLinkNotice id={info.id} what="facilitator" />
        {phase.kind === 'ready' && <SessionBar editor={!newerWhileOpen && !licenceTripped ? editor : null} />}
        <BoardWorkspace
          editor={phase.kind === 'ready' && !newerWhileOpen && !licenceTripped ? editor : null}
          exercise={exercise}
          readOnly={readOnly}
          doc={openBoard?.doc ?? null}
          variant={info.variant ?? null}
          templateVersion={info.templateVersion}
          features={BOARD_FEATURES}
        >
          <main className="board-canvas" ref={canvasRef} aria-label={`Board: ${info.title}`}>
            {sinceLastVisit && phase.kind === 'ready' && !newerWhileOpen && !licenceTripped && (
              <ChangesOverCanvas since={sinceLastVisit} editor={editor} />
            )}
            {body}
          </main>
        </BoardWorkspace>
        {askName && (
          <NameDialog
            initialName={user.name}
            dismissible={user.name.trim().length > 0}
            onSave={(name) => {
              const firstTime = !user.name.trim();
              setUserName(name);
              setAskName(false);
              // An unfocused tldraw editor ignores keys and pointer moves: hand focus to the canvas
              // once the first-time prompt is gone (a rename returns focus to the name button).
              if (firstTime) requestAnimationFrame(() => focusEditor(editorRef.current));
            }}
            onCancel={() => setAskName(false)}
          />
        )}
      </div>
      </SinceLastVisitContext.Provider>
    </FacilitationContext.Provider>
  );
}
