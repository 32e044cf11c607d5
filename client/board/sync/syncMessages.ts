import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import { applyUpdateFast } from '../../../shared/fastUpdateDecoding';
import { MessageType } from '../../../shared/protocol';

/**
 * The board's side of the Yjs sync protocol, replacing y-websocket's in two ways. Returns the
 * cleanup.
 *
 * - What the server sends is applied with the fast decoder: the first sync step 2 of a first
 *   visit is the whole board (shared/fastUpdateDecoding.ts).
 * - Local edits go out as updates only on a socket that has answered the server's sync step 1.
 *   y-websocket sends them as soon as a socket opens; an edit made between the opening and that
 *   answer would then build on content the server may not have yet (edits made offline, or
 *   written to a server that died before storing them), and the relay would refuse it as out of
 *   step (shared/closeCodes.ts). Held edits lose nothing: the answer is computed from the whole
 *   doc when it is sent, so it carries them.
 */
export function handleSync(provider: WebsocketProvider): () => void {
  let answeredSocket: WebSocket | null = null;

  provider.messageHandlers[MessageType.Sync] = (encoder, decoder, p, emitSynced) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      // The answer (sync step 2) is sent as soon as this returns; from then on each edit
      // continues what the server has.
      syncProtocol.readSyncStep1(decoder, encoder, p.doc);
      answeredSocket = p.ws;
      return;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) throw new Error('Unknown message type');
    try {
      applyUpdateFast(p.doc, decoding.readVarUint8Array(decoder), p);
    } catch (error) {
      // As y-protocols does: an observer's error must not break the connection.
      console.error('Caught error while handling a Yjs update', error);
    }
    if (emitSynced && type === syncProtocol.messageYjsSyncStep2 && !p.synced) p.synced = true;
  };

  const sendLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    const ws = provider.ws;
    if (!ws || ws !== answeredSocket || !provider.wsconnected || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    ws.send(encoding.toUint8Array(encoder));
  };
  provider.doc.off('update', provider._updateHandler);
  provider.doc.on('update', sendLocalUpdate);
  return () => provider.doc.off('update', sendLocalUpdate);
}
