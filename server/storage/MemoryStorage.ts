import type { DocKind, Role } from '../../shared/roles';
import type { SnapshotInfo } from '../../shared/history';
import { MemorySnapshots } from '../history/snapshotStore';
import { MemoryPartnerships } from '../partnerships/store';
import { MemoryVoterKeys, type AddVoterKey, type VoterKeyCaps, type VoterKeyRow } from './voterKeyStore';
import {
  MAX_PARTICIPANTS_PER_BOARD,
  type BallotRow,
  type BoardRow,
  type Cohort,
  type CohortRole,
  type CohortSecrets,
  type NewCohort,
  type ParticipantRow,
  type Storage,
  type StoredDoc,
  type TokenRow,
} from './Storage';

interface DocEntry {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: { seq: number; data: Uint8Array }[];
}

interface Entry {
  board: BoardRow;
  tokens: TokenRow[];
  /** By kind; a kind never written has no entry (like a control doc without rows). */
  docs: Map<DocKind, DocEntry>;
  participants: Map<string, ParticipantRow>;
  /** round id → voter id → ballot. */
  ballots: Map<string, Map<string, BallotRow>>;
}

/** Keeps everything in process memory: for tests and throwaway servers. Copies every buffer. */
export class MemoryStorage implements Storage {
  readonly kind = 'memory';
  private boards = new Map<string, Entry>();

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    if (this.boards.has(board.id)) throw new Error(`board ${board.id} exists`);
    this.boards.set(board.id, {
      board: { ...board },
      tokens: tokens.map((t) => ({ ...t })),
      docs: new Map([['board', { snapshot: initialState.slice(), snapshotSeq: 0, updates: [] }]]),
      participants: new Map(),
      ballots: new Map(),
    });
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const e = this.boards.get(id);
    return e ? { ...e.board } : undefined;
  }

  async roleForTokenHash(boardId: string, hash: string): Promise<Role | undefined> {
    return this.boards.get(boardId)?.tokens.find((t) => t.hash === hash)?.role;
  }

  private entry(boardId: string): Entry {
    const e = this.boards.get(boardId);
    if (!e) throw new Error(`board ${boardId} not found`);
    return e;
  }

  async addToken(boardId: string, token: TokenRow): Promise<void> {
    const e = this.entry(boardId);
    if (e.tokens.some((t) => t.hash === token.hash)) throw new Error('token exists');
    e.tokens.push({ ...token });
  }

  private docOf(boardId: string, kind: DocKind): DocEntry {
    const e = this.entry(boardId);
    let d = e.docs.get(kind);
    if (!d) e.docs.set(kind, (d = { snapshot: null, snapshotSeq: 0, updates: [] }));
    return d;
  }

  async loadDoc(boardId: string, kind: DocKind): Promise<StoredDoc> {
    const d = this.entry(boardId).docs.get(kind);
    if (!d) return { snapshot: null, updates: [], lastSeq: 0 };
    const last = d.updates.at(-1)?.seq ?? d.snapshotSeq;
    return { snapshot: d.snapshot?.slice() ?? null, updates: d.updates.map((u) => u.data.slice()), lastSeq: last };
  }

  async appendUpdates(boardId: string, kind: DocKind, updates: Uint8Array[]): Promise<number> {
    const d = this.docOf(boardId, kind);
    let seq = d.updates.at(-1)?.seq ?? d.snapshotSeq;
    for (const u of updates) d.updates.push({ seq: ++seq, data: u.slice() });
    return seq;
  }

  async compact(boardId: string, kind: DocKind, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const d = this.docOf(boardId, kind);
    d.snapshot = snapshot.slice();
    d.snapshotSeq = upToSeq;
    d.updates = d.updates.filter((u) => u.seq > upToSeq);
  }

  async getBallot(boardId: string, roundId: string, voterId: string): Promise<BallotRow | undefined> {
    const b = this.entry(boardId).ballots.get(roundId)?.get(voterId);
    return b ? { ...b, itemIds: [...b.itemIds] } : undefined;
  }

  async putBallot(boardId: string, roundId: string, voterId: string, itemIds: string[], updatedAt: string): Promise<number> {
    const e = this.entry(boardId);
    let round = e.ballots.get(roundId);
    if (!round) e.ballots.set(roundId, (round = new Map()));
    if (itemIds.length === 0) round.delete(voterId);
    else round.set(voterId, { voterId, itemIds: [...itemIds], updatedAt });
    return round.size;
  }

  async listBallots(boardId: string, roundId: string): Promise<BallotRow[]> {
    const round = this.entry(boardId).ballots.get(roundId);
    const rows = [...(round?.values() ?? [])].map((b) => ({ ...b, itemIds: [...b.itemIds] }));
    return rows.sort((a, b) => (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0));
  }

  async recordParticipant(boardId: string, p: { userId: string; name: string; role: Role }, seenAt: string): Promise<boolean> {
    const e = this.entry(boardId);
    const known = e.participants.get(p.userId);
    if (!known && e.participants.size >= MAX_PARTICIPANTS_PER_BOARD) return false;
    e.participants.set(p.userId, {
      userId: p.userId,
      name: p.name,
      role: p.role,
      firstSeen: known?.firstSeen ?? seenAt,
      lastSeen: known && known.lastSeen > seenAt ? known.lastSeen : seenAt,
    });
    return true;
  }

  async listParticipants(boardId: string): Promise<ParticipantRow[]> {
    const rows = [...(this.boards.get(boardId)?.participants.values() ?? [])].map((p) => ({ ...p }));
    return rows.sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.userId < b.userId ? -1 : 1));
  }

  // ---- Trainer cohorts (server/cohorts/) ----
  private cohorts = new Map<string, { cohort: NewCohort['cohort']; trainerTokenHash: string; keySalt: Uint8Array; boards: { boardId: string; team: string; sealedTokens: Uint8Array }[] }>();

  async createCohort(c: NewCohort): Promise<void> {
    // Checked before anything is written, so a failure leaves nothing behind (like a transaction).
    if (this.cohorts.has(c.cohort.id)) throw new Error(`cohort ${c.cohort.id} exists`);
    const ids = new Set(c.boards.map((b) => b.board.id));
    if (ids.size !== c.boards.length || c.boards.some((b) => this.boards.has(b.board.id))) throw new Error('board exists');
    for (const b of c.boards) await this.createBoard(b.board, b.tokens, b.initialState);
    this.cohorts.set(c.cohort.id, {
      cohort: { ...c.cohort },
      trainerTokenHash: c.trainerTokenHash,
      keySalt: c.keySalt.slice(),
      boards: c.boards.map((b) => ({ boardId: b.board.id, team: b.team, sealedTokens: b.sealedTokens.slice() })),
    });
  }

  async getCohort(id: string): Promise<Cohort | undefined> {
    const e = this.cohorts.get(id);
    if (!e) return undefined;
    return { ...e.cohort, boards: e.boards.map((b, position) => ({ boardId: b.boardId, team: b.team, position })) };
  }

  async cohortRoleForTokenHash(cohortId: string, hash: string): Promise<CohortRole | undefined> {
    return this.cohorts.get(cohortId)?.trainerTokenHash === hash ? 'trainer' : undefined;
  }

  async getCohortSecrets(cohortId: string): Promise<CohortSecrets | undefined> {
    const e = this.cohorts.get(cohortId);
    if (!e) return undefined;
    return { keySalt: e.keySalt.slice(), boards: e.boards.map((b) => ({ boardId: b.boardId, sealedTokens: b.sealedTokens.slice() })) };
  }
  // ---- end of trainer cohorts ----

  // ---- Board history (server/history/snapshotStore.ts) ----
  private snapshots = new MemorySnapshots((boardId) => void this.entry(boardId));

  async addSnapshot(boardId: string, snapshot: SnapshotInfo, state: Uint8Array, keepAtMost?: number): Promise<string[]> {
    return this.snapshots.add(boardId, snapshot, state, keepAtMost);
  }

  async listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
    return this.snapshots.list(boardId);
  }

  async getSnapshot(boardId: string, id: string): Promise<SnapshotInfo | undefined> {
    return this.snapshots.get(boardId, id);
  }

  async getSnapshotState(boardId: string, id: string): Promise<Uint8Array | undefined> {
    return this.snapshots.state(boardId, id);
  }

  async deleteSnapshot(boardId: string, id: string): Promise<boolean> {
    return this.snapshots.delete(boardId, id);
  }
  // ---- end of board history ----

  // ---- Board activity (server/dashboard/) ----
  private activity = new Map<string, string>();

  async getBoardActivity(boardId: string): Promise<string | null> {
    return this.activity.get(boardId) ?? null;
  }

  async recordBoardActivity(boardId: string, at: string): Promise<void> {
    this.entry(boardId);
    const known = this.activity.get(boardId);
    if (!known || at > known) this.activity.set(boardId, at);
  }
  // ---- end of board activity ----

  /** Partnerships (server/partnerships/store.ts). */
  readonly partnerships = new MemoryPartnerships({
    createBoard: (board, tokens, state) => this.createBoard(board, tokens, state),
    hasBoard: (id) => this.boards.has(id),
    addToken: (id, token) => {
      const e = this.entry(id);
      if (!e.tokens.some((t) => t.hash === token.hash)) e.tokens.push({ ...token });
    },
    removeToken: (id, hash) => {
      const e = this.boards.get(id);
      if (e) e.tokens = e.tokens.filter((t) => t.hash !== hash);
    },
  });
  // ---- Voter keys (server/voterKeyStore.ts) ----
  private voterKeys = new MemoryVoterKeys((boardId) => void this.entry(boardId));

  async addVoterKey(boardId: string, key: VoterKeyRow, caps: VoterKeyCaps): Promise<AddVoterKey> {
    return this.voterKeys.add(boardId, key, caps);
  }

  async hasVoterKey(boardId: string, keyHash: string): Promise<boolean> {
    return this.voterKeys.has(boardId, keyHash);
  }
  // ---- end of voter keys ----
  // ---- Replacing links (server/links/) ----
  /** owner id → token hash → when it was replaced. */
  private revoked = new Map<string, Map<string, string>>();

  private revoke(ownerId: string, hash: string, at: string): void {
    let m = this.revoked.get(ownerId);
    if (!m) this.revoked.set(ownerId, (m = new Map()));
    m.set(hash, at);
  }

  private replaceRole(boardId: string, role: Role, next: TokenRow, at: string): string[] {
    const e = this.entry(boardId);
    const hashes = e.tokens.filter((t) => t.role === role).map((t) => t.hash);
    e.tokens = e.tokens.filter((t) => t.role !== role);
    for (const hash of hashes) this.revoke(boardId, hash, at);
    e.tokens.push({ ...next, role });
    return hashes;
  }

  async replaceTokens(boardId: string, role: Role, next: TokenRow, requesterHash: string, at: string): Promise<string[] | null> {
    if ((await this.roleForTokenHash(boardId, requesterHash)) !== 'facilitator') return null;
    return this.replaceRole(boardId, role, next, at);
  }

  async tokenRevokedAt(ownerId: string, hash: string): Promise<string | undefined> {
    return this.revoked.get(ownerId)?.get(hash);
  }

  async replaceTrainerToken(
    cohortId: string,
    oldHash: string,
    newHash: string,
    keySalt: Uint8Array,
    sealed: { boardId: string; sealedTokens: Uint8Array }[],
    at: string,
  ): Promise<boolean> {
    const c = this.cohorts.get(cohortId);
    if (!c || c.trainerTokenHash !== oldHash) return false;
    this.revoke(cohortId, oldHash, at);
    c.trainerTokenHash = newHash;
    c.keySalt = keySalt.slice();
    const byBoard = new Map(sealed.map((b) => [b.boardId, b.sealedTokens]));
    for (const b of c.boards) b.sealedTokens = byBoard.get(b.boardId)?.slice() ?? b.sealedTokens;
    return true;
  }

  async replaceCohortBoardToken(
    cohortId: string,
    trainerHash: string,
    boardId: string,
    role: Role,
    next: TokenRow,
    sealedTokens: Uint8Array,
    at: string,
  ): Promise<string[] | null> {
    const c = this.cohorts.get(cohortId);
    const b = c?.boards.find((x) => x.boardId === boardId);
    if (!c || c.trainerTokenHash !== trainerHash || !b) return null;
    b.sealedTokens = sealedTokens.slice();
    return this.replaceRole(boardId, role, next, at);
  }
  // ---- end of replacing links ----

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
