const voterKeySources = new Map<string, () => Promise<string>>();

/**
 * How this browser gets its voter key for a board: the board page registers its connection's
 * `voterKey()` (the server issues the key over the board's socket; client/board/sync/boardConnection.ts).
 * Returns the function that removes it.
 */
export function provideVoterKey(boardId: string, source: () => Promise<string>): () => void {
  voterKeySources.set(boardId, source);
  return () => {
    if (voterKeySources.get(boardId) === source) voterKeySources.delete(boardId);
  };
}

/** The key sent with every ballot request: the server keeps a ballot under it. */
export function voterKey(boardId: string): Promise<string> {
  const source = voterKeySources.get(boardId);
  return source ? source() : Promise.reject(new Error('the board is not open in this tab'));
}
