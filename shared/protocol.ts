/**
 * The wire protocol: y-websocket's, plus one opt-in message.
 *
 * Every frame is a varUint message type followed by its payload:
 *  - 0 sync: y-protocols sync (step 1 = state vector, step 2 = missing updates, 2 = update).
 *    The server answers a client's step 1 with step 2 and sends its own step 1 once on connect.
 *  - 1 awareness: an awareness update; the relay forwards it to every connection of the room,
 *    including the sender.
 *  - 2 auth: the relay sends `permission denied` (0 + reason) when a read-only connection tries
 *    to write. Clients never need to send it.
 *  - 3 query awareness: the relay answers with the full awareness state of the room.
 *  - 100 ack (only for connections that open with `ack=1` in the query string): after the relay
 *    has made updates durable it sends its document's state vector, then the number of write
 *    frames (sync step 2 and update) it has received on this connection and made durable. A
 *    client compares the state vector with its own for inserted content, and the count with the
 *    write frames it sent for deletions (which a state vector does not show). Plain y-websocket
 *    clients never see it.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Ack: 100,
  VoterKey: 101,
} as const;

/** The answer to a voter key request. */
export const VoterKeyStatus = { Issued: 0, Refused: 1 } as const;

/** y-protocols/auth: the only auth message the relay sends. */
export const AuthMessage = { PermissionDenied: 0 } as const;

export const ACK_QUERY_PARAM = 'ack';
export const TOKEN_QUERY_PARAM = 'token';

/** The WebSocket path of a board: `/ws/<boardId>`. */
export const WS_PATH_PREFIX = '/ws/';
