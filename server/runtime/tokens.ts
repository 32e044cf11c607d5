import { createHash, randomBytes } from 'node:crypto';

/** A new capability token: 256 random bits, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new board id: 96 random bits, base64url (16 characters). */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url');
}

/** Tokens are stored and looked up only by this hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
