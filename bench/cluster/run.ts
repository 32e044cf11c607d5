import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { runFanout, type FanoutResult } from '../relay/fanout';
import { createBoard, installExitHooks, killAllStarted, ROOT, startOurs, type BenchServer } from '../relay/servers';
import { median, ms } from '../relay/stats';

/**
 * The distributed mode's costs, on two app nodes over one PostgreSQL database:
 *
 * - fan-out: N clients on one board at R updates/s in total, all connected to the board's
 *   owner, or half of them to the other node (their sockets piped through it to the owner);
 *   latency from send to receipt at every other client, p50/p99.
 * - time-to-serve: the owner is killed (SIGKILL) while a client edits; how long until a client
 *   connecting to the other node has the board synced again (lease TTL 10 s, the default).
 *
 * Usage: npm run bench:cluster -- [--clients 20] [--rate 100] [--seconds 10] [--rounds 3] [--kills 3]
 * Runs under `flock /tmp/pb-heavy.lock` on a shared machine.
 */

const args = parseArgs(process.argv.slice(2));
const clients = Number(args.clients ?? 20);
const rate = Number(args.rate ?? 100);
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 3);
const kills = Number(args.kills ?? 3);

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** A fresh database on the local PostgreSQL (scripts/postgres-up.sh starts it and prints its URL). */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = execFileSync('bash', [path.join(ROOT, 'scripts', 'postgres-up.sh')], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const name = `bench_cluster_${process.pid}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function startNode(databaseUrl: string): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-bench-'));
  return startOurs(dataDir, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
}

/** Opens a socket to a board on `port` and resolves once the room has answered (the node holds the lease). */
async function holdBoard(port: number, board: { id: string; editorToken: string }): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${board.id}?token=${encodeURIComponent(board.editorToken)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

async function fanout(a: BenchServer, b: BenchServer, split: boolean): Promise<FanoutResult> {
  const board = await createBoard(a.port, split ? 'split' : 'owner');
  const holder = await holdBoard(a.port, board);
  const url = (port: number) => `ws://127.0.0.1:${port}/ws/${board.id}?token=${encodeURIComponent(board.editorToken)}&ack=1`;
  try {
    return await runFanout({ clients, rate, warmupS: 2, seconds, drainS: 3, verifiers: 2 }, (i) => url(split && i % 2 === 1 ? b.port : a.port), a.pid);
  } finally {
    holder.terminate();
  }
}

/** Kills the board's owner and times how long until a client on the other node has the board synced. */
async function timeToServe(a: BenchServer, b: BenchServer): Promise<number> {
  const board = await createBoard(a.port, 'failover');
  const holder = await holdBoard(a.port, board);
  // Let a renewal or two pass, as in a running deployment (the lease's age at the kill varies).
  await new Promise((r) => setTimeout(r, 1000 + Math.random() * 3000));
  await a.kill9();
  holder.terminate();
  const killedAt = performance.now();
  for (;;) {
    try {
      const ws = await holdBoard(b.port, board);
      ws.terminate();
      return performance.now() - killedAt;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function main() {
  installExitHooks();
  const db = await freshDatabase();
  try {
    let a = await startNode(db.url);
    const b = await startNode(db.url);
    const rows: { mode: string; p50: number[]; p99: number[]; lost: number }[] = [
      { mode: 'all on owner', p50: [], p99: [], lost: 0 },
      { mode: 'split over 2 nodes', p50: [], p99: [], lost: 0 },
    ];
    for (let round = 0; round < rounds; round++) {
      // Alternate which mode goes first.
      for (const split of round % 2 ? [true, false] : [false, true]) {
        const result = await fanout(a, b, split);
        const row = rows[split ? 1 : 0];
        row.p50.push(result.latencyMs.p50);
        row.p99.push(result.latencyMs.p99);
        row.lost += result.lost;
        log(`round ${round + 1} ${row.mode}: p50 ${ms(result.latencyMs.p50)} ms, p99 ${ms(result.latencyMs.p99)} ms, delivered ${result.delivered}/${result.expected}`);
      }
    }
    const serve: number[] = [];
    for (let k = 0; k < kills; k++) {
      serve.push(await timeToServe(a, b));
      log(`kill ${k + 1}: served again on the other node after ${ms(serve.at(-1)!)} ms`);
      a = await startNode(db.url);
    }
    console.log(`\nFan-out, ${clients} clients on one board, ${rate} updates/s, ${seconds} s x ${rounds} rounds (medians of the rounds):`);
    for (const row of rows) console.log(`  ${row.mode.padEnd(20)} p50 ${ms(median(row.p50)).padStart(6)} ms  p99 ${ms(median(row.p99)).padStart(6)} ms  lost ${row.lost}`);
    console.log(`\nTime-to-serve after the owner's kill -9 (lease TTL 10 s), ${kills} kills:`);
    console.log(`  median ${ms(median(serve))} ms, min ${ms(Math.min(...serve))} ms, max ${ms(Math.max(...serve))} ms`);
  } finally {
    killAllStarted();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  killAllStarted();
  process.exit(1);
});
