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
