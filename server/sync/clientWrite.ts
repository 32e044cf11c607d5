import type { Role } from '../../shared/roles';

/** The origin of a client's write: its connection, which carries the role of the link it was opened with. */
export interface ClientWriter {
  readonly role: Role;
}

/**
 * True for a write a client made (its origin is its connection). Every other origin is the
 * server's: loading, repair, the server's own writes (SERVER_ORIGIN), the guards' corrections;
 * the guards let those through and only client writes count as activity.
 */
export function isClientWrite(origin: unknown): origin is ClientWriter {
  return typeof origin === 'object' && origin !== null && 'role' in origin;
}
