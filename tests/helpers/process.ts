import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  /** Kills the process without letting it clean up, as a crash would. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the server in its own process on the given data dir; resolves once it listens. From its
 * sources (`server/main.ts` through tsx) unless `entry` names a built server (see buildServer).
 */
export async function spawnServer(dataDir: string, port = 0, env: Record<string, string> = {}, entry?: string): Promise<ServerProcess> {
  const args = entry ? [entry] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /Boards are served on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    output: () => out,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Builds the server with `scripts/build-server.mjs` into a fresh folder inside the repository
 * (so the bundle finds node_modules) and returns it with its entries; `remove()` deletes it.
 */
export function buildServer(): { dir: string; main: string; backup: string; migrate: string; remove(): void } {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'dist', '.test-build-'));
  execFileSync(process.execPath, ['scripts/build-server.mjs', dir], { cwd: root, stdio: 'pipe' });
  return {
    dir,
    main: path.join(dir, 'main.cjs'),
    backup: path.join(dir, 'backup.cjs'),
    migrate: path.join(dir, 'migrate-to-postgres.cjs'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a command to its end; resolves with its exit status and output. */
export function runToExit(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}
