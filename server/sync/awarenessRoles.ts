import { modifyAwarenessUpdate } from 'y-protocols/awareness';
import type { Role } from '../../shared/roles';

/**
 * A presence state with its `user.role` set to `role` (shared/doc/docLayout.ts PresenceState): a
 * modified client could otherwise show itself as a facilitator in everyone's participant list.
 * States without a `user` object, and removals (`null`), are returned unchanged.
 */
export function withRole(state: unknown, role: Role): unknown {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return state;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== 'object' || Array.isArray(user)) return state;
  if ((user as { role?: unknown }).role === role) return state;
  return { ...state, user: { ...user, role } };
}

/**
 * Rewrites an awareness update so that every state with a `user` claims the role of the
 * connection that sent it. The update is decoded (varUint count, then per entry: varUint client
 * id, varUint clock, JSON string), each state corrected, and re-encoded. Malformed input throws,
 * like applying it would.
 */
export function correctAwarenessRoles(update: Uint8Array, role: Role): Uint8Array {
  return modifyAwarenessUpdate(update, (state: unknown) => withRole(state, role));
}
