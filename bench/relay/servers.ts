import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Repository root (bench/relay/ → ../..). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

export type ServerKind = 'ours' | 'ref';

export interface BenchServer {
  readonly kind: ServerKind;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** ms from spawn to the "listening" line. */
  readonly startupMs: number;
  /** Parsed JSON log lines (ours only), most recent last; bounded. */
  readonly events: LogEvent[];
  /** Last part of stdout+stderr, for error messages. */
  tail(): string;
  /** SIGTERM, then SIGKILL if the process has not exited in time. Resolves on exit. */
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL (as a crash would). Resolves on exit. */
  kill9(): Promise<void>;
}

export interface LogEvent {
  event: string;
  [key: string]: unknown;
}

const live = new Set<ChildProcess>();

/** Kills every server this process started that is still running (by pid). */
export function killAllStarted(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

let exitHooksInstalled = false;
/** Makes sure no server outlives the benchmark, whatever way it ends. */
export function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllStarted);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAllStarted();
      process.exit(130);
    });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const MAX_TAIL = 64 * 1024;
const MAX_EVENTS = 2000;

async function startChild(
  kind: ServerKind,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  port: number,
  cwd = ROOT,
  timeoutMs = 30_000,
): Promise<BenchServer> {
  const started = performance.now();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The reference enables LevelDB persistence whenever YPERSISTENCE is set, even to "".
  if (kind === 'ref') delete childEnv.YPERSISTENCE;
  const child = spawn(process.execPath, args, {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let tail = '';
  let partial = '';
  const events: LogEvent[] = [];
  const append = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-MAX_TAIL);
    return text;
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + append(chunk);
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        events.push(JSON.parse(line) as LogEvent);
        if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => append(chunk));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child);
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start within ${timeoutMs} ms:\n${tail}`));
    }, timeoutMs);
    const onData = () => {
      if (ready.test(tail)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited (${code ?? signal}) before listening:\n${tail}`));
    });
  });
  const startupMs = performance.now() - started;
  const waitExit = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), ms)));
    const res = await Promise.race([exited.then(() => false), timedOut]);
    clearTimeout(timer);
    return !res;
  };
  return {
    kind,
    child,
    pid: child.pid!,
    port,
    startupMs,
    events,
    tail: () => tail,
    stop: async (timeoutMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await waitExit(timeoutMs))) {
        child.kill('SIGKILL');
        await waitExit(5_000);
      }
    },
    kill9: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await waitExit(5_000);
    },
  };
}

/** Where `scripts/build-server.mjs` puts the server `npm start` runs, in a checkout at `root`. */
export const builtServer = (root = ROOT) => path.join(root, 'dist', 'server', 'main.cjs');
const built = new Set<string>();

/**
 * Builds our server as `npm start` runs it (esbuild, a few seconds), once per checkout and
 * benchmark process: the benchmarks measure that bundle with plain `node`, not the sources
 * through tsx (whose transform adds a helper call to every named closure, and a loader thread).
 */
export function buildOurs(root = ROOT): void {
  if (built.has(root)) return;
  execFileSync(process.execPath, [path.join('scripts', 'build-server.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built.add(root);
}

/**
 * Our server (the bundle of `server/main.ts`, built first by buildOurs) with SQLite persistence
 * in `dataDir`, without a client (`env` may set CLIENT_DIR). `nodeArgs` go before the script
 * (e.g. `--cpu-prof`); `root` is the checkout to run (another one compares versions).
 */
export async function startOurs(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = [], root = ROOT): Promise<BenchServer> {
  buildOurs(root);
  const port = await freePort();
  return startChild(
    'ours',
    [...nodeArgs, builtServer(root)],
    { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: '/nonexistent', ...env },
    /Boards are served on http:\/\/\S+/,
    port,
    root,
  );
}

/** The reference y-websocket@1.5.4 server (in-memory: no YPERSISTENCE). */
export async function startRef(nodeArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  return startChild(
    'ref',
    [...nodeArgs, path.join('node_modules', 'y-websocket-ref', 'bin', 'server.js')],
    { HOST: '127.0.0.1', PORT: String(port) },
    /running at/,
    port,
  );
}

export interface Board {
  id: string;
  editorToken: string;
}

export async function createBoard(port: number, title = 'Bench board'): Promise<Board> {
  const res = await fetch(`http://127.0.0.1:${port}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title, region: 'Bench County', sector: 'Manufacturing' }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { id: string; links: { editor: string } };
  const token = new URL(json.links.editor).searchParams.get('token');
  if (!token) throw new Error('editor link has no token');
  return { id: json.id, editorToken: token };
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, all threads) of a process in ms, from /proc; null if unavailable. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15 (1-based).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    return ((utime + stime) * 1000) / ticksPerSecond();
  } catch {
    return null;
  }
}

/** Resident and peak resident memory of a process in MB, from /proc; null if unavailable. */
export function processMemoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Machine-wide CPU time in ms (all cores): busy (excluding idle and iowait) and steal; null if unavailable. */
export function machineCpuMs(): { busy: number; steal: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    const [user, nice, system, , , irq, softirq, steal] = f;
    const k = 1000 / ticksPerSecond();
    return { busy: (user + nice + system + irq + softirq) * k, steal: (steal ?? 0) * k };
  } catch {
    return null;
  }
}
