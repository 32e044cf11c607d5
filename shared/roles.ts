/**
 * Capability roles. A board has one token per role; the link a person opens decides the role.
 * Order matters: a higher role can do everything a lower one can.
 */
export const ROLES = ['viewer', 'editor', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank(actual) >= roleRank(required);
}

export function canWriteDocument(role: Role): boolean {
  return hasRole(role, 'editor');
}
