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

/**
 * The documents of a board: `board` (the canvas, rubric, actions; shared/doc/docLayout.ts) and
 * `control` (facilitator-only session state; shared/doc/control.ts). Each has its own room and its
 * own rows in storage.
 */
export const DOC_KINDS = ['board', 'control'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * Whether a connection with `role` may write to a document of `kind`: editors and facilitators
 * write the board; only facilitators write the control document. Everyone may read both.
 */
export function canWrite(role: Role, kind: DocKind): boolean {
  return kind === 'control' ? hasRole(role, 'facilitator') : canWriteDocument(role);
}
