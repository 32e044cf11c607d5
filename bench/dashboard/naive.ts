import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/protocol';

export interface FullSync {
  /** Socket created → the server's sync step 2 applied to the client's doc. */
  ms: number;
  /** Every frame received until then. */
  bytes: number;
  /** Shapes in the synced document's records (a check that the whole board arrived). */
  records: number;
}

/**
 * What the dashboard must not do: load a whole board document in the client. A y-websocket
 * client in the protocol's own terms (sync step 1 on open, step 2 answered, the server's step 2
 * applied into a Y.Doc), counting the bytes it receives until it holds the whole document.
 */
export function syncFullDocument(port: number, boardId: string, token: string, timeoutMs = 60_000): Promise<FullSync> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const doc = new Y.Doc();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${boardId}?token=${encodeURIComponent(token)}`);
    let bytes = 0;
    const timer = setTimeout(() => finish(new Error(`board ${boardId} did not sync within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      ws.terminate();
      if (error) {
        doc.destroy();
        reject(error);
        return;
      }
      const records = doc.getArray('records').length;
      doc.destroy();
      resolve({ ms: performance.now() - started, bytes, records });
    };
    ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep1(encoder, doc);
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => {
      bytes += data.byteLength;
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.Sync);
      const kind = syncProtocol.readSyncMessage(decoder, reply, doc, null);
      if (kind === syncProtocol.messageYjsSyncStep1) ws.send(encoding.toUint8Array(reply));
      else if (kind === syncProtocol.messageYjsSyncStep2) finish();
    });
    ws.on('error', (error) => finish(error));
    ws.on('unexpected-response', (_req, res) => finish(new Error(`HTTP ${res.statusCode}`)));
  });
}
