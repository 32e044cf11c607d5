/**
 * How long a board's room takes to load from storage, in this process, and where the time goes.
 *
 *   npx tsx bench/relay/roomLoad.ts [--shapes 5000] [--reps 15] [--log 499]
 *
 * A board with `--shapes` geo shape records is written into a fresh SQLite file, once as one
 * compacted state and once as the compacted state of its template plus `--log` further updates of
 * `shapes / log` records each (a board between two compactions: the log is folded into the
 * compacted state at 500 updates). Each repetition opens the file again (a cold SQLite page cache, as
 * after a restart; the operating system's file cache stays warm) and times a real `Room` from
 * its creation until it is ready (the `ms` of the server's `board.load` log line). The
 * frames the room answers a client that has nothing with are made and timed, and the event
 * loop's longest block over both is taken (what another room's messages wait at most); encoding
 * the whole document as one sync step 2 is timed apart, after that window. The same
 * steps are then timed one by one: reading storage, applying the stored updates (with Yjs's own
 * decoding and with the room's fast one), the repair check, the lock guard's set-up. See bench/CONTEXT.md.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { recordsOf } from '../../shared/doc/boardDoc';
import { prepareBoard } from '../../server/boards/boardLinks';
import { DEFAULT_LIMITS } from '../../server/sync/relayLimits';
import { boardState } from '../../server/dashboard/testing';
import { silentLogger } from '../../server/runtime/log';
import { repairBoardDoc } from '../../server/sync/documentRepair';
import { LockGuard } from '../../server/sync/LockGuard';
import { syncStep2 } from '../../server/sync/messages';
import { Room } from '../../server/sync/Room';
import { openSqliteStorage } from '../../server/migrations';
import { applyUpdateFast } from '../../shared/fastUpdateDecoding';
import { shapeRecord } from './coldLoad';
import { median } from './stats';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const SHAPES = Number(arg('shapes', '5000'));
const REPS = Number(arg('reps', '15'));
const LOG = Number(arg('log', '499'));

type Variant = 'compacted' | 'log';

async function seed(file: string, variant: Variant): Promise<string> {
  const storage = openSqliteStorage(file);
  try {
    const p = prepareBoard({ template: 'blank', title: 'Load benchmark', region: 'Bench', sector: 'Manufacturing' });
    const records = Array.from({ length: SHAPES }, (_, i) => shapeRecord(i) as unknown as Record<string, unknown>);
    if (variant === 'compacted') {
      await storage.createBoard(p.row, p.tokenRows, boardState(p.row, records));
      return p.row.id;
    }
    const initial = boardState(p.row);
    await storage.createBoard(p.row, p.tokenRows, initial);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial);
    const kv = recordsOf(doc);
    const per = Math.ceil(SHAPES / LOG);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < SHAPES; i += per) {
      doc.transact(() => {
        for (let j = i; j < Math.min(SHAPES, i + per); j++) kv.set(`shape:${j}`, shapeRecord(j));
      });
    }
    await storage.appendUpdates(p.row.id, 'board', updates);
    return p.row.id;
  } finally {
    await storage.close();
  }
}

interface Steps {
  room: number;
  /** Encoding the first sync step 2 for a client that has nothing (the whole board). */
  sync: number;
  /**
   * Longest time the event loop was blocked during the load and that encoding (a 1 ms timer's
   * worst lateness): the most any other room's messages wait for this board to open.
   */
  stall: number;
  /** Encoding the whole document as one sync step 2 (what the first sync cost before the room kept its stored state). */
  encode: number;
  read: number;
  /** Y.applyUpdate as Yjs does it (lib0's string decoding). */
  applyLib0: number;
  /** As the room does it (shared/fastUpdateDecoding.ts). */
  apply: number;
  repair: number;
  guard: number;
}

async function measure(file: string, boardId: string): Promise<Steps> {
  // The room as the relay creates it.
  let storage = openSqliteStorage(file);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // The histogram counts from its timer's first tick: let it tick before the loop is blocked.
  await new Promise((r) => setTimeout(r, 5));
  let t = performance.now();
  const room = new Room(boardId, 'board', storage, DEFAULT_LIMITS, silentLogger, () => {});
  await room.loaded;
  const roomMs = performance.now() - t;
  t = performance.now();
  // The frames the room answers a first visit with (a client with an empty state vector).
  (room as unknown as { syncStep2For(sv: Uint8Array): Uint8Array[] }).syncStep2For(Y.encodeStateVector(new Y.Doc()));
  const sync = performance.now() - t;
  await new Promise((r) => setTimeout(r, 5));
  loop.disable();
  const stall = loop.max / 1e6;
  t = performance.now();
  syncStep2(room.doc);
  const encode = performance.now() - t;
  // Not unloaded: that would compact the log variant's updates into its compacted state.
  await storage.close();

  // The same steps, one by one, on a freshly opened file.
  storage = openSqliteStorage(file);
  t = performance.now();
  const stored = await storage.loadDoc(boardId, 'board');
  const read = performance.now() - t;
  const lib0Doc = new Y.Doc();
  t = performance.now();
  Y.transact(lib0Doc, () => {
    if (stored.compacted) Y.applyUpdate(lib0Doc, stored.compacted);
    for (const u of stored.updates) Y.applyUpdate(lib0Doc, u);
  });
  const applyLib0 = performance.now() - t;
  lib0Doc.destroy();
  const doc = new Y.Doc();
  t = performance.now();
  Y.transact(doc, () => {
    if (stored.compacted) applyUpdateFast(doc, stored.compacted);
    for (const u of stored.updates) applyUpdateFast(doc, u);
  });
  const apply = performance.now() - t;
  t = performance.now();
  repairBoardDoc(doc, 'repair');
  const repair = performance.now() - t;
  t = performance.now();
  new LockGuard(doc, () => {});
  const guard = performance.now() - t;
  doc.destroy();
  await storage.close();
  return { room: roomMs, sync, encode, stall, read, applyLib0, apply, repair, guard };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-room-load-'));
  try {
    console.log(`Room load: ${SHAPES} shapes, ${REPS} repetitions (medians, min–max), ms`);
    console.log('variant    stored                   room ready     first sync     encode whole   longest stall  read storage   apply (lib0)   apply (fast)   repair check   lock guard');
    for (const variant of ['compacted', 'log'] as Variant[]) {
      const file = path.join(dir, `${variant}.sqlite`);
      const boardId = await seed(file, variant);
      const probe = openSqliteStorage(file);
      const stored = await probe.loadDoc(boardId, 'board');
      await probe.close();
      const bytes = (stored.compacted?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0);
      const what = `${stored.compacted ? 1 : 0} snap + ${stored.updates.length} upd, ${(bytes / 1024).toFixed(0)} KB`;
      // One warm-up: module code compiled, as in a running server.
      await measure(file, boardId);
      const runs: Steps[] = [];
      for (let i = 0; i < REPS; i++) runs.push(await measure(file, boardId));
      const cell = (k: keyof Steps) => {
        const xs = runs.map((r) => r[k]);
        return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}) `.padEnd(15);
      };
      console.log(`${variant.padEnd(11)}${what.padEnd(25)}${cell('room')}${cell('sync')}${cell('encode')}${cell('stall')}${cell('read')}${cell('applyLib0')}${cell('apply')}${cell('repair')}${cell('guard')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  // The rooms are left loaded (unloading would compact the log variant): their timers would keep
  // the process alive.
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
