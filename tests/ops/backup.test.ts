import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/storage/sqliteDatabase';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/Server';
import { BackupError, backupStore } from '../../server/ops/backup';
import { connectClient, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { buildServer, runToExit, spawnServer, type ServerProcess } from '../helpers/process';
import { tempDir } from '../helpers/server';
import { entries } from '../helpers/boardContent';

let build: ReturnType<typeof buildServer>;
beforeAll(() => {
  build = buildServer();
});
afterAll(() => build?.remove());

const procs: ServerProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of procs.splice(0)) await p.stop();
});

async function startBuilt(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer(dataDir, 0, {}, build.main);
  procs.push(server);
  return server;
}

async function createBoard(url: string): Promise<{ id: string; editor: string }> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'Backed up', region: 'Valley', sector: 'Logistics' }),
  });
  const body = (await res.json()) as { id: string; links: { editor: string } };
  return { id: body.id, editor: new URL(body.links.editor).searchParams.get('token')! };
}

/** How many of this client's own writes the server has acknowledged (its clock in the last ack). */
function ackedClock(client: TestClient): number {
  return client.acks.at(-1)?.get(client.doc.clientID) ?? 0;
}

function integrityOf(file: string): string {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

describe('npm run backup -- FILE', () => {
  it('copies the store while the server runs and writes; a server started on the copy has every update acknowledged before it began', async () => {
    const dataDir = tempDir();
    const server = await startBuilt(dataDir);
    const board = await createBoard(server.url);
    const writer = connectClient({ url: server.url } as RunningServer, board.id, board.editor, { ack: true });
    clients.push(writer);
    await synced(writer);
    // Each write is one new record (one item of the records array), so key k<i> is the writer's
    // clock i: acknowledged up to clock c means k0 … k<c-1> are stored. Some weight first, so the
    // copy has pages to read.
    const items = entries(writer.doc);
    let next = 0;
    const write = () => items.set(`k${next++}`, `${next} ${'x'.repeat(400)}`);
    for (let i = 0; i < 1500; i++) write();
    await eventually(() => expect(ackedClock(writer)).toBe(1500), 15_000);
    // A steady stream the server can take while the backup runs, even on a busy machine (each
    // write is a record the relay checks before storing it).
    const writing = setInterval(() => {
      for (let i = 0; i < 2; i++) write();
    }, 10);

    try {
      await eventually(() => expect(ackedClock(writer)).toBeGreaterThan(1600), 15_000);
      const ackedBefore = ackedClock(writer);
      const backupDir = tempDir('boards-backup-');
      const run = await runToExit([build.backup, 'nightly.sqlite'], { DATA_DIR: dataDir, INIT_CWD: backupDir });
      const writtenDuring = next;
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Backup written to .*nightly\.sqlite: 1 board, [\d.]+ MB, integrity check ok, schema version \d+ \([\d.]+ s\)\n$/);
      // The server kept taking writes all along.
      await eventually(() => expect(ackedClock(writer)).toBeGreaterThan(writtenDuring), 30_000);
      clearInterval(writing);

      const copy = path.join(backupDir, 'nightly.sqlite');
      expect(fs.readdirSync(backupDir)).toEqual(['nightly.sqlite']);
      expect(integrityOf(copy)).toBe('ok');

      // Restore: the copy alone in a new data directory.
      const restoredDir = tempDir();
      fs.copyFileSync(copy, path.join(restoredDir, 'boards.sqlite'));
      const restored = await startBuilt(restoredDir);
      const reader = connectClient({ url: restored.url } as RunningServer, board.id, board.editor);
      clients.push(reader);
      await synced(reader);
      const got = entries(reader.doc).toJSON();
      const missing = Array.from({ length: ackedBefore }, (_, i) => `k${i}`).filter((k) => !(k in got));
      expect(missing).toEqual([]);
      expect(got.k0).toBe(`1 ${'x'.repeat(400)}`);
    } finally {
      clearInterval(writing);
    }
  }, 60_000);

  it('prints its usage and exits 2 without a FILE', async () => {
    const run = await runToExit([build.backup], { DATA_DIR: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('usage: npm run backup -- FILE   (copies DATA_DIR/boards.sqlite to FILE while the server runs)\n');
  });

  it('fails with one line, and leaves nothing, when there is no store in DATA_DIR', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    const run = await runToExit([build.backup, path.join(out, 'b.sqlite')], { DATA_DIR: dataDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`Backup failed: there is no store at ${path.join(dataDir, 'boards.sqlite')} (is DATA_DIR right?)\n`);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('backupStore', () => {
  function storeWithBoards(n: number): string {
    const file = path.join(tempDir(), 'boards.sqlite');
    const db = openDatabase(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE boards (id TEXT PRIMARY KEY, doc BLOB)');
    const insert = db.prepare('INSERT INTO boards VALUES (?, ?)');
    for (let i = 0; i < n; i++) insert.run(`b${i}`, Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())));
    db.pragma('user_version = 1');
    db.close();
    return file;
  }

  it('writes one self-contained file (no -wal or -shm beside it) and replaces an older backup of that name', async () => {
    const source = storeWithBoards(3);
    const dir = tempDir();
    const dest = path.join(dir, 'latest.sqlite');
    fs.writeFileSync(dest, 'yesterday');
    const result = await backupStore(source, dest);
    expect(result).toMatchObject({ file: dest, boards: 3, schemaVersion: 1 });
    expect(fs.readdirSync(dir)).toEqual(['latest.sqlite']);
    expect(integrityOf(dest)).toBe('ok');
  });

  it('refuses to write over the store itself', async () => {
    const source = storeWithBoards(1);
    await expect(backupStore(source, source)).rejects.toThrow(new BackupError('the backup must not be written over the store itself'));
    await expect(backupStore(source, `${source}-wal`)).rejects.toThrow(BackupError);
  });

  it('names a destination folder that does not exist', async () => {
    const source = storeWithBoards(1);
    const dest = path.join(tempDir(), 'missing', 'b.sqlite');
    await expect(backupStore(source, dest)).rejects.toThrow(`the folder ${path.dirname(dest)} does not exist`);
  });

  it('fails on a file that is not a database, leaving nothing at the destination', async () => {
    const source = path.join(tempDir(), 'boards.sqlite');
    fs.writeFileSync(source, 'this is not a database, just text that is long enough to have a header page');
    const dir = tempDir();
    await expect(backupStore(source, path.join(dir, 'b.sqlite'))).rejects.toThrow(BackupError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
