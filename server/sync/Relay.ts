import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCodes } from '../../shared/closeCodes';
import { ACK_QUERY_PARAM, MessageType, TOKEN_QUERY_PARAM } from '../../shared/protocol';
import { clientAddress } from '../runtime/clientAddress';
import { DEFAULT_VOTER_KEY_CAPS, VoterKeys } from './voterKeys';
import type { VoterKeyCaps } from './voterKeyStore';
import { isBoardId } from '../../shared/ids';
import type { DocKind, Role } from '../../shared/roles';
import { controlRoomName } from '../../shared/doc/control';
import type { RelayLimits } from './relayLimits';
import type { Logger } from '../runtime/log';
import type { Storage, StoredDoc } from '../storage/Storage';
import { hashToken } from '../runtime/tokens';
import { Connection } from './Connection';
import { Room, type RoomExtension } from './Room';
import { refuse, roomAddress, toUint8Array } from './upgrade';

/** Thrown by editControlDoc and editBoardDoc when the document cannot be used (shutting down, load or store failed). */
export class RoomUnavailableError extends Error {
  constructor(
    message: string,
    /** `load`: the document could not be loaded (see rewriteStoredDoc); others are transient. */
    readonly reason: 'closing' | 'load' | 'store' | 'busy' = 'busy',
  ) {
    super(message);
  }
}

/**
 * The WebSocket side of the server: authenticates upgrades, owns the rooms, and keeps
 * connections healthy (ping/pong, limits).
 *
 * Rooms: every board has two documents, each with its own room: the board (`/ws/<id>`, keyed by
 * the board id in `rooms`) and its control document (`/ws/<id>/control`, keyed `<id>/control`).
 *
 * Room lifecycle: a room is created (and starts loading) by the first connection to a document,
 * or by the server itself when it writes to a document nobody has open (editControlDoc).
 * Every later connection awaits the same load. When the last connection leaves, the room is
 * unloaded after a grace period: flushed, compacted, then removed. A connection that arrives
 * while a room is unloading waits for the unload to finish and then gets a freshly loaded room,
 * so it never sees a half-torn-down document.
 */
export class Relay {
  readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly wss: WebSocketServer;
  private readonly pingTimer: NodeJS.Timeout;
  private closing = false;
  /** The hash of the token each connection was opened with (closeConnectionsOfTokens). */
  private readonly tokenHashes = new WeakMap<Connection, string>();
  /** Counts calls of closeConnectionsOfTokens, so an upgrade checked across one checks again. */
  private replacedLinks = 0;
  /** The room extensions, in the order the composition root added them with extend(). */
  private readonly extensions = new Set<RoomExtension>();
  /** Rooms being rewritten in storage (rewriteStoredDoc): nobody loads them meanwhile. */
  private readonly rewriting = new Map<string, Promise<void>>();
  /** Fans every room's events out to the extensions, in the order they were added. */
  private readonly fanOut: RoomExtension = {
    onLoad: (room) => {
      for (const e of this.extensions) e.onLoad?.(room);
    },
    onUpdate: (room, origin) => {
      for (const e of this.extensions) e.onUpdate?.(room, origin);
    },
    mayCorrect: (room, write) => {
      for (const e of this.extensions) if (e.mayCorrect?.(room, write)) return true;
      return false;
    },
    onPresence: (room, change, origin) => {
      for (const e of this.extensions) e.onPresence?.(room, change, origin);
    },
    beforeUnload: async (room) => {
      for (const e of this.extensions) await e.beforeUnload?.(room);
    },
  };

  /** Voter keys issued over board sockets (server/voterKeys.ts); the HTTP side checks ballots with it. */
  readonly voterKeys: VoterKeys;
  private readonly trustProxy: boolean;

  constructor(
    private readonly storage: Storage,
    private readonly limits: RelayLimits,
    private readonly logger: Logger,
    options: { trustProxy?: boolean; voterKeyCaps?: VoterKeyCaps } = {},
  ) {
    this.trustProxy = options.trustProxy ?? false;
    this.voterKeys = new VoterKeys(storage, options.voterKeyCaps ?? DEFAULT_VOTER_KEY_CAPS, logger);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false });
    this.pingTimer = setInterval(() => this.pingAll(), limits.pingIntervalMs);
    this.pingTimer.unref();
  }

  /** Adds a room extension for every room loaded from now on (and the events of those loaded); returns its removal. */
  extend(extension: RoomExtension): () => void {
    this.extensions.add(extension);
    return () => this.extensions.delete(extension);
  }

  /** How many room extensions there are; a service's is gone once it has closed. */
  get extensionCount(): number {
    return this.extensions.size;
  }

  /** Handles an HTTP upgrade: refuses it with an HTTP status unless the board and token are valid. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (this.closing) return refuse(socket, 503, 'Service Unavailable');
    const address = roomAddress(url.pathname);
    if (!address) return refuse(socket, 404, 'Not Found');
    const { boardId, kind } = address;
    const token = url.searchParams.get(TOKEN_QUERY_PARAM);
    let role: Role | undefined;
    let tokenHash = '';
    try {
      if (!isBoardId(boardId) || !(await this.storage.getBoard(boardId))) {
        this.logger.info('conn.refused', { board: boardId.slice(0, 32), status: 404 });
        return refuse(socket, 404, 'Not Found');
      }
      tokenHash = token ? hashToken(token) : '';
      // Checked again when a link was replaced meanwhile, so a replaced token never gets in.
      for (let seen = -1; seen !== this.replacedLinks; ) {
        seen = this.replacedLinks;
        role = token ? await this.storage.roleForTokenHash(boardId, tokenHash) : undefined;
      }
    } catch (error) {
      this.logger.error('conn.auth_failed', { board: boardId, error });
      return refuse(socket, 503, 'Service Unavailable');
    }
    if (!role) {
      this.logger.info('conn.refused', { board: boardId, status: 401 });
      return refuse(socket, 401, 'Unauthorized');
    }
    const wantsAck = url.searchParams.get(ACK_QUERY_PARAM) === '1';
    const origin = { tokenHash, address: clientAddress(req, this.trustProxy) };
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, boardId, kind, role, wantsAck, req, origin));
  }

  /**
   * Closes at once every connection to a board (either document) opened with one of these
   * token hashes, with `LinkReplaced` (terminal: the client tells the person their link was
   * replaced). Called after the tokens were replaced in storage; upgrades checked meanwhile are
   * checked again. Returns the number of connections closed.
   */
  closeConnectionsOfTokens(boardId: string, hashes: readonly string[]): number {
    this.replacedLinks++;
    const replaced = new Set(hashes);
    let closed = 0;
    for (const conn of this.connections) {
      const hash = this.tokenHashes.get(conn);
      if (conn.boardId !== boardId || !hash || !replaced.has(hash) || conn.closed) continue;
      conn.close(CloseCodes.LinkReplaced);
      closed++;
    }
    if (closed > 0) this.logger.info('conn.link_replaced', { board: boardId, closed });
    return closed;
  }

  private onConnection(
    ws: WebSocket,
    boardId: string,
    kind: DocKind,
    role: Role,
    wantsAck: boolean,
    req: IncomingMessage,
    origin: { tokenHash: string; address: string },
  ): void {
    const conn = new Connection(ws, boardId, role, wantsAck, this.limits, origin);
    this.connections.add(conn);
    this.tokenHashes.set(conn, origin.tokenHash);
    this.logger.info('conn.open', { board: boardId, doc: kind, conn: conn.id, role, remote: req.socket.remoteAddress });
    let room: Room | null = null;
    ws.on('message', (data, isBinary) => {
      if (conn.closed) return;
      if (!conn.takeMessageToken()) return conn.close(CloseCodes.RateLimited);
      if (!isBinary) return conn.close(CloseCodes.MalformedMessage);
      const frame = toUint8Array(data);
      // Voter keys belong to the board's socket and need no document: answered on the side.
      if (frame[0] === MessageType.VoterKey && kind === 'board') return void this.voterKeys.request(conn, frame);
      conn.receive(frame);
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (error) => this.logger.warn('conn.error', { board: boardId, conn: conn.id, error }));
    ws.on('close', (code, reason) => {
      conn.closed = true;
      this.connections.delete(conn);
      room?.leave(conn);
      this.voterKeys.release(conn);
      this.logger.info('conn.close', {
        board: boardId,
        conn: conn.id,
        code,
        reason: reason.toString(),
        ms: Date.now() - conn.openedAt,
        messagesIn: conn.messagesIn,
        messagesOut: conn.messagesOut,
      });
    });
    this.acquire(boardId, kind)
      .then(async (r) => {
        await r.loaded;
        if (conn.closed) return;
        if (r.state !== 'ready') return conn.close(CloseCodes.ServerShuttingDown);
        room = r;
        r.join(conn);
      })
      .catch(() => conn.close(CloseCodes.LoadFailed));
  }

  /** The room of one of a board's documents, loading it if needed; waits out an unload in progress. */
  async acquire(boardId: string, kind: DocKind = 'board'): Promise<Room> {
    const name = kind === 'control' ? controlRoomName(boardId) : boardId;
    for (;;) {
      const rewrite = this.rewriting.get(name);
      if (rewrite) {
        await rewrite.catch(() => {});
        continue;
      }
      const existing = this.rooms.get(name);
      if (!existing) break;
      if (existing.state === 'unloading') {
        await existing.unload();
        continue;
      }
      existing.cancelUnload();
      return existing;
    }
    const room = new Room(boardId, kind, this.storage, this.limits, this.logger, (r) => this.onRoomEmpty(r), this.fanOut);
    this.rooms.set(name, room);
    room.loaded.catch(() => {
      // A failed load caches nothing: the next connection tries again from storage.
      if (this.rooms.get(name) === room) this.rooms.delete(name);
    });
    return room;
  }

  /**
   * The live document of one of a board's documents, when its room has it: loaded, or unloading
   * with its document still whole (its unload hooks have not run yet); otherwise null.
   */
  liveDoc(boardId: string, kind: DocKind = 'board'): Y.Doc | null {
    const room = this.rooms.get(kind === 'control' ? controlRoomName(boardId) : boardId);
    if (room && (room.state === 'ready' || (room.state === 'unloading' && !room.doc.isDestroyed))) return room.doc;
    return null;
  }

  /**
   * Reads one of a board's documents, live or stored: `use` runs on the live document when its
   * room has it (it holds every accepted update), otherwise on a throwaway document decoded from
   * storage (no room is made, so a board nobody has open stays unloaded; a control document never
   * written reads empty). `use` must not keep the document nor write to it.
   */
  async readDoc<T>(boardId: string, kind: DocKind, use: (doc: Y.Doc) => T): Promise<T> {
    const live = this.liveDoc(boardId, kind);
    if (live) return use(live);
    const stored = await this.storage.loadDoc(boardId, kind);
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      });
      return use(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Writes to the live control document of a board, for the server's own writes (vote rounds,
   * broadcasts): the room is acquired (loaded from storage when nobody has it open) and held, so
   * it cannot unload meanwhile; `use` runs synchronously once the room is ready, its writes are
   * forwarded to every connection like any update (origin SERVER_ORIGIN), and the promise
   * resolves after they are stored. A room nobody is connected to unloads after the grace period
   * as usual. Rejects with RoomUnavailableError when the server is shutting down or the
   * document cannot be loaded or stored.
   */
  async editControlDoc<T>(boardId: string, use: (doc: Y.Doc) => T): Promise<T> {
    return this.editDoc(boardId, 'control', use);
  }

  /**
   * Like editControlDoc, for the board document itself (board history restores it): the room
   * is loaded if needed and held until `use` settles, its writes (made with origin
   * SERVER_ORIGIN; the guards let through every write that is not a client's) are forwarded
   * to every connection and stored before the promise resolves. `use` may be async: the room
   * stays held across its awaits, but a server shutdown still unloads it, so after an await
   * check `doc.isDestroyed` before writing.
   */
  async editBoardDoc<T>(boardId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    return this.editDoc(boardId, 'board', use);
  }

  private async editDoc<T>(boardId: string, kind: DocKind, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (this.closing) throw new RoomUnavailableError('the server is shutting down', 'closing');
      const room = await this.acquire(boardId, kind);
      room.hold();
      try {
        try {
          await room.loaded;
        } catch (error) {
          throw new RoomUnavailableError(`the ${kind} document could not be loaded: ${String(error)}`, 'load');
        }
        // Unloaded (shutdown) between the load and now: try again with a fresh room.
        if (room.state !== 'ready') {
          if (attempt < 3) continue;
          throw new RoomUnavailableError(`the ${kind} document is not available`);
        }
        const result = await use(room.doc);
        await room.flush();
        if ((room.state as string) === 'failed') throw new RoomUnavailableError(`the ${kind} document could not be stored`, 'store');
        return result;
      } finally {
        room.release();
      }
    }
  }

  /**
   * For a document whose room cannot load (RoomUnavailableError with reason `load`): replaces
   * what storage holds with the state `rebuild` makes from it, in one compaction (the stored
   * compacted state replaced, the update log up to its last entry removed). Meanwhile no room of that
   * document loads: connections arriving wait, then load the rebuilt state. Refused while the
   * document is loaded (then it can be changed live, through editBoardDoc).
   */
  async rewriteStoredDoc(boardId: string, kind: DocKind, rebuild: (stored: StoredDoc) => Promise<Uint8Array>): Promise<void> {
    const name = kind === 'control' ? controlRoomName(boardId) : boardId;
    if (this.closing) throw new RoomUnavailableError('the server is shutting down', 'closing');
    for (;;) {
      const other = this.rewriting.get(name);
      const existing = this.rooms.get(name);
      if (other) await other.catch(() => {});
      else if (existing?.state === 'unloading') await existing.unload();
      else if (existing?.state === 'loading') await existing.loaded.catch(() => {});
      else if (existing && existing.state !== 'failed') throw new RoomUnavailableError(`the ${kind} document is open`, 'busy');
      else break;
    }
    const work = (async () => {
      const stored = await this.storage.loadDoc(boardId, kind);
      const state = await rebuild(stored);
      await this.storage.compact(boardId, kind, state, stored.lastSeq);
      this.logger.warn('board.rewritten', { board: boardId, doc: kind, replacedUpdates: stored.updates.length, bytes: state.byteLength });
    })();
    this.rewriting.set(name, work);
    try {
      await work;
    } finally {
      this.rewriting.delete(name);
    }
  }

  private onRoomEmpty(room: Room): void {
    if (room.state === 'failed') {
      if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
      return;
    }
    room.scheduleUnload(this.limits.unloadGraceMs, () => void this.unloadRoom(room));
  }

  private async unloadRoom(room: Room, force = false): Promise<void> {
    if ((room.conns.size > 0 || room.holds > 0) && !force) return;
    try {
      await room.unload();
    } catch (error) {
      this.logger.error('board.unload_failed', { board: room.boardId, doc: room.kind, error });
    } finally {
      if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    }
  }

  private pingAll(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        this.logger.info('conn.ping_timeout', { board: conn.boardId, conn: conn.id });
        conn.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  /** Closes every connection (clients will reconnect), flushes and unloads every room. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    // Every room is flushed and unloaded, connected or not; Room.unload closes its connections
    // with a transient code so clients reconnect to the next server.
    await Promise.all([...this.rooms.values()].map((r) => this.unloadRoom(r, true)));
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
