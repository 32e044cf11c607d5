import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import type { RunningServer } from '../../server/Server';
import * as encoding from 'lib0/encoding';
import { MessageType, VoterKeyStatus } from '../../shared/protocol';
import { eventually } from './eventually';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** State vectors acknowledged by the server (ack=1 clients only). */
  acks: Map<number, number>[];
  closes: { code: number; reason: string }[];
  permissionDenied: string[];
  destroy(): void;
}

/** A real y-websocket provider in Node, talking to the test server. */
export function connectClient(
  server: RunningServer,
  boardId: string,
  token: string,
  options: { ack?: boolean; doc?: Y.Doc; maxBackoffTime?: number } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/ws`;
  const params: Record<string, string> = { token };
  if (options.ack) params.ack = '1';
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 200,
  });
  const client: TestClient = {
    doc,
    provider,
    acks: [],
    closes: [],
    permissionDenied: [],
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MessageType.Ack] = (_enc, decoder) => {
    client.acks.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  provider.messageHandlers[MessageType.Auth] = (_enc, decoder) => {
    decoding.readVarUint(decoder);
    client.permissionDenied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) client.closes.push({ code: event.code, reason: event.reason });
  });
  return client;
}

export async function synced(client: TestClient, timeoutMs = 5000): Promise<void> {
  await eventually(() => {
    if (!client.provider.synced) throw new Error('not synced yet');
  }, timeoutMs);
}

/** True when the server has acknowledged everything the client's doc holds. */
export function allAcked(client: TestClient): boolean {
  const last = client.acks.at(-1);
  if (!last) return false;
  for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
    if ((last.get(id) ?? 0) < clock) return false;
  }
  return true;
}

/** A bare `ws` socket to send arbitrary frames. */
export async function rawSocket(
  server: RunningServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }>; messages: Buffer[] }> {
  const ws = new WebSocket(server.url.replace(/^http/, 'ws') + path, { headers });
  const messages: Buffer[] = [];
  ws.on('message', (d) => messages.push(d as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return { ws, closed, messages };
}

/**
 * Asks the board for a voter key over a raw socket of its own (sending `previous` to get it back
 * after a reconnect), as the browser does before voting. The socket stays open: a key counts
 * for ballots only while a connection holds it. Close it with `ws.close()`.
 */
export async function voterKeySocket(
  server: RunningServer,
  boardId: string,
  token: string,
  previous = '',
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; key: string | null; refusal: string | null }> {
  const { ws, messages } = await rawSocket(server, `/ws/${boardId}?token=${token}`, headers);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.VoterKey);
  encoding.writeVarString(e, previous);
  ws.send(encoding.toUint8Array(e));
  const answer = await eventually(() => {
    const m = messages.find((d) => d[0] === MessageType.VoterKey);
    if (!m) throw new Error('no voter key answer yet');
    return m;
  });
  const d = decoding.createDecoder(new Uint8Array(answer));
  decoding.readVarUint(d);
  const status = decoding.readVarUint(d);
  const text = decoding.readVarString(d);
  return status === VoterKeyStatus.Issued ? { ws, key: text, refusal: null } : { ws, key: null, refusal: text };
}
