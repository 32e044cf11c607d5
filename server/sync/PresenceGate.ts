import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RelayLimits } from './relayLimits';
import { withRole } from './awarenessRoles';
import type { Connection } from './Connection';

/** A connection that has sent nothing for this long has probably gone; its presence ids may be taken over. */
export const SILENT_OWNER_MS = 45_000;

export interface Admitted {
  /** The update to apply (entries kept, roles corrected), or null when nothing is left. */
  update: Uint8Array | null;
  /** Entries dropped, by reason. */
  dropped: { foreign: number; tooMany: number; tooLarge: number };
}

/**
 * Who may say what in a room's presence (Yjs awareness).
 *
 * An awareness update is a list of (client id, clock, state as JSON) entries, and y-protocols
 * applies any entry with a newer clock, whoever sent it. In a relay that means any connection
 * could rename, move or remove anyone's presence, and one frame could add thousands of states
 * that every later query re-encodes. So, per room:
 *  - a client id belongs to the connection that announced it first (its owner); entries for an
 *    id owned by another connection are dropped, removals included, unless that owner is closed
 *    or has been silent for SILENT_OWNER_MS (y-protocols renews a live presence every 15 s), so
 *    a browser that reconnects before the server noticed its old socket died gets its id back;
 *  - a connection owns at most `maxPresencesPerConnection` ids (a browser uses one);
 *  - a state whose JSON is longer than `maxPresenceBytes` characters is dropped;
 *  - every kept state's `user.role` is set to the connection's role (awarenessRoles.ts).
 * Ownership ends when the connection leaves or the state is removed.
 */
export class PresenceGate {
  private readonly owners = new Map<number, Connection>();

  constructor(private readonly limits: Pick<RelayLimits, 'maxPresencesPerConnection' | 'maxPresenceBytes'>) {}

  /** Filters one awareness update from `conn`. Throws on malformed input. */
  admit(conn: Connection, update: Uint8Array, now = Date.now()): Admitted {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: [number, number, string][] = [];
    const dropped = { foreign: 0, tooMany: 0, tooLarge: 0 };
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const owner = this.owners.get(clientId);
      if (owner && owner !== conn && !owner.closed && now - owner.lastMessageAt < SILENT_OWNER_MS) {
        dropped.foreign++;
        continue;
      }
      if (owner !== conn && conn.awarenessClients.size >= this.limits.maxPresencesPerConnection) {
        dropped.tooMany++;
        continue;
      }
      if (json.length > this.limits.maxPresenceBytes) {
        dropped.tooLarge++;
        continue;
      }
      const state = JSON.parse(json) as unknown;
      if (owner !== conn) this.claim(conn, clientId);
      const corrected = withRole(state, conn.role);
      kept.push([clientId, clock, corrected === state ? json : JSON.stringify(corrected)]);
    }
    if (kept.length === 0) return { update: null, dropped };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const [clientId, clock, json] of kept) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    return { update: encoding.toUint8Array(encoder), dropped };
  }

  private claim(conn: Connection, clientId: number): void {
    this.owners.get(clientId)?.awarenessClients.delete(clientId);
    this.owners.set(clientId, conn);
    conn.awarenessClients.add(clientId);
  }

  /** The state of `clientId` was removed (by its owner, a timeout or the owner leaving). */
  removed(clientId: number): void {
    this.owners.get(clientId)?.awarenessClients.delete(clientId);
    this.owners.delete(clientId);
  }

  /** The connection left: it owns nothing any more. */
  release(conn: Connection): void {
    for (const id of conn.awarenessClients) if (this.owners.get(id) === conn) this.owners.delete(id);
  }

  ownerOf(clientId: number): Connection | undefined {
    return this.owners.get(clientId);
  }
}
