import type { Role } from '../../shared/roles';
import { MAX_PARTICIPANTS_PER_BOARD, type BoardRow, type ParticipantRow, type Storage, type StoredDoc, type TokenRow } from './Storage';

interface Entry {
  board: BoardRow;
  tokens: TokenRow[];
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: { seq: number; data: Uint8Array }[];
  participants: Map<string, ParticipantRow>;
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
      snapshot: initialState.slice(),
      snapshotSeq: 0,
      updates: [],
      participants: new Map(),
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

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const e = this.entry(boardId);
    const last = e.updates.at(-1)?.seq ?? e.snapshotSeq;
    return { snapshot: e.snapshot?.slice() ?? null, updates: e.updates.map((u) => u.data.slice()), lastSeq: last };
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number> {
    const e = this.entry(boardId);
    let seq = e.updates.at(-1)?.seq ?? e.snapshotSeq;
    for (const u of updates) e.updates.push({ seq: ++seq, data: u.slice() });
    return seq;
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const e = this.entry(boardId);
    e.snapshot = snapshot.slice();
    e.snapshotSeq = upToSeq;
    e.updates = e.updates.filter((u) => u.seq > upToSeq);
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

  async close(): Promise<void> {}
}
