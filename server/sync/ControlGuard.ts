import type * as Y from 'yjs';
import { CONTROL_MAP, CONTROL_VOTES, ControlKey } from '../../shared/doc/control';
import { isClientWrite } from './clientWrite';
import type { Logger } from '../runtime/log';
import { Connection } from './Connection';
import * as msg from './messages';
import type { RoomExtension } from './Room';

export const CONTROL_GUARD_ORIGIN = 'control-guard';


/**
 * Keeps the server's own parts of a control document (shared/doc/control.ts) the server's: the
 * `votes` map and the `vote` key of the `control` map are written only through the votes API.
 * A client write touching them (only facilitators can write a control document at all) is undone
 * at once by a corrective write, like LockGuard does for locked records: an update cannot be
 * partially refused, and the correction follows it in the same tick, so every client converges.
 */
export class ControlGuard {
  constructor(
    private readonly doc: Y.Doc,
    private readonly onRefused: (writer: unknown, keys: string[]) => void,
  ) {
    doc.getMap(CONTROL_VOTES).observe((event) => this.check(event, () => true));
    doc.getMap(CONTROL_MAP).observe((event) => this.check(event, (key) => key === ControlKey.Vote));
  }

  private check(event: Y.YMapEvent<unknown>, guarded: (key: string) => boolean): void {
    const writer = event.transaction.origin;
    if (!isClientWrite(writer)) return;
    const undo: [string, { action: string; oldValue: unknown }][] = [];
    for (const [key, change] of event.changes.keys) if (guarded(key)) undo.push([key, change]);
    if (undo.length === 0) return;
    const map = event.target as Y.Map<unknown>;
    this.doc.transact(() => {
      for (const [key, change] of undo) {
        if (change.action === 'add') map.delete(key);
        else map.set(key, change.oldValue);
      }
    }, CONTROL_GUARD_ORIGIN);
    this.onRefused(writer, undo.map(([key]) => key));
  }
}

/** The control guard of every control room: the vote keys stay the server's. */
export function controlGuardExtension(logger: Logger): RoomExtension {
  return {
    // Only facilitators write the control document, seldom: every write is applied at once.
    mayCorrect: (room) => room.kind === 'control',
    onLoad(room) {
      if (room.kind !== 'control') return;
      new ControlGuard(room.doc, (writer, keys) => {
        if (!(writer instanceof Connection)) return;
        logger.info('control.write_refused', { board: room.boardId, conn: writer.id, keys });
        writer.send(msg.permissionDenied('Votes are changed through the server only.'));
      });
    },
  };
}
