/**
 * Every WebSocket close code the relay uses, as data, in one place.
 *
 * Codes 4400-4499 mirror HTTP 4xx: the server decided that reconnecting cannot help (y-websocket
 * clients stop retrying on them). Codes 4500-4599 mirror 5xx: transient, the client retries with
 * backoff. 1009 is sent by `ws` itself when a frame exceeds the maximum payload.
 */
export const CloseCodes = {
  MalformedMessage: { code: 4400, reason: 'Malformed message' },
  Unauthorized: { code: 4401, reason: 'Missing or invalid token' },
  Forbidden: { code: 4403, reason: 'Forbidden' },
  BoardNotFound: { code: 4404, reason: 'Board not found' },
  AuthTimeout: { code: 4408, reason: 'Authentication deadline passed' },
  /** A write that does not fit the document layout was refused whole (server/sync/documentLayout.ts). */
  ChangeRefused: { code: 4422, reason: 'Change refused: it does not fit the board' },
  /** The link's token was replaced by a new one (POST …/links/:role/rotate); the old link no longer opens the board. */
  LinkReplaced: { code: 4410, reason: 'This link was replaced by a new one' },
  MessageTooBig: { code: 1009, reason: 'Message too big' },
  RateLimited: { code: 4529, reason: 'Too many messages; slow down' },
  SlowConsumer: { code: 4509, reason: 'Connection too slow to keep up' },
  LoadFailed: { code: 4500, reason: 'Board could not be loaded' },
  StorageFailed: { code: 4507, reason: 'Board could not be saved' },
  /** A write extended the content of a Yjs client id another open connection is writing; retried later. */
  ClientIdInUse: { code: 4512, reason: 'Another connection writes as this client' },
  ServerShuttingDown: { code: 4503, reason: 'Server restarting' },
  /** Distributed mode: another node serves the board now (its lease moved, or could not be renewed); reconnect. */
  BoardMoved: { code: 4513, reason: 'Board moved to another server' },
  /**
   * A write built on content the server does not have: the client's edit overtook the sync that
   * carries that content (after a failover, the new server lacks what the old one never stored).
   * Transient: reconnecting syncs first, and the client's sync step 2 brings both.
   */
  OutOfStep: { code: 4514, reason: 'Change arrived before what it builds on; syncing again' },
  PingTimeout: { code: 4504, reason: 'No pong received' },
} as const satisfies Record<string, { code: number; reason: string }>;

/** True when a client should not try to reconnect after this close code. */
export function isTerminalClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
