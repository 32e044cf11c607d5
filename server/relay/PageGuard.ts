import type * as Y from 'yjs';
import { DEFAULT_PAGE_ID, recordsOf } from '../../shared/boardDoc';

interface Change {
  action: 'add' | 'update' | 'delete';
  oldValue?: unknown;
  newValue?: unknown;
}

export const PAGE_GUARD_ORIGIN = 'page-guard';

type PageChild = { typeName?: unknown; parentId?: unknown };

const isPage = (record: unknown): boolean => (record as PageChild | undefined)?.typeName === 'page';

/** A shape put straight onto a page other than the board's one. */
const onStrayPage = (record: unknown): boolean => {
  const r = record as PageChild | undefined;
  return r?.typeName === 'shape' && typeof r.parentId === 'string' && r.parentId.startsWith('page:') && r.parentId !== DEFAULT_PAGE_ID;
};

/**
 * A board has exactly one page (`page:page`): every zone, step, vote and result is on it, so a
 * second page would be a place where the board looks empty and nothing counts. The client hides
 * tldraw's page menu; this guard undoes any connection's write (whatever its role) that adds
 * another page, deletes the board's page, or puts a shape on another page: the added records are
 * removed, the changed or deleted ones restored, in a corrective write that reaches everyone.
 * Writes from the server itself (seeding, restoring a version) are trusted.
 */
export class PageGuard {
  private readonly records;

  constructor(
    private readonly doc: Y.Doc,
    private readonly onRefused: (writer: object, recordIds: string[]) => void,
  ) {
    this.records = recordsOf(doc);
    this.records.on('change', (changes: Map<string, Change>, tr: Y.Transaction) => this.check(changes, tr));
  }

  private check(changes: Map<string, Change>, tr: Y.Transaction): void {
    const writer = tr.origin as { role?: unknown } | null;
    if (!writer || typeof writer !== 'object' || !('role' in writer)) return;
    const remove: string[] = [];
    const restore: [string, unknown][] = [];
    for (const [key, change] of changes) {
      const refused =
        change.action === 'delete'
          ? key === DEFAULT_PAGE_ID
          : (isPage(change.newValue) && key !== DEFAULT_PAGE_ID) || onStrayPage(change.newValue);
      if (!refused) continue;
      if (change.action === 'add') remove.push(key);
      else restore.push([key, change.oldValue]);
    }
    if (remove.length === 0 && restore.length === 0) return;
    this.doc.transact(() => {
      for (const key of remove) this.records.delete(key);
      for (const [key, value] of restore) this.records.set(key, value as never);
    }, PAGE_GUARD_ORIGIN);
    this.onRefused(writer, [...remove, ...restore.map(([key]) => key)]);
  }
}
