import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type SqliteDatabase } from '../storage/sqliteDatabase';

export interface BackupResult {
  file: string;
  bytes: number;
  boards: number;
  /** The copy's schema version (PRAGMA user_version). */
  schemaVersion: number;
  ms: number;
}

/** A backup that could not be made or did not verify; nothing was left at the destination. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Copies the SQLite store at `source` to `destination` while a server may be using it, and
 * verifies the copy before it takes the destination's name.
 *
 * SQLite's online backup (better-sqlite3 `db.backup`) copies the pages of one consistent read
 * transaction: everything committed before it began, nothing half-written. All pages go in one
 * step, so the server's writes (to the WAL, which does not block a reader) cannot make it start
 * over. The copy is written beside the destination under a temporary name, switched to a
 * self-contained rollback journal (one file, no -wal/-shm beside it), checked with
 * `PRAGMA integrity_check`, synced, and only then renamed to the destination (replacing an
 * older file of that name). On any failure the temporary file is removed.
 */
export async function backupStore(source: string, destination: string): Promise<BackupResult> {
  const started = performance.now();
  const src = path.resolve(source);
  const dest = path.resolve(destination);
  if (!fs.existsSync(src)) throw new BackupError(`there is no store at ${src} (is DATA_DIR right?)`);
  if (dest === src || dest.startsWith(`${src}-`)) throw new BackupError('the backup must not be written over the store itself');
  const dir = path.dirname(dest);
  if (!fs.existsSync(dir)) throw new BackupError(`the folder ${dir} does not exist`);
  const partial = path.join(dir, `.${path.basename(dest)}.${process.pid}.partial`);
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(src, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    // 0x7fffffff pages per step: the whole file in one step (see above).
    await db.backup(partial, { progress: () => 0x7fffffff });
    db.close();
    db = null;

    const copy = openDatabase(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check') as { integrity_check: string }[];
      const verdict = check.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') throw new BackupError(`the copy failed its integrity check: ${verdict.slice(0, 300)}`);
      const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      const boards = (copy.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
      copy.close();
      syncFile(partial);
      fs.renameSync(partial, dest);
      syncFile(dir);
      return { file: dest, bytes: fs.statSync(dest).size, boards, schemaVersion, ms: performance.now() - started };
    } finally {
      if (copy.open) copy.close();
    }
  } catch (error) {
    db?.close();
    for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError((error as Error).message);
  }
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
