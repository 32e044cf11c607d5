import type { DocKind, Role } from '../../shared/roles';
import { CoveredUpdates } from './coveredUpdates';
import type { BoardRow, Fence, FeatureStore, MemoryBoards, Storage, StoredDoc, TokenRow } from './Storage';

interface DocEntry {
  compacted: Uint8Array | null;
  compactedSeq: number;
  updates: { seq: number; data: Uint8Array }[];
}

interface Entry {
  board: BoardRow;
  tokens: TokenRow[];
  /** By kind; a kind never written has no entry (like a control doc without rows). */
  docs: Map<DocKind, DocEntry>;
}

function lastSeqOf(d: DocEntry): number {
  return Math.max(d.updates.at(-1)?.seq ?? 0, d.compactedSeq);
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
      docs: new Map([['board', { compacted: initialState.slice(), compactedSeq: 0, updates: [] }]]),
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
    if (!d) e.docs.set(kind, (d = { compacted: null, compactedSeq: 0, updates: [] }));
    return d;
  }

  async loadDoc(boardId: string, kind: DocKind): Promise<StoredDoc> {
    const d = this.entry(boardId).docs.get(kind);
    if (!d) return { compacted: null, updates: [], lastSeq: 0 };
    // Updates the compacted state covers may still be stored: skipped, and swept.
    if (d.updates.length > 0 && d.updates[0].seq <= d.compactedSeq) this.covered.sweep(boardId, kind);
    const after = d.updates.filter((u) => u.seq > d.compactedSeq);
    return { compacted: d.compacted?.slice() ?? null, updates: after.map((u) => u.data.slice()), lastSeq: lastSeqOf(d) };
  }

  async appendUpdates(boardId: string, kind: DocKind, updates: Uint8Array[], _fence?: Fence): Promise<number> {
    const d = this.docOf(boardId, kind);
    let seq = lastSeqOf(d);
    for (const u of updates) d.updates.push({ seq: ++seq, data: u.slice() });
    return seq;
  }

  async compact(boardId: string, kind: DocKind, compacted: Uint8Array, upToSeq: number, _fence?: Fence): Promise<void> {
    const d = this.docOf(boardId, kind);
    d.compacted = compacted.slice();
    d.compactedSeq = upToSeq;
    this.covered.sweep(boardId, kind);
  }

  private readonly covered = new CoveredUpdates((boardId, kind, limit) => this.dropCovered(boardId, kind, limit));

  /**
   * Deletes at most `limit` stored updates that the document's compacted state covers (seq <= its
   * up_to_seq, read in the same statement) and says how many it deleted: fewer than `limit` means
   * none are left. The background sweep (coveredUpdates.ts) calls it; needs no fence: what a
   * compacted state covers is garbage to every node.
   */
  async dropCovered(boardId: string, kind: DocKind, limit: number): Promise<number> {
    const d = this.entry(boardId).docs.get(kind);
    if (!d) return 0;
    let dropped = 0;
    while (dropped < limit && d.updates.length > 0 && d.updates[0].seq <= d.compactedSeq) {
      d.updates.shift();
      dropped++;
    }
    return dropped;
  }

  /** Updates stored for a document, covered ones included (tests). */
  storedUpdates(boardId: string, kind: DocKind): number {
    return this.entry(boardId).docs.get(kind)?.updates.length ?? 0;
  }

  // ---- Replaced links ----
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

  /** What feature stores may use of the boards. */
  private readonly boardAccess: MemoryBoards = {
    createBoard: (board, tokens, state) => this.createBoard(board, tokens, state),
    hasBoard: (id) => this.boards.has(id),
    assertBoard: (id) => void this.entry(id),
    addToken: (id, token) => {
      const e = this.entry(id);
      if (!e.tokens.some((t) => t.hash === token.hash)) e.tokens.push({ ...token });
    },
    removeToken: (id, hash) => {
      const e = this.boards.get(id);
      if (e) e.tokens = e.tokens.filter((t) => t.hash !== hash);
    },
    replaceRole: (boardId, role, next, at) => this.replaceRole(boardId, role, next, at),
    revoke: (ownerId, hash, at) => this.revoke(ownerId, hash, at),
  };
  private readonly features = new Map<FeatureStore<unknown>, unknown>();

  feature<T>(store: FeatureStore<T>): T {
    let made = this.features.get(store) as T | undefined;
    if (made === undefined) this.features.set(store, (made = store.memory(this.boardAccess)));
    return made;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
