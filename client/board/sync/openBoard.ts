import type * as Y from 'yjs';
import type { YKeyValue } from 'y-utility/y-keyvalue';
import {
  atom,
  computed,
  createTLStore,
  react,
  defaultBindingUtils,
  type Atom,
  type Editor,
  type Signal,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import type { WebsocketProvider } from 'y-websocket';
import { recordsOf } from '../../../shared/doc/boardDoc';
import { canWriteDocument, type Role } from '../../../shared/roles';
import { ApiError, getBoard, type BoardInfo } from '../../lib/api';
import { boardDbName, cachedBoardInfo, controlDbName } from '../../lib/offlineCache';
import { CloseCodes } from '../../../shared/closeCodes';
import { boardColor, currentTLUser, shownUser, type LocalUser } from '../../lib/user';
import { BoardConnection, type TerminalClose } from './boardConnection';
import { provideVoterKey } from './voterKey';
import type { LocalCopy } from './localCopy';
import { bindPresence, countPeople, keepColorDistinct } from './presence';
import { ALL_SHAPE_UTILS } from '../shapes';
import { compareSchemas } from '../../../shared/doc/schemaRelation';
import { bindStoreToDoc, loadDocIntoStore, readDocSchema } from './storeBinding';
import { ControlConnection } from './ControlConnection';
import { ServerClock } from '../../lib/serverClock';

/** Maps the API's verdict on the link to the close code the relay would have sent. */
export async function probeAccess(boardId: string, token: string): Promise<TerminalClose | null> {
  try {
    await getBoard(boardId, token);
    return null;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) return e.code === 'link_replaced' ? { ...CloseCodes.LinkReplaced } : { ...CloseCodes.Unauthorized };
    if (e.status === 403) return { ...CloseCodes.Forbidden };
    if (e.status === 404) return { ...CloseCodes.BoardNotFound };
    return null;
  }
}

/**
 * The board's socket and local copy, opened as soon as the link is known. A board this link
 * opened before (its info is cached) reads its local copy before connecting, so the server sends
 * only what changed since.
 */
export function openBoardConnection(boardId: string, token: string): BoardConnection {
  const openedBefore = cachedBoardInfo(boardId, token) !== null;
  return new BoardConnection(boardId, token, () => probeAccess(boardId, token), boardDbName(boardId), openedBefore);
}

export type OpenBoardPhase =
  | { kind: 'connecting' }
  | { kind: 'ready' }
  /** The board was written by a newer version of the app: nothing is shown or written. */
  | { kind: 'newer' }
  /** The server answered with an empty document (never seeded or failed to load). */
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/**
 * Where the board shown comes from: `server` once the server's copy arrived in this visit (it is
 * live, or was until the connection dropped), `local` while only this browser's copy is shown
 * (opened offline, or before the server answered), `none` before anything is shown.
 */
export type BoardSource = 'server' | 'local' | 'none';

/** What the e2e tests reach through `window.__board`. */
export interface BoardHandle {
  editor: Editor;
  doc: Y.Doc;
  provider: WebsocketProvider;
  control: ControlConnection;
  clock: ServerClock;
  /** This browser's copy of the board (null without IndexedDB). */
  localCopy: LocalCopy | null;
}

/**
 * What an open board opens besides the store. The browser's are the real connections; the unit
 * test (openBoard.test.ts) hands in fakes to watch what is opened and closed, and in what order.
 */
export interface OpenBoardParts {
  /** The board's socket and local copy, when the page did not open them before the info came. */
  connect(boardId: string, token: string): BoardConnection;
  /** The control document's connection (step, timer, follow, votes). */
  control(info: BoardInfo, token: string): ControlConnection;
  clock(): ServerClock;
  /** Lends the connection's voter key to ballots (voterKey.ts); returns the way to take it back. */
  voterKey(boardId: string, key: () => Promise<string>): () => void;
}

export const BROWSER_PARTS: OpenBoardParts = {
  connect: openBoardConnection,
  control: (info, token) => new ControlConnection(info.id, token, info.role, controlDbName(info.id)),
  clock: () => new ServerClock(),
  voterKey: provideVoterKey,
};

declare global {
  interface Window {
    __board?: BoardHandle;
  }
}

/**
 * Everything one open board needs, outside React: the connection, the tldraw store bound to the
 * doc once the first sync is done, and presence. Created when the board page mounts, destroyed when
 * it unmounts.
 */
export class OpenBoard {
  readonly conn: BoardConnection;
  /** The board's control document: step, timer, follow, votes (written by facilitators only). */
  readonly control: ControlConnection;
  /** This browser's estimate of the server's clock (session times are server times). */
  readonly clock: ServerClock;
  readonly role: Role;
  readonly phase: Atom<OpenBoardPhase> = atom('openBoardPhase', { kind: 'connecting' });
  readonly people: Atom<number> = atom('people', 0);
  /** Set when the doc's schema became newer while open: the board turns read-only. */
  readonly newerWhileOpen: Atom<boolean> = atom('newerWhileOpen', false);
  /** True while local edits may not reach the doc (viewer, terminal close, newer schema). */
  readonly readOnly: Signal<boolean>;
  /** Where what is shown comes from (see BoardSource). */
  readonly source: Signal<BoardSource>;
  /** True once the server's copy is in and shown (false for a board refused as newer). */
  readonly syncedAndShown: Signal<boolean>;
  store: TLStore | null = null;
  /** Set when the store was built from this browser's copy, before the server's arrived. */
  private readonly openedFromLocal: Atom<boolean> = atom('openedFromLocal', false);

  private kv: YKeyValue<TLRecord> | null = null;
  private readonly cleanups: (() => void)[] = [];
  private readonly closers: (() => void)[] = [];
  private disposed = false;

  /**
   * @param conn The board's connection when it was opened before the info came back (see
   *   `openBoardConnection`); it becomes this open board's, and is destroyed with it.
   * @param parts What it opens (the browser's connections unless a test hands in fakes).
   */
  constructor(
    readonly info: BoardInfo,
    readonly token: string,
    conn?: BoardConnection | null,
    parts: OpenBoardParts = BROWSER_PARTS,
  ) {
    this.role = info.role;
    this.conn = conn ?? parts.connect(info.id, token);
    // Ballots carry the voter key the server gives this connection (voterKey.ts).
    this.cleanups.push(parts.voterKey(info.id, () => this.conn.voterKey()));
    this.control = parts.control(info, token);
    this.clock = parts.clock();
    this.readOnly = computed(
      'readOnly',
      () => !canWriteDocument(this.role) || this.conn.terminal.get() !== null || this.newerWhileOpen.get(),
    );
    this.conn.setReadOnly(!canWriteDocument(this.role));
    this.source = computed('boardSource', () =>
      this.conn.hasSynced.get() ? 'server' : this.openedFromLocal.get() ? 'local' : 'none',
    );
    this.syncedAndShown = computed(
      'syncedAndShown',
      () => this.conn.hasSynced.get() && this.phase.get().kind === 'ready' && !this.newerWhileOpen.get(),
    );

    const awareness = this.conn.provider.awareness;
    const onAwareness = () => this.people.set(countPeople(awareness));
    awareness.on('change', onAwareness);
    this.cleanups.push(() => awareness.off('change', onAwareness));

    const onSync = (synced: boolean) => {
      if (synced && !this.store && !this.disposed) this.initStore();
    };
    this.conn.provider.on('sync', onSync);
    this.cleanups.push(() => this.conn.provider.off('sync', onSync));
    if (this.conn.provider.synced) this.initStore();

    // This browser's copy, when it is read before the server answers (offline, slow network):
    // the board opens from it if it holds a board (a schema). The server's copy merges in when it
    // arrives, like any remote change. An empty or unreadable copy waits for the server.
    const local = this.conn.local;
    if (local) {
      const stop = react('openFromLocalCopy', () => {
        if (local.state.get() !== 'loaded') return;
        if (!this.store && !this.disposed && !this.conn.provider.synced) this.initStore('local');
      });
      this.cleanups.push(stop);
    }
  }

  get doc(): Y.Doc {
    return this.conn.doc;
  }

  get provider(): WebsocketProvider {
    return this.conn.provider;
  }

  private initStore(from: 'server' | 'local' = 'server') {
    const doc = this.conn.doc;
    // A copy without a board in it says nothing: never build (let alone write) a board from it.
    const localSchema = from === 'local' ? readDocSchema(doc) : null;
    if (from === 'local' && !localSchema) return;
    this.kv ??= recordsOf(doc);
    const kv = this.kv;
    const canWrite = () => !this.readOnly.get();

    const status = computed('collabStatus', () => (this.conn.state.get() === 'connected' ? 'online' : 'offline'));
    const mode = computed('collabMode', () => (this.readOnly.get() ? 'readonly' : 'readwrite'));
    const store = createTLStore({
      // tldraw's shapes plus our zones and cards: the schema equals the registry's boardSchema().
      shapeUtils: ALL_SHAPE_UTILS,
      bindingUtils: defaultBindingUtils,
      users: { currentUser: currentTLUser },
      collaboration: { status, mode },
    });

    // Opening an older copy would write its upgrade (records and schema) before the server's
    // state is known, and a concurrent schema write could then win over a newer one: an editor
    // waits for the server instead, which upgrades as usual.
    if (localSchema && canWrite() && compareSchemas(store.schema.serialize(), localSchema) === 'older') return;
    const result = loadDocIntoStore(doc, kv, store, canWrite());
    if (from === 'local' && (result.kind === 'empty' || result.kind === 'error')) {
      // Unusable local copy: the server's answer decides, as without one.
      return;
    }
    if (result.kind !== 'ok') {
      this.phase.set(result);
      // Nothing to show and nothing we may write: stop talking to the server.
      this.conn.provider.disconnect();
      return;
    }

    this.cleanups.push(
      bindStoreToDoc(doc, kv, store, {
        canWrite,
        onNewerSchema: () => this.newerWhileOpen.set(true),
        onRemoteError: (error, id) => console.warn(`Could not apply remote record ${id}`, error),
      }),
    );

    const namedUser = computed<LocalUser | null>('namedUser', () => {
      const u = shownUser.get();
      return u.name.trim() ? u : null;
    });
    // Our colour counts from when we arrived: someone who came first keeps a colour we share.
    const colorSince = atom('colorSince', this.clock.now());
    this.cleanups.push(
      bindPresence({
        awareness: this.conn.provider.awareness,
        store,
        user: currentTLUser,
        localUser: namedUser,
        role: this.role,
        colorSince,
      }),
      keepColorDistinct(
        this.conn.provider.awareness,
        () => {
          const u = namedUser.get();
          return u ? { userId: u.id, color: u.color } : null;
        },
        colorSince,
        (color) => boardColor.set(color),
        () => this.clock.now(),
      ),
      () => boardColor.set(null),
    );

    this.store = store;
    if (from === 'local') this.openedFromLocal.set(true);
    this.phase.set({ kind: 'ready' });
  }

  /** Called from `<Tldraw onMount>`. */
  attachEditor(editor: Editor): () => void {
    const apply = () => {
      if (this.readOnly.get() && !editor.getIsReadonly()) editor.updateInstanceState({ isReadonly: true });
    };
    apply();
    const handle: BoardHandle = {
      editor,
      doc: this.conn.doc,
      provider: this.conn.provider,
      control: this.control,
      clock: this.clock,
      localCopy: this.conn.local,
    };
    window.__board = handle;
    return () => {
      if (window.__board === handle) delete window.__board;
    };
  }

  /**
   * Runs `close` when the board closes, before its connections and doc go (last added, first
   * run): how what is built on the open board (e.g. "since your last visit", which saves what the
   * person has seen) closes with it without the sync layer knowing it.
   */
  onClose(close: () => void): void {
    if (this.disposed) close();
    else this.closers.push(close);
  }

  destroy() {
    if (this.disposed) return;
    this.disposed = true;
    for (const c of [...this.closers.splice(0).reverse(), ...this.cleanups.splice(0).reverse()]) {
      try {
        c();
      } catch (e) {
        console.warn(e);
      }
    }
    this.kv?.destroy?.();
    this.conn.destroy();
    this.control.destroy();
    this.clock.dispose();
    // The store is left to the garbage collector: the editor may still be unmounting with it.
  }
}
