import type { Duplex } from 'node:stream';
import { CONTROL_DOC_SUFFIX } from '../../shared/doc/control';
import { WS_PATH_PREFIX } from '../../shared/protocol';
import type { DocKind } from '../../shared/roles';

/**
 * The document a WebSocket path names: `/ws/<id>` the board document, `/ws/<id>/control` its
 * control document; null for any other path or a malformed percent-encoding (it names no board).
 * The id is not checked here.
 */
export function roomAddress(pathname: string): { boardId: string; kind: DocKind } | null {
  if (!pathname.startsWith(WS_PATH_PREFIX)) return null;
  let boardId: string;
  try {
    boardId = decodeURIComponent(pathname.slice(WS_PATH_PREFIX.length));
  } catch {
    return null;
  }
  if (boardId.endsWith(CONTROL_DOC_SUFFIX)) return { boardId: boardId.slice(0, -CONTROL_DOC_SUFFIX.length), kind: 'control' };
  return { boardId, kind: 'board' };
}

/** Answers an upgrade with an HTTP status and closes the socket. */
export function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** A ws message's bytes as one Uint8Array. */
export function toUint8Array(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const b = data as Buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
