import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../shared/roles';

/**
 * Sealing a cohort's team tokens so that only the trainer can read them back.
 *
 * The server must show the trainer the team links again later, but must not keep them in a form
 * it (or anyone holding the database file) can read. So each board's three tokens are encrypted
 * with a key derived from the trainer token, which the server never stores (only its sha256):
 *
 *   key    = HKDF-SHA256(ikm = trainer token (UTF-8), salt = the cohort's random 16-byte salt,
 *                        info = SEALING_INFO, 32 bytes)
 *   sealed = version (1 byte, 1) ‖ IV (12 random bytes) ‖ GCM tag (16 bytes) ‖ AES-256-GCM(
 *              key, IV, plaintext = JSON { facilitator, editor, viewer },
 *              additional data = "<cohort id>/<board id>")
 *
 * The additional data binds a sealed value to its cohort and board, so values swapped between
 * rows fail to open instead of showing one team another team's links. Without the trainer token
 * nothing here can be opened; with a wrong one, opening fails (the tag does not verify).
 */
export const SEALING_INFO = 'partnership-boards/cohort-team-tokens/v1';
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type TeamTokens = Record<Role, string>;

/** A new per-cohort salt for the key derivation. */
export function newKeySalt(): Uint8Array {
  return new Uint8Array(randomBytes(16));
}

/** The sealing key of a cohort, from its trainer token and salt. */
export function sealingKey(trainerToken: string, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(trainerToken, 'utf8'), salt, SEALING_INFO, 32));
}

const aad = (cohortId: string, boardId: string) => Buffer.from(`${cohortId}/${boardId}`, 'utf8');

/** Encrypts one board's tokens for its cohort (a fresh random IV each time). */
export function sealTokens(key: Buffer, cohortId: string, boardId: string, tokens: TeamTokens): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(cohortId, boardId));
  const plain = Buffer.from(JSON.stringify(Object.fromEntries(ROLES.map((r) => [r, tokens[r]]))), 'utf8');
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
}

/** Decrypts one board's tokens; throws when the key, the cohort or the board does not match. */
export function openTokens(key: Buffer, cohortId: string, boardId: string, sealed: Uint8Array): TeamTokens {
  const data = Buffer.from(sealed);
  if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw new Error('sealed tokens: unknown format');
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(cohortId, boardId));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  const value = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  for (const r of ROLES) if (typeof value[r] !== 'string') throw new Error('sealed tokens: a role is missing');
  return value as TeamTokens;
}
