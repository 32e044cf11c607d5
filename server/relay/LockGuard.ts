import type * as Y from 'yjs';
import { recordsOf } from '../../shared/boardDoc';
import { hasRole, type Role } from '../../shared/roles';

interface Change {
  action: 'add' | 'update' | 'delete';
  oldValue?: unknown;
  newValue?: unknown;
}

/** The origin of a write: anything with a role (a connection) is checked; others are trusted. */
interface Writer {
  role: Role;
}

export const LOCK_GUARD_ORIGIN = 'lock-guard';

const isLocked = (record: unknown): boolean => (record as { isLocked?: unknown } | undefined)?.isLocked === true;

type Placed = { x?: unknown; y?: unknown; rotation?: unknown; parentId?: unknown; isLocked?: unknown; props?: { w?: unknown; h?: unknown } };

/**
 * Whether a write moves, resizes, re-parents or unlocks a record. Other changes to a locked
 * record (a schema migration rewriting its props, say) are not what a lock is about.
 */
function movesOrUnlocks(before: unknown, after: unknown): boolean {
  const a = before as Placed;
  const b = after as Placed;
  return (
    a.x !== b.x ||
    a.y !== b.y ||
    a.rotation !== b.rotation ||
    a.parentId !== b.parentId ||
    a.isLocked !== b.isLocked ||
    a.props?.w !== b.props?.w ||
    a.props?.h !== b.props?.h
  );
}

/**
 * Keeps locked records locked: only a facilitator may move, resize, delete, lock or unlock a
 * record whose `isLocked` is set (template zones are seeded locked). A participant's write that
 * does is undone at once by a corrective write (the participant is told); a participant who
 * creates or edits a record with `isLocked` set gets it unlocked.
 *
 * Why undo rather than refuse: an update is applied before its effect on records is known (one
 * update can touch many records); the corrective write follows it in the same tick, so every
 * client converges on the locked state.
 */
export class LockGuard {
  private readonly records;

  constructor(
    private readonly doc: Y.Doc,
    private readonly onRefused: (writer: Writer, recordIds: string[]) => void,
  ) {
    this.records = recordsOf(doc);
    this.records.on('change', (changes: Map<string, Change>, tr: Y.Transaction) => this.check(changes, tr));
  }

  private check(changes: Map<string, Change>, tr: Y.Transaction): void {
    const writer = tr.origin as Writer | null;
    if (!writer || typeof writer !== 'object' || !('role' in writer) || hasRole(writer.role, 'facilitator')) return;
    const restore: [string, unknown][] = [];
    const unlock: [string, unknown][] = [];
    for (const [key, change] of changes) {
      if (isLocked(change.oldValue)) {
        if (change.action === 'delete' || movesOrUnlocks(change.oldValue, change.newValue)) restore.push([key, change.oldValue]);
      }
      else if (change.action !== 'delete' && isLocked(change.newValue)) unlock.push([key, change.newValue]);
    }
    if (restore.length === 0 && unlock.length === 0) return;
    this.doc.transact(() => {
      for (const [key, value] of restore) this.records.set(key, value as never);
      for (const [key, value] of unlock) this.records.set(key, { ...(value as object), isLocked: false } as never);
    }, LOCK_GUARD_ORIGIN);
    this.onRefused(writer, [...restore, ...unlock].map(([key]) => key));
  }
}
