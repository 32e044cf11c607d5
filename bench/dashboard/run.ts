/**
 * Cohort dashboard benchmark: live board summaries over SSE against the naive approach of
 * syncing every team's full board document. See bench/CONTEXT.md.
 *
 *   npx tsx bench/dashboard/run.ts [--boards 30] [--items 500] [--edits 50] [--edit-boards 10]
 *     [--gap 200] [--same-board-edits 10] [--warm-reps 5] [--data-root /tmp] [--quiet-wait 60]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { recordsOf } from '../../shared/doc/boardDoc';
import type { BoardSummary } from '../../shared/api/dashboard';
import { MessageType } from '../../shared/protocol';
import { getItemType } from '../../exercises/registry';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { openSse, type SseEvent, type SseStream } from '../../server/dashboard/testing';
import { installExitHooks, killAllStarted, machineCpuMs, processCpuMs, processMemoryMb, ROOT, startOurs, type BenchServer } from '../relay/servers';
import { median, ms, summarize, table } from '../relay/stats';
import { syncFullDocument, type FullSync } from './naive';
import { seedCohort, type SeededCohort } from './seed';

const { values: args } = parseArgs({
  options: {
    boards: { type: 'string', default: '30' },
    items: { type: 'string', default: '500' },
    edits: { type: 'string', default: '50' },
    'edit-boards': { type: 'string', default: '10' },
    gap: { type: 'string', default: '200' },
    'same-board-edits': { type: 'string', default: '10' },
    'warm-reps': { type: 'string', default: '5' },
    'data-root': { type: 'string', default: os.tmpdir() },
    'quiet-wait': { type: 'string', default: '60' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(fs.readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
  process.exit(0);
}
const int = (name: string, raw: string, min: number, max: number) => {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`--${name} must be an integer in [${min}, ${max}], got "${raw}"`);
  return v;
};
const boardCount = int('boards', args.boards, 1, 200);
const itemCount = int('items', args.items, 0, 20_000);
const editCount = int('edits', args.edits, 1, 1000);
const editBoards = Math.min(boardCount, int('edit-boards', args['edit-boards'], 1, 200));
const gapMs = int('gap', args.gap, 0, 10_000);
const sameBoardEdits = int('same-board-edits', args['same-board-edits'], 0, 200);
const warmReps = int('warm-reps', args['warm-reps'], 1, 50);
const quietWaitS = int('quiet-wait', args['quiet-wait'], 0, 600);

const log = (text: string) => process.stderr.write(`${text}\n`);
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const rss = (server: BenchServer) => processMemoryMb(server.pid)?.rss ?? Number.NaN;

/** Waits (at most `quietWaitS`) for a quiet second on the machine; resolves with the last busy % of one core. */
async function waitForQuiet(): Promise<number | null> {
  const deadline = Date.now() + quietWaitS * 1000;
  for (;;) {
    const a = machineCpuMs();
    await sleep(1000);
    const b = machineCpuMs();
    if (!a || !b) return null;
    const busyPct = (b.busy - a.busy) / 10;
    if (busyPct < 25 || Date.now() >= deadline) return busyPct;
    log(`  machine busy (${busyPct.toFixed(0)}% of one core); waiting`);
  }
}

/** CPU of the machine outside the server and this process during a phase, in % of one core. */
function cpuMeter(serverPid: number) {
  const m0 = machineCpuMs();
  const s0 = processCpuMs(serverPid);
  const b0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const m1 = machineCpuMs();
    const s1 = processCpuMs(serverPid);
    const b = process.cpuUsage(b0);
    const wall = performance.now() - t0;
    if (!m0 || !m1 || s0 === null || s1 === null) return { serverPct: Number.NaN, otherPct: Number.NaN };
    const server = s1 - s0;
    const self = (b.user + b.system) / 1000;
    return { serverPct: (100 * server) / wall, otherPct: Math.max(0, (100 * (m1.busy - m0.busy - server - self)) / wall) };
  };
}

function liveUrl(server: BenchServer, cohort: SeededCohort): string {
  return `http://127.0.0.1:${server.port}/api/cohorts/${cohort.id}/live?token=${encodeURIComponent(cohort.trainerToken)}`;
}

/** Opens a live stream and waits for its snapshot: ms from the request to the snapshot's last byte, and its size. */
async function timedSnapshot(server: BenchServer, cohort: SeededCohort): Promise<{ stream: SseStream; ms: number; bytes: number; boards: BoardSummary[] }> {
  const started = performance.now();
  const stream = await openSse(liveUrl(server, cohort));
  if (stream.status !== 200) throw new Error(`live stream answered ${stream.status}: ${stream.body}`);
  const snapshot = await stream.next((e) => e.event === 'snapshot', 60_000);
  const boards = (JSON.parse(snapshot.data) as { boards: BoardSummary[] }).boards;
  if (boards.length !== cohort.boards.length) throw new Error(`snapshot has ${boards.length} boards, expected ${cohort.boards.length}`);
  return { stream, ms: snapshot.at - started, bytes: snapshot.bytes, boards };
}

interface Editor {
  boardId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  cards: number;
}

async function connectEditor(server: BenchServer, board: SeededCohort['boards'][number], cards: number): Promise<Editor> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, board.id, doc, {
    params: { token: board.tokens.editor, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  // Save confirmations (ack=1, as the app's client asks for them) are not needed here.
  provider.messageHandlers[MessageType.Ack] = () => {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`editor of ${board.id} did not sync`)), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { boardId: board.id, doc, provider, cards };
}

let cardSeq = 0;
/** Adds one typed card to the editor's board, as the canvas does (one transaction, one record). */
function addCard(editor: Editor): void {
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  f.item('knock', { program: `Bench card ${++cardSeq}` }, { x: 6000 + (cardSeq % 20) * 260, y: 2000 + Math.floor(cardSeq / 20) * 170 });
  const card = f.build().find((r) => r.type === 'pb-item-knock')!;
  card.id = `shape:bench-${cardSeq}`;
  recordsOf(editor.doc).set(card.id as string, card as never);
  editor.cards++;
}

/** Adds a card and waits for the live stream's summary of that board with the new count: the latency in ms. */
async function timedEdit(stream: SseStream, editor: Editor): Promise<number> {
  const from = stream.events.length;
  const started = performance.now();
  addCard(editor);
  const expected = editor.cards;
  const event: SseEvent = await stream.next(
    (e) => {
      if (e.event !== 'summary') return false;
      const s = JSON.parse(e.data) as BoardSummary;
      return s.boardId === editor.boardId && s.items === expected;
    },
    10_000,
    from,
  );
  return event.at - started;
}

async function main() {
  installExitHooks();
  // Every y-websocket provider adds a process 'exit' listener.
  process.setMaxListeners(100);
  const dataDir = fs.mkdtempSync(path.join(args['data-root'], 'dashboard-bench-'));
  const results: Record<string, unknown> = { startedAt: new Date().toISOString(), boards: boardCount, items: itemCount, dataDir };
  let server: BenchServer | null = null;
  try {
    log(`seeding ${boardCount} boards × ${itemCount} cards into ${dataDir} …`);
    const cohort = await seedCohort(dataDir, boardCount, itemCount);
    log(`seeded in ${ms(cohort.seedMs)} ms (${kb(cohort.docBytes)} per board document)`);
    results.seed = { ms: cohort.seedMs, docBytes: cohort.docBytes, stickies: cohort.stickies, connections: cohort.connections };

    // ---- the dashboard ----
    server = await startOurs(dataDir);
    await sleep(500);
    const rssBefore = rss(server);
    const quietBefore = await waitForQuiet();
    const dashboardCpu = cpuMeter(server.pid);
    log('cold snapshot …');
    const cold = await timedSnapshot(server, cohort);
    const rssAfterCold = rss(server);
    const first = cold.boards[0];
    if (first.items !== itemCount) throw new Error(`board summary has ${first.items} cards, expected ${itemCount}`);
    const thumbBytes = cold.boards.map((b) => Buffer.byteLength(b.thumbnail));
    log('warm snapshots …');
    const warm: number[] = [];
    for (let i = 0; i < warmReps; i++) {
      const w = await timedSnapshot(server, cohort);
      warm.push(w.ms);
      w.stream.close();
    }
    const summariesStarted = performance.now();
    const summariesRes = await fetch(`http://127.0.0.1:${server.port}/api/cohorts/${cohort.id}/summaries?token=${encodeURIComponent(cohort.trainerToken)}`);
    const summariesBody = await summariesRes.arrayBuffer();
    const summariesMs = performance.now() - summariesStarted;

    log(`connecting ${editBoards} editors …`);
    const editors: Editor[] = [];
    for (const board of cohort.boards.slice(0, editBoards)) editors.push(await connectEditor(server, board, itemCount));
    await sleep(1500); // presence and the rooms' first summaries settle
    log(`${editCount} edits, rotating over ${editBoards} boards, ${gapMs} ms apart …`);
    const latencies: number[] = [];
    for (let i = 0; i < editCount; i++) {
      latencies.push(await timedEdit(cold.stream, editors[i % editors.length]));
      await sleep(gapMs);
    }
    log(`${sameBoardEdits} edits on one board, 300 ms apart …`);
    const sameBoard: number[] = [];
    await sleep(1100);
    for (let i = 0; i < sameBoardEdits; i++) {
      sameBoard.push(await timedEdit(cold.stream, editors[0]));
      await sleep(300);
    }
    const dashboardLoad = dashboardCpu();
    const rssAfter = rss(server);
    const peak = processMemoryMb(server.pid)?.peak ?? Number.NaN;
    const streamBytes = cold.stream.events.reduce((n, e) => n + e.bytes, 0);
    const summaryEvents = cold.stream.events.filter((e) => e.event === 'summary');
    cold.stream.close();
    for (const e of editors) {
      e.provider.destroy();
      e.doc.destroy();
    }
    await server.stop();
    server = null;

    // ---- naive: every board's full document ----
    log(`naive: restarting the server, then ${boardCount} clients syncing full documents …`);
    server = await startOurs(dataDir);
    await sleep(500);
    const naiveRssBefore = rss(server);
    await waitForQuiet();
    const naiveCpu = cpuMeter(server.pid);
    const naive = async () => {
      const started = performance.now();
      const synced: FullSync[] = await Promise.all(cohort.boards.map((b) => syncFullDocument(server!.port, b.id, b.tokens.viewer)));
      const total = performance.now() - started;
      for (const s of synced) if (s.records < itemCount) throw new Error(`a full sync holds ${s.records} records, expected ≥ ${itemCount}`);
      return { totalMs: total, bytes: synced.reduce((n, s) => n + s.bytes, 0), slowestMs: Math.max(...synced.map((s) => s.ms)) };
    };
    const naiveCold = await naive();
    const naiveRssAfter = rss(server);
    const naiveWarm = await naive();
    const naiveLoad = naiveCpu();
    await server.stop();
    server = null;

    const edit = summarize(Float64Array.from(latencies));
    const same = summarize(Float64Array.from(sameBoard));
    results.dashboard = {
      cold: { ms: cold.ms, bytes: cold.bytes },
      warm: { ms: warm, median: median(warm) },
      summaries: { ms: summariesMs, bytes: summariesBody.byteLength },
      thumbnailBytes: { max: Math.max(...thumbBytes), median: median(thumbBytes) },
      latency: { rotating: { ...edit, values: latencies }, sameBoard: { ...same, values: sameBoard } },
      stream: { bytes: streamBytes, summaryEvents: summaryEvents.length },
      rssMb: { before: rssBefore, afterCold: rssAfterCold, after: rssAfter, peak },
      cpu: { busyBeforePct: quietBefore, ...dashboardLoad },
    };
    results.naive = { cold: naiveCold, warm: naiveWarm, rssMb: { before: naiveRssBefore, after: naiveRssAfter }, cpu: naiveLoad };

    const rows: string[][] = [
      ['dashboard', 'cold: first `snapshot` event', `${ms(cold.ms)} ms`, `${kb(cold.bytes)} (${boardCount} summaries)`],
      ['dashboard', 'warm: second subscriber', `${ms(warm[0])} ms`, `median of ${warmReps}: ${ms(median(warm))} ms`],
      ['dashboard', 'GET …/summaries (warm)', `${ms(summariesMs)} ms`, kb(summariesBody.byteLength)],
      ['dashboard', 'thumbnail per board', '', `median ${kb(median(thumbBytes))}, max ${kb(Math.max(...thumbBytes))}`],
      [
        'dashboard',
        `card added → its \`summary\` (${editCount}, over ${editBoards} boards)`,
        `p50 ${ms(edit.p50)} ms`,
        `p95 ${ms(edit.p95)} ms, max ${ms(edit.max)} ms`,
      ],
      ['dashboard', `same board every 300 ms (${sameBoardEdits}, throttled)`, `p50 ${ms(same.p50)} ms`, `p95 ${ms(same.p95)} ms, max ${ms(same.max)} ms`],
      ['dashboard', 'stream total (snapshot + summaries)', kb(streamBytes), `${summaryEvents.length} summary events`],
      ['dashboard', 'server RSS before → after cold → end', `${rssBefore.toFixed(0)} → ${rssAfterCold.toFixed(0)} → ${rssAfter.toFixed(0)} MB`, `peak ${peak.toFixed(0)} MB (${editBoards} rooms open)`],
      ['naive', `${boardCount} clients sync full documents (cold)`, `${ms(naiveCold.totalMs)} ms`, `${mb(naiveCold.bytes)} received`],
      ['naive', `${boardCount} clients sync full documents (warm)`, `${ms(naiveWarm.totalMs)} ms`, `${mb(naiveWarm.bytes)} received`],
      ['naive', 'server RSS before → after', `${naiveRssBefore.toFixed(0)} → ${naiveRssAfter.toFixed(0)} MB`, `${boardCount} rooms open`],
      ['machine', 'other CPU (dashboard / naive phases)', `${dashboardLoad.otherPct.toFixed(0)} / ${naiveLoad.otherPct.toFixed(0)} %`, `% of one core outside server and bench${dashboardLoad.otherPct > 40 || naiveLoad.otherPct > 40 ? '; NOISY' : ''}`],
      ['ratio', 'naive / dashboard, bytes (cold)', `${(naiveCold.bytes / cold.bytes).toFixed(0)}×`, ''],
      ['ratio', 'naive / dashboard, time (cold)', `${(naiveCold.totalMs / cold.ms).toFixed(1)}×`, ''],
    ];
    const out = table(['approach', 'measure', 'value', 'detail'], rows, 2, [3]);
    console.log(`\nCohort dashboard: ${boardCount} boards × ${itemCount} typed cards (+${cohort.stickies} stickies, ${cohort.connections} typed arrows), ${kb(cohort.docBytes)} per board document\n`);
    console.log(out);
    const resultsDir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ ...results, table: out }, null, 2)}\n`);
    log(`\nresults: ${path.relative(ROOT, file)}`);
  } finally {
    if (server) await server.stop();
    killAllStarted();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAllStarted();
    process.exit(1);
  },
);
