import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import type { SerializedSchema } from '@tldraw/store';
import { TLDOCUMENT_ID } from '@tldraw/tlschema';
import { DEFAULT_PAGE_ID, recordsOf } from '../../shared/doc/boardDoc';
import { DOC_RECORDS, DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../shared/doc/docLayout';
import { isSerializedSchema } from '../../shared/doc/schemaRelation';
import { hasRole } from '../../shared/roles';
import { boardSchema } from '../../exercises/registry';
import { type ClientWriter, isClientWrite } from './clientWrite';
import type { Logger } from '../runtime/log';
import { Connection } from './Connection';
import * as msg from './messages';
import type { Room, RoomExtension } from './Room';
import type { UpdateStructure } from './updateStructure';

interface Change {
  action: 'add' | 'update' | 'delete';
  oldValue?: unknown;
  newValue?: unknown;
}

/** The origin of a client write (a connection); writes of any other origin are trusted. */
type Writer = ClientWriter;

export const LOCK_GUARD_ORIGIN = 'lock-guard';

/** Records every board needs: the tldraw document and its one page. Nobody but the server removes them. */
export const PERMANENT_RECORDS: readonly string[] = [TLDOCUMENT_ID, DEFAULT_PAGE_ID];

const isLocked = (record: unknown): boolean => (record as { isLocked?: unknown } | undefined)?.isLocked === true;
const typeNameOf = (record: unknown) => (record as { typeName?: unknown } | undefined)?.typeName;
const parentIdOf = (record: unknown) => (record as { parentId?: unknown } | undefined)?.parentId;

export type RefusalKind = 'locked' | 'permanent' | 'page';

/**
 * Keeps what participants may not change unchanged, by undoing it at once:
 *  - a locked record (`isLocked`: template zones are seeded locked) is locked in every
 *    property: only a facilitator may change, move, delete, lock or unlock it. A participant who
 *    creates or edits a record with `isLocked` set gets it unlocked. The one change allowed is
 *    a schema upgrade: a client that migrates the board to the current schema rewrites every
 *    record, locked ones included, in the same write as `schema.tldraw`; a locked record whose
 *    new value is exactly its migration is kept.
 *  - the tldraw document record and the board's page (PERMANENT_RECORDS) are never deleted.
 *  - a board has one page: a page anyone adds is removed, and records that the same write put
 *    on it are put back (or removed when they are new); a shape put straight onto any other
 *    page (one that does not exist, say) is put back or removed too.
 *
 * Why undo rather than refuse: an update is applied before its effect on records is known (one
 * update can touch many records); the corrective write follows it in the same tick and is
 * forwarded with it, so every client converges. Writes whose origin is not a connection (the
 * server's, a restore, the guards') are trusted. Facilitators may do all of it except remove
 * the permanent records or add pages.
 */
/** A shape whose parent is a page other than the board's one. */
function onStrayPage(record: unknown): boolean {
  const parentId = parentIdOf(record);
  return typeNameOf(record) === 'shape' && typeof parentId === 'string' && parentId.startsWith('page:') && parentId !== DEFAULT_PAGE_ID;
}

export class LockGuard {
  private readonly records;
  /** `schema.tldraw` as it was after the last transaction (the upgrade check compares against it). */
  private schemaBefore: unknown;
  private readonly pending: { writer: Writer; restore: Map<string, unknown>; remove: Set<string>; unlock: [string, unknown][]; kinds: Set<RefusalKind> }[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly onRefused: (writer: Writer, recordIds: string[], kinds: Set<RefusalKind>) => void,
  ) {
    this.records = recordsOf(doc);
    const schemaMap = doc.getMap<unknown>(DOC_SCHEMA);
    this.schemaBefore = schemaMap.get(DOC_SCHEMA_TLDRAW_KEY);
    this.records.on('change', (changes: Map<string, Change>, tr: Y.Transaction) => this.check(changes, tr));
    // After the observers (and so after check): the next transaction compares with this one's result.
    doc.on('afterTransaction', () => {
      this.schemaBefore = schemaMap.get(DOC_SCHEMA_TLDRAW_KEY);
    });
    doc.on('afterAllTransactions', () => this.flush());
  }

  /**
   * Whether `write` (checked, not yet applied) could be undone here: it puts a record in place
   * of, or deletes, a locked or permanent one, or adds a locked record, a page or a shape on
   * another page. Errs towards yes; a yes only means the write is applied at once.
   */
  mayCorrect(write: UpdateStructure): boolean {
    const guarded = (key: unknown) => typeof key === 'string' && (PERMANENT_RECORDS.includes(key) || isLocked(this.records.get(key)));
    for (const ins of write.insertions) {
      if (ins.place.root !== DOC_RECORDS) continue;
      for (const entry of ins.content.getContent() as { key?: unknown; val?: unknown }[]) {
        const val = entry?.val;
        if (guarded(entry?.key) || isLocked(val) || typeNameOf(val) === 'page' || onStrayPage(val)) return true;
      }
    }
    const array = this.doc.getArray(DOC_RECORDS);
    for (const [client, ranges] of write.deletes) {
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      for (const { clock, len } of ranges) {
        if (clock >= Y.getState(this.doc.store, client)) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
          const item = structs[i];
          if (!(item instanceof Y.Item) || item.deleted || item.parent !== array) continue;
          for (const entry of item.content.getContent() as { key?: unknown }[]) if (guarded(entry?.key)) return true;
        }
      }
    }
    return false;
  }

  private check(changes: Map<string, Change>, tr: Y.Transaction): void {
    const writer = tr.origin;
    if (!isClientWrite(writer)) return;
    const facilitator = hasRole(writer.role, 'facilitator');
    const upgradeFrom = this.upgradeFrom();
    const restore = new Map<string, unknown>();
    const remove = new Set<string>();
    const unlock: [string, unknown][] = [];
    const kinds = new Set<RefusalKind>();
    const refusedPages = new Set<string>();
    for (const [key, change] of changes) {
      if (change.action === 'delete' && PERMANENT_RECORDS.includes(key)) {
        restore.set(key, change.oldValue);
        kinds.add('permanent');
      } else if (change.action === 'add' && typeNameOf(change.newValue) === 'page' && key !== DEFAULT_PAGE_ID) {
        remove.add(key);
        refusedPages.add(key);
        kinds.add('page');
      } else if (change.action !== 'delete' && onStrayPage(change.newValue)) {
        // A shape put straight onto a page that is not the board's would vanish from the board.
        if (change.action === 'add') remove.add(key);
        else restore.set(key, change.oldValue);
        kinds.add('page');
      } else if (!facilitator && isLocked(change.oldValue)) {
        if (change.action === 'delete' || !isDeepStrictEqual(change.oldValue, change.newValue)) {
          const migrated = upgradeFrom ? migrate(change.oldValue, upgradeFrom) : null;
          if (migrated !== null && change.action === 'update' && isDeepStrictEqual(migrated, change.newValue)) continue;
          restore.set(key, migrated ?? change.oldValue);
          kinds.add('locked');
        }
      } else if (!facilitator && change.action !== 'delete' && isLocked(change.newValue)) {
        unlock.push([key, change.newValue]);
        kinds.add('locked');
      }
    }
    // Records the same write put on a refused page go back to where they were.
    if (refusedPages.size > 0) {
      for (const [key, change] of changes) {
        if (change.action === 'delete' || !refusedPages.has(parentIdOf(change.newValue) as string)) continue;
        if (change.action === 'add') remove.add(key);
        else restore.set(key, change.oldValue);
      }
    }
    if (restore.size === 0 && remove.size === 0 && unlock.length === 0) return;
    this.pending.push({ writer, restore, remove, unlock, kinds });
  }

  /**
   * Writes the undoing once every transaction of this write is cleaned up. Written from inside
   * the observer instead, Yjs could merge the restored entry into an earlier item of the server
   * (while cleaning up another transaction) before the observer of the restore ran, so the
   * records view never saw it come back and a later delete of it went unnoticed.
   */
  private flush(): void {
    for (const { writer, restore, remove, unlock, kinds } of this.pending.splice(0)) {
      this.doc.transact(() => {
        for (const [key, value] of restore) this.records.set(key, value as never);
        for (const key of remove) if (this.records.has(key)) this.records.delete(key);
        for (const [key, value] of unlock) this.records.set(key, { ...(value as object), isLocked: false } as never);
      }, LOCK_GUARD_ORIGIN);
      this.onRefused(writer, [...restore.keys(), ...remove, ...unlock.map(([key]) => key)], kinds);
    }
  }

  /**
   * The schema the board had before this transaction when this transaction upgrades it to the
   * current board schema (a client migrating the board), else null.
   */
  private upgradeFrom(): SerializedSchema | null {
    const now = this.doc.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
    const before = this.schemaBefore;
    if (now === before || !isSerializedSchema(before) || !isDeepStrictEqual(now, boardSchema().serialize())) return null;
    return before;
  }
}

/** A record migrated from an older schema to the board schema, or null when it cannot be. */
function migrate(record: unknown, from: SerializedSchema): unknown {
  const result = boardSchema().migratePersistedRecord(record as never, from, 'up');
  return result.type === 'success' ? result.value : null;
}

/** What a participant is told when the LockGuard undid their change. */
const LOCK_REFUSALS: Record<RefusalKind, string> = {
  locked: 'Locked: only the facilitator can change, move, delete, lock or unlock it.',
  permanent: "The board's page and document cannot be removed.",
  page: 'A board has one page: new pages are not kept.',
};

/** The lock guard of every board room: a refused change is undone and its writer told why. */
export function lockGuardExtension(logger: Logger): RoomExtension {
  const guards = new WeakMap<Room, LockGuard>();
  return {
    mayCorrect: (room, write) => guards.get(room)?.mayCorrect(write) ?? false,
    onLoad(room) {
      if (room.kind !== 'board') return;
      const guard = new LockGuard(room.doc, (writer, recordIds, kinds) => {
        if (!(writer instanceof Connection)) return;
        logger.info('board.lock_refused', { board: room.boardId, conn: writer.id, records: recordIds.length, kinds: [...kinds] });
        for (const kind of kinds) writer.send(msg.permissionDenied(LOCK_REFUSALS[kind]));
      });
      guards.set(room, guard);
    },
  };
}
