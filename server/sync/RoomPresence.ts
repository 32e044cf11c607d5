import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../runtime/log';
import type { Connection } from './Connection';
import * as msg from './messages';
import { PresenceGate } from './PresenceGate';
import type { RelayLimits } from './relayLimits';
import type { PresenceChange } from './roomExtension';

/**
 * A room's presence (Yjs awareness): what each connection may say (PresenceGate.ts), the
 * answers to presence queries, and every change sent to all of the room's connections.
 */
export class RoomPresence {
  private readonly gate: PresenceGate;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly conns: ReadonlySet<Connection>,
    private readonly limits: RelayLimits,
    private readonly logger: Logger,
    private readonly boardId: string,
    /** Called after each change has been sent. */
    private readonly onChange: (change: PresenceChange, origin: unknown) => void,
  ) {
    this.gate = new PresenceGate(limits);
  }

  /** From now on (the document has loaded), every change goes to the room's connections. */
  listen(): void {
    this.awareness.on('update', (change: PresenceChange, origin: unknown) => this.changed(change, origin));
  }

  /** Everyone's presence, for a joining connection (null: nobody is there). */
  initialFrame(): Uint8Array | null {
    const states = [...this.awareness.getStates().keys()];
    return states.length > 0 ? msg.awarenessFrame(this.awareness, states) : null;
  }

  /** An awareness update from `conn`: what it may say is applied. Throws on malformed input. */
  receive(conn: Connection, update: Uint8Array): void {
    const admitted = this.gate.admit(conn, update);
    const { dropped } = admitted;
    if (dropped.foreign + dropped.tooMany + dropped.tooLarge > 0) {
      this.logger.warn('presence.dropped', { board: this.boardId, conn: conn.id, ...dropped });
    }
    if (admitted.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted.update, conn);
  }

  /** Answers a query-awareness at most once per interval per connection; queries in between get one later answer. */
  answerQuery(conn: Connection): void {
    const answer = () => {
      conn.lastQueryAnswerAt = Date.now();
      conn.send(msg.awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]));
    };
    const wait = conn.lastQueryAnswerAt + this.limits.presenceQueryIntervalMs - Date.now();
    if (wait <= 0) {
      answer();
      return;
    }
    if (conn.queryTimer) return;
    conn.queryTimer = setTimeout(() => {
      conn.queryTimer = null;
      if (!conn.closed && this.conns.has(conn)) answer();
    }, wait);
    conn.queryTimer.unref?.();
  }

  /** `conn` has left: its presence states are removed and its ids are free. */
  leave(conn: Connection): void {
    const owned = [...conn.awarenessClients];
    this.gate.release(conn);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
  }

  private changed(change: PresenceChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    for (const id of change.removed) this.gate.removed(id);
    const frame = msg.awarenessFrame(this.awareness, changed);
    for (const conn of this.conns) conn.send(frame);
    this.onChange(change, origin);
  }
}
