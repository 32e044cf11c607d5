import { modifyAwarenessUpdate } from 'y-protocols/awareness';
import type { Role } from '../../shared/roles';

/**
 * Rewrites an awareness update so that every state with a `user` claims the role of the
 * connection that sent it (shared/docLayout.ts PresenceState). A modified client could otherwise
 * show itself as a facilitator in everyone's participant list.
 *
 * The update is decoded (varUint count, then per entry: varUint client id, varUint clock, JSON
 * string), each state whose `user.role` differs is corrected, and the update is re-encoded.
 * Removals (`null` states) and states without a `user` object pass unchanged. Malformed input
 * throws, like applying it would.
 */
export function correctAwarenessRoles(update: Uint8Array, role: Role): Uint8Array {
  return modifyAwarenessUpdate(update, (state: unknown) => {
    if (!state || typeof state !== 'object' || Array.isArray(state)) return state;
    const user = (state as { user?: unknown }).user;
    if (!user || typeof user !== 'object' || Array.isArray(user)) return state;
    if ((user as { role?: unknown }).role === role) return state;
    return { ...state, user: { ...user, role } };
  });
}
