import * as Y from 'yjs';
import { addReconnectJitter } from './reconnectJitter';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { atom, react, type Atom } from 'tldraw';
import * as encoding from 'lib0/encoding';
import { ACK_QUERY_PARAM, MessageType, TOKEN_QUERY_PARAM, VoterKeyStatus, WS_PATH_PREFIX } from '../../../shared/protocol';
import { readJson, writeJson } from '../../lib/localSettings';
import { CloseCodes, isTerminalClose } from '../../../shared/closeCodes';
import { LocalCopy } from './localCopy';
import { SaveTracker, type SaveState } from './saveTracking';
import { handleSync } from './syncMessages';

export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline';

export interface TerminalClose {
  code: number;
  reason: string;
}

/** Transaction origin of every write this client makes to the doc. */
export const LOCAL_ORIGIN = Symbol('local');

export function wsBaseUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
  // WS_PATH_PREFIX is '/ws/'; the provider appends '/<room>'.
  return `${proto}://${window.location.host}${WS_PATH_PREFIX.replace(/\/+$/, '')}`;
}

/** Where this browser keeps the voter key the server gave it for a board. */
const voterKeyStorageKey = (boardId: string) => `pb.voterKey.${boardId}`;
const VOTER_KEY_TIMEOUT_MS = 10_000;

/** Failed socket attempts in a row before asking the HTTP API whether the link still works. */
const FAILURES_BEFORE_PROBE = 3;
const PROBE_INTERVAL_MS = 15_000;
/**
 * How long a board opened before waits for its local copy before connecting anyway: reading
 * IndexedDB takes tens to hundreds of milliseconds; one that hangs must not keep the board offline.
 */
const LOCAL_COPY_WAIT_MS = 3_000;

/**
 * One board's Y.Doc and its WebSocket provider, plus what the UI needs to know about them:
 * connection state, whether local edits are durably stored, and terminal closes.
 *
 * Save tracking (saveTracking.ts): the relay answers connections opened with `ack=1` with message
 * type 100 once updates are durable; the socket class handed to the provider counts the write
 * frames each socket sends, so acks can be matched to them.
 */
export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** The doc's copy in this browser (IndexedDB), when asked for. */
  readonly local: LocalCopy | null;

  readonly state: Atom<ConnectionState> = atom('connectionState', 'connecting');
  readonly save: Atom<SaveState>;
  private readonly saves: SaveTracker;
  readonly terminal: Atom<TerminalClose | null> = atom('terminalClose', null);
  /** Last `permission denied` reason from the server, if any. */
  readonly permissionDenied: Atom<string | null> = atom('permissionDenied', null);
  /** True once the first sync with the server has completed. */
  readonly hasSynced: Atom<boolean> = atom('hasSynced', false);

  /** Read-only links never edit: their save state stays "saved". */
  private readOnly = false;
  /** False while the link's role is not known yet (a socket opened before the board's info came
   * back): nothing is stored as confirmed until then, since viewers store nothing. */
  private roleKnown = false;
  /**
   * The browser's own verdict, read at every state change rather than kept from the start: a
   * value that changed without an `online`/`offline` event (a browser can settle its network
   * state after the page's first script ran) is picked up at the next change, e.g. the next
   * failed connection attempt.
   */
  private get online(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine !== false;
  }
  private disposed = false;
  private readonly cleanups: (() => void)[] = [];
  /** The voter key bound to the current socket (see voterKey), and who waits for one. */
  private voterKeyBound: { socket: number; key: string } | null = null;
  private voterKeyAskedOn = -1;
  private voterKeyWaiting: { resolve: (key: string) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }[] = [];

  /**
   * @param probeAccess Asks the HTTP API whether the link still opens the board. The relay refuses
   *   a bad token or unknown board at the WebSocket upgrade, which the browser only reports as a
   *   failed connection (1006); after a few failures in a row we ask, and treat 401/403/404 as
   *   terminal instead of retrying forever.
   * @param localName IndexedDB database that keeps a copy of the doc in this browser (none when
   *   omitted). Its content is loaded into the doc as soon as it is read, before or after the
   *   server's.
   * @param connectAfterLocalCopy Opens the socket only once the local copy is read (or after
   *   LOCAL_COPY_WAIT_MS): the first sync step then carries the copy's state vector, and the
   *   server sends only what the copy lacks instead of the whole document, which would otherwise
   *   be downloaded and decoded a second time. For boards opened before in this browser; a first
   *   visit connects at once.
   */
  constructor(
    readonly boardId: string,
    token: string,
    private readonly probeAccess?: () => Promise<TerminalClose | null>,
    localName?: string,
    connectAfterLocalCopy = false,
  ) {
    this.saves = new SaveTracker(
      this.doc,
      () => this.provider.wsconnected && this.provider.ws?.readyState === WebSocket.OPEN,
      // Everything acknowledged: the local copy may say so, for the next visit.
      () => {
        if (this.roleKnown && !this.readOnly && this.hasSynced.get()) this.local?.scheduleConfirmed(() => !this.save.get().unsaved && !this.readOnly);
      },
    );
    this.save = this.saves.save;
    this.provider = new WebsocketProvider(wsBaseUrl(), boardId, this.doc, {
      params: { [TOKEN_QUERY_PARAM]: token, [ACK_QUERY_PARAM]: '1' },
      // Each tab talks to the server itself; a cross-tab channel would let a viewer tab relay
      // edits and would blur what "saved" means.
      disableBc: true,
      connect: false,
      WebSocketPolyfill: this.countingWebSocket(),
    });
    // A server's clients do not all come back in the same moment when it goes away.
    addReconnectJitter(this.provider);

    this.cleanups.push(handleSync(this.provider));

    this.provider.messageHandlers[MessageType.Ack] = (_encoder, decoder) => {
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      const writesDurable = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : 0;
      this.saves.ack(sv, writesDurable);
    };

    // The relay answers every write from a read-only link with `permission denied`, including the
    // (empty) sync step 2 y-websocket sends on connect. Expected for viewers: only warn otherwise.
    this.provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.permissionDenied.set(reason || 'permission denied');
        if (!this.readOnly) console.warn(`The server refused a change: ${reason}`);
      });
    };

    this.provider.messageHandlers[MessageType.VoterKey] = (_encoder, decoder) => {
      const status = decoding.readVarUint(decoder);
      this.onVoterKey(status === VoterKeyStatus.Issued, decoding.readVarString(decoder));
    };

    const onStatus = () => {
      this.recomputeState();
      // Someone is waiting for the voter key: ask on the new socket.
      if (this.voterKeyWaiting.length > 0) this.askVoterKey();
    };
    const onSync = (synced: boolean) => {
      if (synced) {
        this.hasSynced.set(true);
      }
      this.recomputeState();
      this.saves.recompute();
    };
    const onTerminal = (code: number, reason: string) => {
      this.terminal.set({ code, reason });
      // The server refused content this doc holds: a reload must start from the server's state,
      // not from a local copy that would be refused again.
      if (code === CloseCodes.ChangeRefused.code) void this.local?.discard();
    };
    const onClosed = (event: { code: number; reason: string }) => {
      if (isTerminalClose(event.code)) onTerminal(event.code, event.reason);
      this.recomputeState();
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      // `closed` is only emitted by y-websocket's default shouldReconnect; be explicit as well.
      if (event && isTerminalClose(event.code)) {
        onTerminal(event.code, event.reason);
      } else if (this.provider.wsUnsuccessfulReconnects >= FAILURES_BEFORE_PROBE) {
        void this.maybeProbe();
      }
      this.recomputeState();
    };
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('closed', onClosed);
    this.provider.on('connection-close', onConnectionClose);
    this.cleanups.push(() => {
      this.provider.off('status', onStatus);
      this.provider.off('sync', onSync);
      this.provider.off('closed', onClosed);
      this.provider.off('connection-close', onConnectionClose);
    });

    const onAfterTransaction = (tr: Y.Transaction) => this.onTransaction(tr);
    this.doc.on('afterTransaction', onAfterTransaction);
    this.cleanups.push(() => this.doc.off('afterTransaction', onAfterTransaction));

    // After our afterTransaction handler, so a load from the local copy is tracked from the start.
    this.local = localName ? new LocalCopy(localName, this.doc) : null;
    if (this.local?.persistence) {
      void this.local.confirmed.then((snapshot) => {
        if (!this.disposed && snapshot) this.saves.confirm(snapshot);
      });
      // Leaving with everything saved: remember it, so the next visit knows its copy is saved.
      const onPageHide = () => {
        if (this.roleKnown && !this.readOnly && !this.save.get().unsaved && this.hasSynced.get()) this.local?.writeConfirmed();
        void this.local?.writeLabelSizes();
      };
      window.addEventListener('pagehide', onPageHide);
      this.cleanups.push(() => window.removeEventListener('pagehide', onPageHide));
    }

    const onOnline = () => {
      // Try right away instead of waiting for the backoff timer.
      if (!this.terminal.get() && !this.provider.wsconnected && !this.disposed) this.provider.connect();
      this.recomputeState();
    };
    const onOffline = () => this.recomputeState();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.cleanups.push(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    });

    // Leaving with edits the server does not have loses them. While connected a save takes
    // milliseconds, so only warn when the connection is down.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (this.save.get().unsaved && this.state.get() !== 'connected') {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    this.cleanups.push(() => window.removeEventListener('beforeunload', onBeforeUnload));

    const local = this.local;
    if (connectAfterLocalCopy && local && local.state.get() === 'loading') {
      let stop = () => {};
      const connect = () => {
        stop();
        clearTimeout(timer);
        if (!this.disposed && !this.provider.shouldConnect) this.provider.connect();
      };
      const timer = setTimeout(connect, LOCAL_COPY_WAIT_MS);
      stop = react('connectAfterLocalCopy', () => {
        if (local.state.get() !== 'loading') queueMicrotask(connect);
      });
      this.cleanups.push(() => {
        stop();
        clearTimeout(timer);
      });
    } else {
      this.provider.connect();
    }
    this.recomputeState();
  }

  private onTransaction(tr: Y.Transaction) {
    if (tr.origin === this.provider) this.saves.serverContent(tr);
    else if (this.local?.persistence && tr.origin === this.local.persistence) this.saves.localCopyLoaded(tr);
    else this.saves.localEdit(tr);
  }

  private probing = false;
  private lastProbe = 0;

  private async maybeProbe() {
    if (!this.probeAccess || this.probing || this.disposed || !this.online) return;
    if (Date.now() - this.lastProbe < PROBE_INTERVAL_MS) return;
    this.probing = true;
    this.lastProbe = Date.now();
    try {
      const verdict = await this.probeAccess();
      if (verdict && !this.disposed && !this.provider.wsconnected) {
        this.provider.disconnect();
        this.terminal.set(verdict);
        this.recomputeState();
      }
    } catch {
      // Unreachable API: keep retrying the socket.
    } finally {
      this.probing = false;
    }
  }

  setReadOnly(readOnly: boolean) {
    this.readOnly = readOnly;
    this.roleKnown = true;
    this.saves.setReadOnly(readOnly);
  }

  /**
   * The WebSocket class the provider uses: the browser's, counting the write frames each socket
   * sends so acks can be matched to them.
   */
  private countingWebSocket(): typeof WebSocket {
    const connection = this;
    return class CountingWebSocket extends WebSocket {
      private readonly generation: number;
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.generation = connection.saves.socketCreated();
      }
      send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        connection.saves.frameSent(this.generation, data);
        super.send(data);
      }
    };
  }

  /**
   * This browser's voter key for the board: the server issues it over the board's socket and a
   * ballot counts only while a connection holds it (server/voterKeys.ts). Asked once per socket,
   * sending the key this browser got before (so a reload or reconnect keeps its ballot). Rejects
   * with the server's reason when it gives none (a viewer link, a full link), or after 10 s
   * without an answer.
   */
  voterKey(): Promise<string> {
    const bound = this.voterKeyBound;
    if (bound && bound.socket === this.saves.socketGeneration && this.provider.wsconnected) return Promise.resolve(bound.key);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.voterKeyWaiting = this.voterKeyWaiting.filter((w) => w.timer !== timer);
        reject(new Error('The server did not answer; check the connection and try again.'));
      }, VOTER_KEY_TIMEOUT_MS);
      this.voterKeyWaiting.push({ resolve, reject, timer });
      this.askVoterKey();
    });
  }

  private askVoterKey() {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this.voterKeyAskedOn === this.saves.socketGeneration) return;
    this.voterKeyAskedOn = this.saves.socketGeneration;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.VoterKey);
    encoding.writeVarString(e, readJson<string>(voterKeyStorageKey(this.boardId)) ?? '');
    ws.send(encoding.toUint8Array(e));
  }

  private onVoterKey(issued: boolean, text: string) {
    if (issued) {
      this.voterKeyBound = { socket: this.saves.socketGeneration, key: text };
      writeJson(voterKeyStorageKey(this.boardId), text);
    }
    const waiting = this.voterKeyWaiting;
    this.voterKeyWaiting = [];
    for (const w of waiting) {
      clearTimeout(w.timer);
      if (issued) w.resolve(text);
      else w.reject(new Error(text));
    }
  }

  private recomputeState() {
    if (this.disposed) return;
    let next: ConnectionState;
    if (!this.online || this.terminal.get()) next = 'offline';
    else if (this.provider.wsconnected && this.provider.synced) next = 'connected';
    else next = this.hasSynced.get() ? 'reconnecting' : 'connecting';
    if (this.state.get() !== next) this.state.set(next);
  }

  destroy() {
    if (this.disposed) return;
    this.disposed = true;
    for (const c of this.cleanups.splice(0)) c();
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    this.local?.destroy();
    this.doc.destroy();
  }
}
