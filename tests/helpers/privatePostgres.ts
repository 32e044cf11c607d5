import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestDatabase } from './postgres';

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, that the test may
 * stop and start: a real database restart, which the shared test cluster cannot undergo while
 * other test files use it. Debian's binaries of the newest installed version, run as the
 * `postgres` user (PostgreSQL refuses to run as root); trust authentication on 127.0.0.1 only.
 */
export interface PrivatePostgres {
  /** The database `boards` on it, as the app nodes reach it. */
  db: TestDatabase;
  /** Fast shutdown: every connection is dropped, new ones are refused until start(). */
  stop(): void;
  start(): void;
  /** Stops it for good and removes its files. */
  remove(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error(`No PostgreSQL under ${root}: run scripts/postgres-up.sh`);
  return path.join(root, versions.at(-1)!, 'bin');
}

function asPostgres(command: string, args: string[]): void {
  const [file, prefix] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--']] : ['sudo', ['-n', '-u', 'postgres']];
  execFileSync(file, [...prefix, command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function privatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boards-pg-'));
  const data = path.join(dir, 'data');
  execFileSync('chown', ['postgres', dir]);
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '30', ...args]);
  const start = () => pgCtl('-o', options, '-l', path.join(dir, 'log'), 'start');
  const stop = () => pgCtl('-m', 'fast', 'stop');
  start();
  asPostgres(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qc', 'CREATE DATABASE boards']);
  let running = true;
  return {
    db: { url: `postgres://postgres@127.0.0.1:${port}/boards`, name: 'boards', drop: async () => {} },
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    remove() {
      if (running) pgCtl('-m', 'immediate', 'stop');
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
