import { createHash, randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, VoterKeyStatus } from '../../shared/protocol';
import { canWrite } from '../../shared/roles';
import type { Logger } from '../runtime/log';
import type { Connection } from './Connection';
import type { Storage } from '../storage/Storage';
import type { VoterKeyCaps } from './voterKeyStore';
import { voterKeyStore } from './voterKeyStore';

/** How long a key stays usable for ballots after its last connection closed (a reload, a network hiccup). */
export const VOTER_KEY_GRACE_MS = 60_000;

export const DEFAULT_VOTER_KEY_CAPS: VoterKeyCaps = { perLink: 150, perAddress: 60 };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Voter keys: who a ballot belongs to, tied to the connections the server saw.
 *
 * A browser asks for its key over the board's socket (message VoterKey, shared/protocol.ts),
 * sending the key it got earlier for this board, if any. The server answers with that key when
 * it issued it for this board (a reload or a reconnect keeps the same ballot), or issues a new
 * one: one per connection (asking again on the same connection gives the same key), and at most
 * `perLink` per link and `perAddress` per client address and board (storage counts them in the
 * transaction that records the key; only hashes are kept). Viewers get no key.
 *
 * A ballot request (HTTP) names its key in a header; it counts only while a connection of that
 * board holds the key, or for VOTER_KEY_GRACE_MS after the last one closed. So a ballot needs a
 * real, open connection to the board, and casting many needs many of them, each within the caps.
 */
export class VoterKeys {
  /** Key hash → the board it belongs to, the open connections holding it, and when the last one closed. */
  private readonly held = new Map<string, { boardId: string; conns: Set<Connection>; releasedAt: number | null }>();
  private readonly keyOf = new Map<Connection, string>();
  /** A request under way per connection: a second one waits for it (one key per connection). */
  private readonly asking = new Map<Connection, Promise<{ ok: true; key: string } | { ok: false; reason: string }>>();

  constructor(
    private readonly storage: Storage,
    private readonly caps: VoterKeyCaps,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Answers a VoterKey frame from a board connection. Never throws. */
  async request(conn: Connection, frame: Uint8Array): Promise<void> {
    try {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const previous = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : '';
      let asked = this.asking.get(conn);
      if (!asked) {
        asked = this.keyFor(conn, previous).finally(() => this.asking.delete(conn));
        this.asking.set(conn, asked);
      }
      const answer = await asked;
      if (!conn.closed) conn.send(answerFrame(answer));
    } catch (error) {
      this.logger.warn('voter_key.failed', { board: conn.boardId, conn: conn.id, error });
      if (!conn.closed) conn.send(answerFrame({ ok: false, reason: 'The server could not give this browser a voting key; try again.' }));
    }
  }

  private async keyFor(conn: Connection, previous: string): Promise<{ ok: true; key: string } | { ok: false; reason: string }> {
    if (!canWrite(conn.role, 'board')) return { ok: false, reason: 'This link can watch votes, not take part.' };
    const mine = this.keyOf.get(conn);
    if (mine) return { ok: true, key: mine };
    if (previous && previous.length <= 128 && (await this.storage.feature(voterKeyStore).has(conn.boardId, sha256(previous)))) {
      this.hold(conn, previous);
      return { ok: true, key: previous };
    }
    const key = randomBytes(24).toString('base64url');
    const added = await this.storage.feature(voterKeyStore).add(
      conn.boardId,
      { keyHash: sha256(key), linkHash: conn.origin.tokenHash, addressHash: sha256(`${conn.boardId}\n${conn.origin.address}`), issuedAt: new Date(this.now()).toISOString() },
      this.caps,
    );
    if (added !== 'added') {
      this.logger.warn('voter_key.refused', { board: conn.boardId, conn: conn.id, reason: added });
      return {
        ok: false,
        reason:
          added === 'link_full'
            ? `This link has already given ${this.caps.perLink} people a vote on this board.`
            : `${this.caps.perAddress} people have already voted on this board from this network.`,
      };
    }
    if (conn.closed) return { ok: false, reason: 'closed' };
    this.hold(conn, key);
    return { ok: true, key };
  }

  private hold(conn: Connection, key: string): void {
    const hash = sha256(key);
    this.keyOf.set(conn, key);
    let entry = this.held.get(hash);
    if (!entry) this.held.set(hash, (entry = { boardId: conn.boardId, conns: new Set(), releasedAt: null }));
    entry.conns.add(conn);
    entry.releasedAt = null;
  }

  /** The connection closed: its key stays usable for the grace period. */
  release(conn: Connection): void {
    const key = this.keyOf.get(conn);
    if (!key) return;
    this.keyOf.delete(conn);
    const hash = sha256(key);
    const entry = this.held.get(hash);
    if (!entry) return;
    entry.conns.delete(conn);
    if (entry.conns.size === 0) entry.releasedAt = this.now();
    this.forgetExpired();
  }

  /**
   * The id a ballot is kept under for `key` on `boardId`, or null when the key does not count
   * now: the server never issued it for this board, or no connection holds it (beyond the grace).
   */
  ballotIdOf(boardId: string, key: string): string | null {
    const hash = sha256(key);
    const entry = this.held.get(hash);
    if (!entry || entry.boardId !== boardId) return null;
    if (entry.conns.size === 0 && (entry.releasedAt === null || this.now() - entry.releasedAt > VOTER_KEY_GRACE_MS)) return null;
    return `k${hash.slice(0, 40)}`;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [hash, entry] of this.held) {
      if (entry.conns.size === 0 && entry.releasedAt !== null && now - entry.releasedAt > VOTER_KEY_GRACE_MS) this.held.delete(hash);
    }
  }
}

function answerFrame(answer: { ok: true; key: string } | { ok: false; reason: string }): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.VoterKey);
  encoding.writeVarUint(e, answer.ok ? VoterKeyStatus.Issued : VoterKeyStatus.Refused);
  encoding.writeVarString(e, answer.ok ? answer.key : answer.reason);
  return encoding.toUint8Array(e);
}
