/** A board that already belongs to a partnership cannot be added to another (store.ts). */
export class BoardInPartnershipError extends Error {}
