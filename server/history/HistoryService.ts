import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { TLRecord } from '@tldraw/tlschema';
import { readRecords } from '../../shared/doc/boardDoc';
import { DOC_RECORDS, DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../shared/doc/docLayout';
import type { SnapshotInfo, SnapshotKind } from '../../shared/api/history';
import { boardSchema } from '../../exercises/registry';
import { HttpError } from '../http/HttpError';
import type { Logger } from '../runtime/log';
import { RoomUnavailableError, type Relay } from '../sync/Relay';
import { SERVER_ORIGIN, type Room, type RoomExtension } from '../sync/Room';
import type { BoardRow, Storage, StoredDoc } from '../storage/Storage';
import { docContent, jsonEqual, restoreDocContent } from './restore';
import { snapshotStore } from './snapshotStore';

export const DEFAULT_AUTO_SNAPSHOT_AFTER_MS = 30 * 60_000;

export interface HistoryOptions {
  /**
   * A board room that unloads after people wrote to it for at least this long (from its first
   * client write since it loaded) leaves an automatic snapshot (AUTO_SNAPSHOT_AFTER_MINUTES).
   */
  autoSnapshotAfterMs?: number;
  now?: () => number;
}

export interface RestoreResult {
  restored: SnapshotInfo;
  preRestore: SnapshotInfo;
}

/** Snapshot ids: 96 random bits, base64url (16 characters). */
export function newSnapshotId(): string {
  return randomBytes(12).toString('base64url');
}

/** "2026-11-25 14:05 UTC" */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** tldraw's `user` records say who people are (attribution), not what the board holds: a restore keeps them. */
const isUserRecord = (_id: string, value: unknown) => (value as { typeName?: unknown } | null)?.typeName === 'user';

/**
 * Board history on the server: named snapshots of a board's document, listed and served from
 * storage, taken from the live room when the board is open, and restored into the live room as
 * new changes (server/history/restore.ts) through `Relay.editBoardDoc`, so connected people see
 * the board change at once. Also takes the automatic snapshot when a working session ends
 * (a `beforeUnload` room hook).
 *
 * Saving and restoring are chained per board, so two restores (or a save during a restore)
 * never interleave.
 */
export class HistoryService {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly autoAfterMs: number;
  private readonly now: () => number;
  /** The automatic snapshot when a working session ends; the composition root hands it to the relay (Server.ts). */
  readonly roomExtension: RoomExtension = { beforeUnload: (room) => this.roomUnloading(room) };

  constructor(
    private readonly relay: Relay,
    private readonly storage: Storage,
    private readonly logger: Logger,
    options: HistoryOptions = {},
  ) {
    this.autoAfterMs = options.autoSnapshotAfterMs ?? DEFAULT_AUTO_SNAPSHOT_AFTER_MS;
    this.now = options.now ?? Date.now;
  }

  private serialize<T>(boardId: string, run: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(boardId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => {});
    this.chains.set(boardId, tail);
    void tail.then(() => {
      if (this.chains.get(boardId) === tail) this.chains.delete(boardId);
    });
    return next;
  }

  private info(kind: SnapshotKind, name: string, by: string | null | undefined): SnapshotInfo {
    return { id: newSnapshotId(), name, kind, createdAt: new Date(this.now()).toISOString(), createdBy: by?.trim() ? by.trim() : null };
  }

  list(board: BoardRow): Promise<SnapshotInfo[]> {
    return this.storage.feature(snapshotStore).list(board.id);
  }

  /** A snapshot's metadata; 404 when the board has no such snapshot. */
  async get(board: BoardRow, snapshotId: string): Promise<SnapshotInfo> {
    const info = await this.storage.feature(snapshotStore).get(board.id, snapshotId);
    if (!info) throw notFound();
    return info;
  }

  /** A snapshot's state (a Yjs update of the whole board document); 404 when unknown. */
  async state(board: BoardRow, snapshotId: string): Promise<Uint8Array> {
    const state = await this.storage.feature(snapshotStore).state(board.id, snapshotId);
    if (!state) throw notFound();
    return state;
  }

  /** Saves the board's current state: the live room's (after its pending writes) when open, else storage's. */
  create(board: BoardRow, input: { name: string; by?: string | null }, kind: SnapshotKind = 'manual'): Promise<SnapshotInfo> {
    return this.serialize(board.id, async () => {
      const state = await this.currentState(board.id);
      const info = this.info(kind, input.name, input.by);
      await this.addSnapshot(board.id, info, state);
      this.logger.info('history.snapshot', { board: board.id, snapshot: info.id, kind, bytes: state.byteLength });
      return info;
    });
  }

  /**
   * Restores a snapshot into the live board: first stores a `pre-restore` snapshot of the state
   * just before, then writes the snapshot's content as new changes in one transaction (origin
   * SERVER_ORIGIN), so every connected client converges and nothing of the history is lost.
   */
  async restore(board: BoardRow, snapshotId: string, by?: string | null): Promise<RestoreResult> {
    const restored = await this.get(board, snapshotId);
    const source = new Y.Doc();
    try {
      Y.applyUpdate(source, await this.state(board, snapshotId));
      return await this.serialize(board.id, async () => {
        try {
          return await this.relay.editBoardDoc(board.id, async (doc) => {
            alignSnapshotSchema(source);
            const preRestore = await this.storePreRestore(board.id, doc, restored, by);
            if (doc.isDestroyed) throw new RoomUnavailableError('the board was unloaded during the restore');
            const summary = restoreDocContent(doc, source, SERVER_ORIGIN, { keepRecord: isUserRecord });
            this.logger.info('history.restore', { board: board.id, snapshot: restored.id, preRestore: preRestore.id, ...summary, skipped: summary.skipped.length });
            return { restored, preRestore };
          });
        } catch (error) {
          if (!(error instanceof RoomUnavailableError) || error.reason !== 'load') throw error;
          return this.restoreUnopenable(board, restored, source, by);
        }
      });
    } finally {
      source.destroy();
    }
  }

  /**
   * The restore of a board whose document cannot be loaded (a damaged stored state): what can
   * still be read of it (salvageStoredDoc) is kept as the pre-restore snapshot, the snapshot's
   * content is written over it as new changes, and the result replaces the stored document
   * (Relay.rewriteStoredDoc), so the board opens again.
   */
  private async restoreUnopenable(board: BoardRow, restored: SnapshotInfo, source: Y.Doc, by: string | null | undefined): Promise<RestoreResult> {
    alignSnapshotSchema(source);
    let preRestore: SnapshotInfo | null = null;
    await this.relay.rewriteStoredDoc(board.id, 'board', async (stored) => {
      const doc = new Y.Doc();
      try {
        const unreadable = salvageStoredDoc(doc, stored);
        preRestore = this.info('pre-restore', `Before restoring “${restored.name}”`, by);
        await this.addSnapshot(board.id, preRestore, Y.encodeStateAsUpdate(doc));
        const summary = restoreDocContent(doc, source, SERVER_ORIGIN, { keepRecord: isUserRecord });
        this.logger.warn('history.restore', { board: board.id, snapshot: restored.id, preRestore: preRestore.id, unopenable: true, unreadable, ...summary, skipped: summary.skipped.length });
        return Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    });
    return { restored, preRestore: preRestore! };
  }

  /**
   * Stores the live document's state as a pre-restore snapshot. Should a client write while it
   * is being stored (possible with an asynchronous backend), the newer state replaces it, so the
   * snapshot is exactly the state the restore then changes (checked synchronously just before
   * the restore is written).
   */
  private async storePreRestore(boardId: string, doc: Y.Doc, restored: SnapshotInfo, by: string | null | undefined): Promise<SnapshotInfo> {
    for (let attempt = 0; ; attempt++) {
      const seen = Y.snapshot(doc);
      const info = this.info('pre-restore', `Before restoring “${restored.name}”`, by);
      await this.addSnapshot(boardId, info, Y.encodeStateAsUpdate(doc));
      if (doc.isDestroyed || Y.equalSnapshots(seen, Y.snapshot(doc))) return info;
      await this.storage.feature(snapshotStore).delete(boardId, info.id);
      if (attempt >= 4) throw new HttpError(409, 'board_busy', 'The board is changing too fast to restore right now; try again.');
    }
  }

  private async addSnapshot(boardId: string, info: SnapshotInfo, state: Uint8Array): Promise<void> {
    const pruned = await this.storage.feature(snapshotStore).add(boardId, info, state);
    if (pruned.length > 0) this.logger.info('history.pruned', { board: boardId, snapshots: pruned.length });
  }

  private async currentState(boardId: string): Promise<Uint8Array> {
    const room = this.relay.rooms.get(boardId);
    if (room?.kind === 'board' && room.state === 'ready') {
      room.hold();
      try {
        await room.flush();
        if (room.state === 'ready' && !room.doc.isDestroyed) return Y.encodeStateAsUpdate(room.doc);
      } finally {
        room.release();
      }
    }
    return this.relay.readDoc(boardId, 'board', (doc) => Y.encodeStateAsUpdate(doc));
  }

  /**
   * True when a board state holds the same content as the board's newest snapshot, not counting
   * tldraw's per-person `user` records (opening a board with an editing link writes one): a
   * session in which nobody changed anything leaves no automatic snapshot.
   */
  private async sameAsLatest(boardId: string, state: Uint8Array): Promise<boolean> {
    const [latest] = await this.storage.feature(snapshotStore).list(boardId);
    const latestState = latest ? await this.storage.feature(snapshotStore).state(boardId, latest.id) : undefined;
    if (!latestState) return false;
    const contentOf = (update: Uint8Array) => {
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, update);
        const content = docContent(doc) as { records: Record<string, { typeName?: string }> };
        content.records = Object.fromEntries(Object.entries(content.records).filter(([, r]) => r?.typeName !== 'user'));
        return content;
      } finally {
        doc.destroy();
      }
    };
    return jsonEqual(contentOf(state), contentOf(latestState));
  }

  /**
   * The `beforeUnload` hook: a board room whose people wrote to it for at least the threshold
   * (from the first client write since it loaded to now) leaves an automatic snapshot, unless
   * its content equals the newest snapshot's (see sameAsLatest). Runs
   * after the room's last flush, while its document is still readable. Never throws.
   */
  private async roomUnloading(room: Room): Promise<void> {
    if (room.kind !== 'board') return;
    const { firstWriteAt, clientWrites } = room.activity;
    const now = this.now();
    if (clientWrites === 0 || firstWriteAt === null || now - firstWriteAt < this.autoAfterMs) return;
    try {
      const state = Y.encodeStateAsUpdate(room.doc);
      if (await this.sameAsLatest(room.boardId, state)) return;
      const info = this.info('auto', `Session ended ${utcMinute(now)}`, null);
      await this.addSnapshot(room.boardId, info, state);
      this.logger.info('history.snapshot', { board: room.boardId, snapshot: info.id, kind: 'auto', bytes: state.byteLength, writes: clientWrites });
    } catch (error) {
      this.logger.error('history.auto_snapshot_failed', { board: room.boardId, error });
    }
  }
}

/**
 * Applies what storage holds of a document to `doc`, skipping the parts Yjs cannot read (a
 * damaged snapshot, a damaged update); returns how many were skipped.
 */
export function salvageStoredDoc(doc: Y.Doc, stored: StoredDoc): number {
  let unreadable = 0;
  for (const part of stored.compacted ? [stored.compacted, ...stored.updates] : stored.updates) {
    try {
      Y.applyUpdate(doc, part);
    } catch {
      unreadable++;
    }
  }
  return unreadable;
}

function notFound(): HttpError {
  return new HttpError(404, 'snapshot_not_found', 'This board has no such snapshot.');
}

/**
 * Brings a snapshot's records to the live document's schema when the two differ (the snapshot
 * was saved before the app was updated): the records are migrated to the server's schema and the
 * snapshot's schema replaced, so the restored board never mixes records of two versions. A
 * snapshot that cannot be migrated is refused (409) before anything is written.
 */
export function alignSnapshotSchema(source: Y.Doc): boolean {
  const schema = boardSchema();
  const have = source.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
  // The server's schema, not the live document's: that one may be older (nobody opened the
  // board since the app was updated) or junk a client once wrote; the restore replaces it.
  const want = schema.serialize();
  if (!have || jsonEqual(have, want)) return false;
  const raw: Record<string, TLRecord> = {};
  for (const [id, record] of readRecords(source)) raw[id] = record;
  const migrated = schema.migrateStoreSnapshot({ store: raw, schema: have as never });
  if (migrated.type !== 'success') {
    throw new HttpError(409, 'snapshot_incompatible', `This snapshot cannot be brought to this version of the app (${migrated.reason}).`);
  }
  const records = source.getArray<{ key: string; val: unknown }>(DOC_RECORDS);
  source.transact(() => {
    records.delete(0, records.length);
    records.push(Object.entries(migrated.value as Record<string, unknown>).map(([key, val]) => ({ key, val })));
    source.getMap<unknown>(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, schema.serialize());
  });
  return true;
}
