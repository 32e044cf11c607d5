import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type { TLRecord } from '@tldraw/tlschema';
import { recordsOf } from '../../shared/doc/boardDoc';
import { MessageType } from '../../shared/protocol';
import { createBoard, fileSize, startOurs, type BenchServer, type Board } from './servers';
import { median } from './stats';

/**
 * Cold load of a large board: a board with `shapes` tldraw-like shape records is written, the
 * server is restarted, and a fresh client connects to the (not yet loaded) board. Measured from
 * creating the client's provider to `synced` and to all shapes being present in its records
 * view; the server's own `board.load` log line gives the storage + replay part.
 *
 * Variants:
 *  - `compacted`: shapes written in 10 transactions with default settings; after the writer has
 *    left, the server is stopped with SIGTERM, which compacts the log on unload, so the board
 *    loads from one compacted state.
 *  - `log`: compaction held off (COMPACT_AFTER_UPDATES) and every shape written as its own update;
 *    the server is stopped with SIGKILL (everything acknowledged is committed), so the board loads
 *    by replaying the whole update log: the worst case.
 */

export type ColdLoadVariant = 'compacted' | 'log';

export interface ColdLoadOptions {
  variant: ColdLoadVariant;
  shapes: number;
  reps: number;
}

export interface ColdLoadRep {
  /** Provider created → first `synced`. */
  syncedMs: number;
  /** Provider created → every shape present in `recordsOf(doc)`. */
  recordsMs: number;
  /** Server's `board.load` duration (storage read + applying the compacted state and log). */
  serverLoadMs: number | null;
  serverStartupMs: number;
}

export interface ColdLoadResult {
  variant: ColdLoadVariant;
  shapes: number;
  writeMs: number;
  /** Rows in the update log and the compacted state's size the server reported when loading. */
  logUpdates: number | null;
  compactedBytes: number | null;
  sqliteBytes: number;
  walBytes: number;
  reps: ColdLoadRep[];
  recordsMs: { min: number; median: number };
  syncedMs: { min: number; median: number };
  serverLoadMs: { min: number; median: number };
}

const VARIANT_ENV: Record<ColdLoadVariant, Record<string, string>> = {
  compacted: {},
  // 5,000 single-record frames in a burst would trip the per-connection rate limit.
  log: { COMPACT_AFTER_UPDATES: '10000000', MAX_MESSAGES_PER_SECOND: '1000000', MAX_MESSAGE_BURST: '1000000' },
};

export function shapeRecord(n: number): TLRecord {
  return {
    id: `shape:${n}`,
    typeName: 'shape',
    type: 'geo',
    x: (n % 100) * 120,
    y: Math.floor(n / 100) * 100,
    rotation: 0,
    // One fractional index for all (ties sort by id); `a${n}` is not one for every n.
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: 100,
      h: 80,
      geo: 'rectangle',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Item ${n}` }] }] },
    },
  } as unknown as TLRecord;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  acks: Map<number, number>[];
  closes: number[];
  destroy(): void;
}

function connect(server: BenchServer, board: Board, doc: Y.Doc): Client {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, board.id, doc, {
    params: { token: board.editorToken, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client: Client = {
    doc,
    provider,
    acks: [],
    closes: [],
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MessageType.Ack] = (_enc, decoder) => {
    client.acks.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  provider.on('connection-close', (event) => {
    if (event) client.closes.push(event.code);
  });
  return client;
}

function allAcked(client: Client): boolean {
  const last = client.acks.at(-1);
  if (!last) return false;
  for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
    if ((last.get(id) ?? 0) < clock) return false;
  }
  return true;
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function countShapes(kv: ReturnType<typeof recordsOf>, atLeast: number): number {
  if (kv.map.size < atLeast) return 0;
  let n = 0;
  for (const key of kv.map.keys()) if (key.startsWith('shape:')) n++;
  return n;
}

export async function runColdLoad(opts: ColdLoadOptions, log: (line: string) => void = () => {}): Promise<ColdLoadResult> {
  const env = VARIANT_ENV[opts.variant];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `relay-bench-load-${opts.variant}-`));
  const stopServer = (s: BenchServer) => (opts.variant === 'log' ? s.kill9() : s.stop());
  let server: BenchServer | null = null;
  try {
    // 1. Write the shapes and wait until the server has acknowledged all of them.
    server = await startOurs(dataDir, env);
    const board = await createBoard(server.port, 'Cold load board');
    const writer = connect(server, board, new Y.Doc());
    const writeStarted = performance.now();
    try {
      await until(() => writer.provider.synced, 15_000, 'writer sync');
      const kv = recordsOf(writer.doc);
      const perTx = opts.variant === 'log' ? 1 : Math.ceil(opts.shapes / 10);
      for (let start = 0; start < opts.shapes; start += perTx) {
        writer.doc.transact(() => {
          for (let n = start; n < Math.min(opts.shapes, start + perTx); n++) kv.set(`shape:${n}`, shapeRecord(n));
        });
      }
      await until(() => allAcked(writer), 120_000, 'the server to acknowledge every shape');
      if (writer.closes.length > 0) throw new Error(`writer was disconnected: ${writer.closes.join(',')}`);
    } finally {
      writer.destroy();
    }
    const writeMs = performance.now() - writeStarted;
    // Let the server see the disconnect first: on SIGTERM it only unloads (and compacts) rooms
    // that have no connection left.
    const srv = server;
    await until(() => srv.events.some((e) => e.event === 'conn.close'), 5_000, 'the server to see the writer leave');
    await stopServer(server);
    server = null;
    const dbFile = path.join(dataDir, 'boards.sqlite');
    const sqliteBytes = fileSize(dbFile);
    const walBytes = fileSize(`${dbFile}-wal`);
    log(`  ${opts.variant}: wrote ${opts.shapes} shapes in ${Math.round(writeMs)} ms; db ${sqliteBytes} B, wal ${walBytes} B`);

    // 2. Restart before every repetition, so the board is never in memory when the client comes.
    const reps: ColdLoadRep[] = [];
    let logUpdates: number | null = null;
    let compactedBytes: number | null = null;
    for (let r = 0; r < opts.reps; r++) {
      server = await startOurs(dataDir, env);
      const doc = new Y.Doc();
      const kv = recordsOf(doc);
      let syncedMs = NaN;
      let recordsMs = NaN;
      const started = performance.now();
      const reader = connect(server, board, doc);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('cold load did not complete in 60 s')), 60_000);
          const check = () => {
            if (!Number.isNaN(recordsMs) || !reader.provider.synced) return;
            if (countShapes(kv, opts.shapes) >= opts.shapes) {
              recordsMs = performance.now() - started;
              clearTimeout(timer);
              resolve();
            }
          };
          reader.provider.on('sync', (synced: boolean) => {
            if (synced && Number.isNaN(syncedMs)) syncedMs = performance.now() - started;
            check();
          });
          doc.on('update', check);
        });
      } finally {
        reader.destroy();
      }
      const loadEvent = server.events.find((e) => e.event === 'board.load');
      if (loadEvent) {
        logUpdates = Number(loadEvent.updates);
        compactedBytes = Number(loadEvent.compactedBytes);
      }
      reps.push({
        syncedMs,
        recordsMs,
        serverLoadMs: loadEvent ? Number(loadEvent.ms) : null,
        serverStartupMs: server.startupMs,
      });
      log(`  ${opts.variant} rep ${r + 1}: synced ${syncedMs.toFixed(1)} ms, all records ${recordsMs.toFixed(1)} ms, server load ${loadEvent?.ms ?? '?'} ms`);
      await stopServer(server);
      server = null;
    }
    const pick = (f: (r: ColdLoadRep) => number | null) => {
      const v = reps.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
      return { min: v.length ? Math.min(...v) : NaN, median: median(v) };
    };
    return {
      variant: opts.variant,
      shapes: opts.shapes,
      writeMs,
      logUpdates,
      compactedBytes,
      sqliteBytes,
      walBytes,
      reps,
      recordsMs: pick((r) => r.recordsMs),
      syncedMs: pick((r) => r.syncedMs),
      serverLoadMs: pick((r) => r.serverLoadMs),
    };
  } finally {
    if (server) await server.kill9();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
