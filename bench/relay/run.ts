/**
 * Relay benchmark: our server (SQLite persistence on) against the reference y-websocket@1.5.4
 * server (in memory), then cold load of a large board on ours. See bench/CONTEXT.md.
 *
 *   npm run bench:relay -- [--scenarios 20x100,50x200,100x300] [--seconds 10] [--warmup 2]
 *     [--drain 3] [--parts fanout,load] [--servers ours,ref] [--verifiers 3] [--without-ack]
 *     [--shapes 5000] [--load-reps 5] [--skip-log-variant] [--profile]
 *     [--ours-env KEY=VALUE,...] [--data-root /dev/shm] [--quiet-wait 10] [--noisy-cpu 40]
 *     [--rounds 1]
 *
 * With --rounds N, each scenario runs N times on each server, the order alternating from round
 * to round (ours first, then ref first, …), and the ratio table gives the median of the rounds'
 * ratios: one noisy run then moves the figure little.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runColdLoad, type ColdLoadResult } from './coldLoad';
import { runFanout, type FanoutResult } from './fanout';
import {
  buildOurs,
  createBoard,
  installExitHooks,
  machineCpuMs,
  killAllStarted,
  ROOT,
  startOurs,
  startRef,
  type BenchServer,
  type ServerKind,
} from './servers';
import { ms, table } from './stats';

const { values: args } = parseArgs({
  options: {
    scenarios: { type: 'string', default: '20x100,50x200,100x300' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    drain: { type: 'string', default: '3' },
    parts: { type: 'string', default: 'fanout,load' },
    servers: { type: 'string', default: 'ours,ref' },
    verifiers: { type: 'string', default: '3' },
    'without-ack': { type: 'boolean', default: false },
    shapes: { type: 'string', default: '5000' },
    'load-reps': { type: 'string', default: '5' },
    'skip-log-variant': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '10' },
    'noisy-cpu': { type: 'string', default: '40' },
    'ours-env': { type: 'string', default: '' },
    'data-root': { type: 'string', default: os.tmpdir() },
    rounds: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(fs.readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
  process.exit(0);
}

function num(name: string, raw: string, min: number, max: number): number {
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`--${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return v;
}

const seconds = num('seconds', args.seconds, 1, 300);
const warmupS = num('warmup', args.warmup, 0, 60);
const drainS = num('drain', args.drain, 0, 60);
const verifiers = Math.floor(num('verifiers', args.verifiers, 0, 50));
const shapes = Math.floor(num('shapes', args.shapes, 1, 100_000));
const loadReps = Math.floor(num('load-reps', args['load-reps'], 1, 50));
const quietWaitS = num('quiet-wait', args['quiet-wait'], 0, 120);
const noisyCpuPct = num('noisy-cpu', args['noisy-cpu'], 0, 1000);
const rounds = Math.floor(num('rounds', args.rounds, 1, 20));
const scenarios = args.scenarios
  .split(',')
  .filter(Boolean)
  .map((s) => {
    const m = /^(\d+)x(\d+)$/.exec(s.trim());
    if (!m) throw new Error(`bad scenario "${s}", expected <clients>x<updates per second>`);
    return { clients: num('scenarios', m[1], 2, 1000), rate: num('scenarios', m[2], 1, 10_000) };
  });
const parts = new Set(args.parts.split(','));
const servers = args.servers.split(',').filter((s): s is ServerKind => s === 'ours' || s === 'ref');
const useAck = !args['without-ack'];
const profileDir = path.join(ROOT, 'bench', 'results', 'profiles');
/** Extra environment for our server in the fan-out runs, e.g. `COMPACT_AFTER_UPDATES=100000`. */
const oursEnv: Record<string, string> = Object.fromEntries(
  args['ours-env']
    .split(',')
    .filter(Boolean)
    .map((kv) => {
      const i = kv.indexOf('=');
      if (i <= 0) throw new Error(`bad --ours-env entry "${kv}", expected KEY=VALUE`);
      return [kv.slice(0, i), kv.slice(i + 1)];
    }),
);
const dataRoot = args['data-root'];

const log = (line: string) => process.stderr.write(`${line}\n`);

// Every loop below is bounded; this is the last line of defence against a hang.
const budgetS =
  (parts.has('fanout') ? rounds * scenarios.length * servers.length * (2 * (warmupS + seconds + drainS + 30) + quietWaitS) : 0) +
  (parts.has('load') ? 120 + loadReps * 2 * 45 : 0);
setTimeout(() => {
  log(`benchmark exceeded its ${budgetS} s budget; stopping`);
  killAllStarted();
  process.exit(2);
}, budgetS * 1000).unref();

installExitHooks();

/**
 * Waits (at most `quietWaitS`) until the machine has been quiet for a second: other work on a
 * 2-core box shows up directly in the latency tails. Returns the busy % of the last second.
 */
async function waitForQuiet(): Promise<number | null> {
  const deadline = Date.now() + quietWaitS * 1000;
  for (;;) {
    const a = machineCpuMs();
    await new Promise((r) => setTimeout(r, 1000));
    const b = machineCpuMs();
    if (!a || !b) return null;
    const busyPct = (b.busy - a.busy) / 10;
    if (busyPct < 25 || Date.now() >= deadline) return busyPct;
    log(`  machine busy (${busyPct.toFixed(0)}% of one core); waiting`);
  }
}

interface FanoutRow extends FanoutResult {
  server: ServerKind;
  compactions: number | null;
  /** Duration of each compaction our server logged during the run. */
  compactMs: number[];
  /** Machine CPU (% of one core) in the second before the run; runs repeated because of noise. */
  busyBeforePct: number | null;
  attempts: number;
  /** Which of the --rounds this run belongs to (1-based). */
  round: number;
}

async function fanoutOn(kind: ServerKind, scenario: { clients: number; rate: number }): Promise<FanoutRow> {
  let server: BenchServer | null = null;
  let dataDir: string | null = null;
  // One directory per run: Node writes one profile per thread (the main thread's is the `.0.` one).
  const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, `${kind}-${scenario.clients}x${scenario.rate}`)}`] : [];
  try {
    let urlFor: (i: number) => string;
    if (kind === 'ours') {
      dataDir = fs.mkdtempSync(path.join(dataRoot, 'relay-bench-'));
      server = await startOurs(dataDir, oursEnv, nodeArgs);
      const board = await createBoard(server.port);
      const url = `ws://127.0.0.1:${server.port}/ws/${board.id}?token=${encodeURIComponent(board.editorToken)}${useAck ? '&ack=1' : ''}`;
      urlFor = () => url;
    } else {
      server = await startRef(args.profile ? ['--require', path.join(ROOT, 'bench', 'relay', 'exitOnSignal.cjs'), ...nodeArgs] : []);
      const url = `ws://127.0.0.1:${server.port}/bench-${scenario.clients}x${scenario.rate}`;
      urlFor = () => url;
    }
    const result = await runFanout({ ...scenario, warmupS, seconds, drainS, verifiers }, urlFor, server.pid);
    const compactMs = server.events.filter((e) => e.event === 'board.compact').map((e) => Number(e.ms));
    return { server: kind, compactions: kind === 'ours' ? compactMs.length : null, compactMs, busyBeforePct: null, attempts: 1, round: 1, ...result };
  } finally {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function fanoutTable(rows: FanoutRow[]): string {
  return table(
    ['round', 'server', 'N x R/s', 'sent', 'expected', 'delivered', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'srv CPU%', 'srv RSS MB', 'gen CPU%', 'other CPU%', 'notes'],
    rows.map((r) => {
      const notes: string[] = [];
      if (r.disconnects.length) notes.push(`${r.disconnects.length} disconnects (${[...new Set(r.disconnects.map((d) => d.code))].join(',')})`);
      if (r.duplicates) notes.push(`${r.duplicates} dup`);
      if (r.outOfOrder) notes.push(`${r.outOfOrder} out-of-order`);
      if (r.verifiers.checked) notes.push(`verified ${r.verifiers.ok}/${r.verifiers.checked}`);
      if (r.compactions !== null) notes.push(`${r.compactions} compactions`);
      if (r.attempts > 1) notes.push('repeated (noise)');
      if (r.otherCpuPct !== null && r.otherCpuPct >= noisyCpuPct) notes.push('NOISY');
      if (r.genLoopDelayP99Ms > 20) notes.push(`gen loop p99 ${r.genLoopDelayP99Ms.toFixed(0)} ms`);
      if (r.stealPct !== null && r.stealPct > 5) notes.push(`steal ${r.stealPct.toFixed(0)}%`);
      return [
        String(r.round),
        r.server,
        `${r.clients}x${r.rate}`,
        String(r.sent),
        String(r.expected),
        String(r.delivered),
        String(r.lost),
        ms(r.latencyMs.p50),
        ms(r.latencyMs.p95),
        ms(r.latencyMs.p99),
        ms(r.latencyMs.max),
        r.serverCpuPct === null ? '-' : r.serverCpuPct.toFixed(0),
        r.serverPeakRssMb === null ? '-' : r.serverPeakRssMb.toFixed(0),
        r.genCpuPct.toFixed(0),
        r.otherCpuPct === null ? '-' : r.otherCpuPct.toFixed(0),
        notes.join('; '),
      ];
    }),
    3,
    [15],
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Ours ÷ ref per scenario: per round, and the median over the rounds. */
function ratioTable(rows: FanoutRow[]): string | null {
  const out: string[][] = [];
  const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
  for (const s of scenarios) {
    const p50: number[] = [];
    const p99: number[] = [];
    const cpu: number[] = [];
    const lost: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      const pick = (server: ServerKind) => rows.find((r) => r.server === server && r.round === round && r.clients === s.clients && r.rate === s.rate);
      const ours = pick('ours');
      const ref = pick('ref');
      if (!ours || !ref) continue;
      p50.push(ours.latencyMs.p50 / ref.latencyMs.p50);
      p99.push(ours.latencyMs.p99 / ref.latencyMs.p99);
      if (ours.serverCpuPct !== null && ref.serverCpuPct) cpu.push(ours.serverCpuPct / ref.serverCpuPct);
      lost.push(`${ours.lost} / ${ref.lost}`);
    }
    if (p99.length === 0) continue;
    out.push([
      `${s.clients}x${s.rate}`,
      fixed(median(p50)),
      fixed(median(p99)),
      p99.map(fixed).join(' '),
      cpu.length ? fixed(median(cpu)) : '-',
      lost.join(', '),
    ]);
  }
  if (out.length === 0) return null;
  return table(['N x R/s', 'p50 ours/ref (median)', 'p99 ours/ref (median)', 'p99 ours/ref per round', 'CPU ours/ref', 'lost ours / ref'], out);
}

function loadTable(results: ColdLoadResult[]): string {
  return table(
    ['variant', 'shapes', 'log rows', 'compacted B', 'sqlite B', 'wal B', 'synced min/med ms', 'all records min/med ms', 'server load min/med ms'],
    results.map((r) => [
      r.variant,
      String(r.shapes),
      r.logUpdates === null ? '-' : String(r.logUpdates),
      r.compactedBytes === null ? '-' : String(r.compactedBytes),
      String(r.sqliteBytes),
      String(r.walBytes),
      `${ms(r.syncedMs.min)} / ${ms(r.syncedMs.median)}`,
      `${ms(r.recordsMs.min)} / ${ms(r.recordsMs.median)}`,
      `${ms(r.serverLoadMs.min)} / ${ms(r.serverLoadMs.median)}`,
    ]),
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const fanoutRows: FanoutRow[] = [];
  const loadResults: ColdLoadResult[] = [];
  const errors: string[] = [];
  if (args.profile) fs.mkdirSync(profileDir, { recursive: true });
  // Before any run's quiet wait: the build itself is a few seconds of CPU.
  if (servers.includes('ours')) {
    process.stderr.write('building our server (scripts/build-server.mjs)\n');
    buildOurs();
  }

  if (parts.has('fanout')) {
    for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      // Alternate which server goes first, so a drift in the machine's load favours neither.
      for (const kind of round % 2 === 1 ? servers : [...servers].reverse()) {
        log(`fan-out${rounds > 1 ? ` round ${round}/${rounds}` : ''} ${kind} ${scenario.clients}x${scenario.rate}: ${warmupS} s warm-up, ${seconds} s measured, ${drainS} s drain`);
        try {
          let row: FanoutRow | null = null;
          for (let attempt = 1; attempt <= 2; attempt++) {
            const busyBeforePct = await waitForQuiet();
            row = { ...(await fanoutOn(kind, scenario)), busyBeforePct, attempts: attempt, round };
            log(
              `  p50 ${ms(row.latencyMs.p50)} ms, p99 ${ms(row.latencyMs.p99)} ms, lost ${row.lost}/${row.expected}, other CPU ${row.otherCpuPct?.toFixed(0) ?? '?'}%`,
            );
            if (row.otherCpuPct === null || row.otherCpuPct < noisyCpuPct) break;
            if (attempt === 1) log(`  other work used ${row.otherCpuPct.toFixed(0)}% of a core during the run; repeating it once`);
          }
          fanoutRows.push(row!);
        } catch (error) {
          const message = `fan-out ${kind} ${scenario.clients}x${scenario.rate} failed: ${(error as Error).message}`;
          log(message);
          errors.push(message);
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    }
  }

  if (parts.has('load')) {
    const variants = args['skip-log-variant'] ? (['compacted'] as const) : (['compacted', 'log'] as const);
    for (const variant of variants) {
      log(`cold load (${variant}): ${shapes} shapes, ${loadReps} restarts`);
      try {
        await waitForQuiet();
        loadResults.push(await runColdLoad({ variant, shapes, reps: loadReps }, log));
      } catch (error) {
        const message = `cold load ${variant} failed: ${(error as Error).message}`;
        log(message);
        errors.push(message);
      }
    }
  }

  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Relay benchmark: ${os.cpus().length} CPUs, Node ${process.version}; ours = server/main.ts (SQLite, ${useAck ? 'ack=1' : 'no ack'}), ref = y-websocket@1.5.4 bin/server.js (in memory)`,
  );
  if (fanoutRows.length) {
    lines.push('');
    lines.push(`Fan-out: one board, N clients, R updates/s in total (round-robin senders), ${seconds} s measured after ${warmupS} s warm-up, ${drainS} s drain.`);
    lines.push('Latency = send → receipt per (update, receiver). CPU in % of one core over the measured window: srv = server process,');
    lines.push('gen = this load generator, other = everything else on the machine (noise; high values make the row unreliable).');
    lines.push('');
    lines.push(fanoutTable(fanoutRows));
    const ratios = ratioTable(fanoutRows);
    if (ratios) {
      lines.push('');
      lines.push(ratios);
    }
  }
  if (loadResults.length) {
    lines.push('');
    lines.push(`Cold load: fresh client → synced / all shapes in recordsOf(doc), server restarted before each of ${loadReps} runs.`);
    lines.push('');
    lines.push(loadTable(loadResults));
  }
  if (errors.length) {
    lines.push('');
    lines.push('Errors:');
    for (const e of errors) lines.push(`  ${e}`);
  }

  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const jsonFile = path.join(resultsDir, `relay-${stamp}.json`);
  fs.writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        startedAt: new Date(started).toISOString(),
        durationS: (Date.now() - started) / 1000,
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
        options: { scenarios, seconds, warmupS, drainS, verifiers, ack: useAck, oursEnv, dataRoot, shapes, loadReps, rounds },
        fanout: fanoutRows,
        coldLoad: loadResults,
        errors,
      },
      null,
      2,
    )}\n`,
  );
  lines.push('');
  lines.push(`Results: ${path.relative(ROOT, jsonFile)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (args.profile) lines.push(`CPU profiles: ${path.relative(ROOT, profileDir)}`);
  console.log(lines.join('\n'));
  process.exitCode = errors.length ? 1 : 0;
}

main()
  .catch((error) => {
    log(`benchmark failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    killAllStarted();
    // Sockets of destroyed providers may still be closing; nothing else is left to wait for.
    process.exit(process.exitCode ?? 0);
  });
