import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';

/**
 * The secrets behind a partnership's two links (see partnerships/CONTEXT.md).
 *
 * The lead and member tokens are random (256 bits) and stored only as sha256 hashes. The lead
 * must see the member link again, so the member token is stored **sealed** with a key derived
 * from the lead token, which the server never stores:
 *
 *   key    = HKDF-SHA256(ikm = lead token, salt = the partnership's random 16-byte salt, info = SEALING_INFO)
 *   sealed = version (1) ‖ IV (12) ‖ GCM tag (16) ‖ AES-256-GCM(key, IV, member token, AAD = partnership id)
 *
 * A board of the partnership opens with tokens **derived** from the partnership's links, so no
 * board token needs to be kept at all:
 *
 *   board token = base64url(HMAC-SHA256(key = the lead or member token, "board/<board id>/<role>"))
 *
 * The lead's link gives the facilitator, editor and viewer tokens of every board; the member link
 * the token of the role the lead chose for members. Their hashes sit in the boards' own token
 * table, so the relay checks them like any board token. Replacing a link replaces the tokens it
 * derives, which is what makes a replaced link (and every board link it showed) stop working.
 */
export const SEALING_INFO = 'partnership-boards/partnership-member-token/v1';
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newKeySalt(): Uint8Array {
  return new Uint8Array(randomBytes(16));
}

function keyOf(leadToken: string, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(leadToken, 'utf8'), salt, SEALING_INFO, 32));
}

/** Seals the member token for the lead (a fresh IV each time). */
export function sealMemberToken(leadToken: string, salt: Uint8Array, partnershipId: string, memberToken: string): Uint8Array {
  const key = keyOf(leadToken, salt);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(partnershipId, 'utf8'));
    const body = Buffer.concat([cipher.update(Buffer.from(memberToken, 'utf8')), cipher.final()]);
    return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
  } finally {
    key.fill(0);
  }
}

/** Opens the sealed member token; throws when the lead token, salt or partnership does not match. */
export function openMemberToken(leadToken: string, salt: Uint8Array, partnershipId: string, sealed: Uint8Array): string {
  const data = Buffer.from(sealed);
  if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw new Error('sealed member token: unknown format');
  const key = keyOf(leadToken, salt);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(partnershipId, 'utf8'));
    decipher.setAuthTag(data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } finally {
    key.fill(0);
  }
}

/** The board token a partnership link derives for one board and role (43 base64url characters). */
export function boardTokenOf(linkToken: string, boardId: string, role: Role): string {
  return createHmac('sha256', Buffer.from(linkToken, 'utf8')).update(`board/${boardId}/${role}`).digest('base64url');
}
