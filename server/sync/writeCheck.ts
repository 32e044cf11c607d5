import type * as Y from 'yjs';
import { CloseCodes } from '../../shared/closeCodes';
import type { DocKind } from '../../shared/roles';
import type { Connection } from './Connection';
import { boardWriteProblem, controlWriteProblem } from './documentLayout';
import { SILENT_OWNER_MS } from './PresenceGate';
import { describeUpdate, UpdateIncomplete, UpdateRefused, type UpdateStructure } from './updateStructure';

export type WriteVerdict =
  | { ok: true; structure: UpdateStructure }
  | { ok: false; problem: string; close: (typeof CloseCodes)[keyof typeof CloseCodes] };

/**
 * The check of a client's write before the room accepts it: it must fit the document layout
 * (documentLayout.ts), and it may only extend the content of Yjs client ids that no other open
 * connection is writing, so nobody can take another person's client id (and with it the clocks
 * their next edits would use). A write that passes claims its client ids for its connection.
 */
export class WriteCheck {
  /** Yjs client ids whose content an open connection is writing. */
  private readonly writerIds = new Map<number, Connection>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly kind: DocKind,
  ) {}

  /** The verdict on `update` from `conn` against the document as it is. Throws for bytes that are not an update. */
  check(conn: Connection, update: Uint8Array): WriteVerdict {
    let structure: UpdateStructure;
    try {
      structure = describeUpdate(this.doc, update);
    } catch (error) {
      // Builds on content this document lacks: a new sync brings both (transient, see OutOfStep).
      if (error instanceof UpdateIncomplete) return { ok: false, problem: error.message, close: CloseCodes.OutOfStep };
      if (error instanceof UpdateRefused) return { ok: false, problem: error.message, close: CloseCodes.ChangeRefused };
      throw error;
    }
    const now = Date.now();
    for (const id of structure.writers) {
      const writer = this.writerIds.get(id);
      // A writer silent for long has probably lost its socket without the server noticing yet
      // (a browser reconnecting after sleep): its successor may go on. Transient: retried later.
      if (writer && writer !== conn && !writer.closed && now - writer.lastMessageAt < SILENT_OWNER_MS) {
        return { ok: false, problem: 'it writes as another connected person', close: CloseCodes.ClientIdInUse };
      }
    }
    const problem = this.kind === 'board' ? boardWriteProblem(this.doc, structure) : controlWriteProblem(this.doc, structure);
    if (problem) return { ok: false, problem, close: CloseCodes.ChangeRefused };
    for (const id of structure.writers) this.writerIds.set(id, conn);
    return { ok: true, structure };
  }

  /** The connection has left: its client ids are free. */
  release(conn: Connection): void {
    for (const [id, writer] of this.writerIds) if (writer === conn) this.writerIds.delete(id);
  }
}

/** True when a write that passed the check changes nothing (no new content, no deletions). */
export function changesNothing(structure: UpdateStructure): boolean {
  return structure.writers.size === 0 && structure.deletes.size === 0;
}
