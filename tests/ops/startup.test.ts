import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { openDatabase } from '../../server/storage/sqliteDatabase';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../server/migrations';
import { runToExit } from '../helpers/process';
import { tempDir } from '../helpers/server';

/** Runs the server from its sources until it exits; resolves with its exit status and output. */
function runServerToExit(env: Record<string, string>) {
  return runToExit(['--import', 'tsx', 'server/main.ts'], { HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: '/nonexistent', DATA_DIR: tempDir(), ...env }, 20_000);
}

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

describe('a start with a bad configuration', () => {
  it('stops on a PORT that is not a port, with one line naming it', async () => {
    const run = await runServerToExit({ PORT: '80a' });
    expect(run.status).toBe(78);
    expect(lines(run.stderr)).toEqual(['Cannot start: PORT must be a whole number from 0 to 65535, got "80a"']);
    expect(run.stdout).not.toContain('Boards are served');
  });

  it('stops on a DATA_DIR it cannot write to, with one line naming it', async () => {
    const file = path.join(tempDir(), 'boards-file');
    fs.writeFileSync(file, 'not a folder');
    const run = await runServerToExit({ DATA_DIR: path.join(file, 'data') });
    expect(run.status).toBe(78);
    expect(lines(run.stderr)).toEqual([`Cannot start: DATA_DIR "${path.join(file, 'data')}" is not a directory this server can write to (ENOTDIR)`]);
  });

  it('stops when the port is taken, with one line', async () => {
    const busy = net.createServer();
    servers.push(busy);
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    const run = await runServerToExit({ PORT: String(port) });
    expect(run.status).toBe(78);
    expect(lines(run.stderr)).toEqual([`Cannot start: 127.0.0.1:${port} is already in use (another server on PORT ${port}?)`]);
  });

  it('refuses a store written by a newer version, with one line, and leaves it untouched', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'boards.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    const run = await runServerToExit({ DATA_DIR: dataDir });
    expect(run.status).toBe(78);
    expect(lines(run.stderr)).toEqual([
      `Cannot start: the store ${file} cannot be opened: the database has schema version ${SCHEMA_VERSION + 1}, newer than this server's ${SCHEMA_VERSION}`,
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
