import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres, type Schema } from '../storage/migrate';
import { openDatabase, type SqliteDatabase } from '../storage/sqliteDatabase';

/** A copy that was refused or failed; nothing was written to the target. */
export class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

export interface CopiedTable {
  table: string;
  rows: number;
}

export interface CopyResult {
  schemaVersion: number;
  tables: CopiedTable[];
  rows: number;
  ms: number;
}

/** Rows per INSERT at most (PostgreSQL takes 65535 parameters per statement), and bytes per INSERT at most. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;
/** A progress line at most this often per table (ms). */
const PROGRESS_MS = 2000;

/** `url` with its password replaced by `***`: what may be shown or logged of a database URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(a database URL that cannot be read)';
  }
}

interface Column {
  name: string;
  type: string;
}

/**
 * Copies the SQLite store `file` into the PostgreSQL database at `url`: every table, every row,
 * in one PostgreSQL transaction (a failure leaves no row in the target; its tables may have been
 * made, which a second run accepts).
 *
 * - The SQLite file is read in one read transaction (a consistent snapshot, even while a
 *   server writes to it; stopping the server first is still the way to copy its last write).
 * - Its schema version must be this server's (`schema.length`): an older file is migrated by
 *   starting the server on it once; a newer one needs a newer server.
 * - The target is migrated to the same version (under the nodes' advisory lock) when it has no
 *   tables yet; one at another version is refused, and so is one holding any row.
 * - Tables are filled parents first (by their foreign keys), then each table's row count is
 *   checked against the file's before the commit.
 * `progress` gets one line per table (and one every 2 s on a long one); the URL's password is
 * never in any of them.
 */
export async function copySqliteToPostgres(file: string, url: string, schema: Schema, progress: (line: string) => void): Promise<CopyResult> {
  const started = performance.now();
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new MigrationRefused(`there is no SQLite store at ${source} (is DATA_DIR right?)`);
  let db: SqliteDatabase | null = null;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  try {
    db = openDatabase(source, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== schema.length) {
      throw new MigrationRefused(
        version < schema.length
          ? `the SQLite store has schema version ${version}, older than this server's ${schema.length}: start this version of the server on it once (it migrates the file), stop it, then copy`
          : `the SQLite store has schema version ${version}, newer than this server's ${schema.length}: copy it with the newer server`,
      );
    }
    progress(`Reading ${source} (schema version ${version})`);
    progress(`Writing to ${redactUrl(url)}`);

    await checkTargetVersion(pool, schema.length);
    await migratePostgres(pool, schema);

    const sqliteTables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const target = await targetTables(client);
      const order = await parentsFirst(client, [...target.keys()]);
      for (const table of order) {
        const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
        if (table !== 'schema_version' && Number(rows[0].n) > 0) {
          throw new MigrationRefused(`the PostgreSQL database is not empty (table ${table} has ${rows[0].n} rows): copy into a new, empty database`);
        }
      }
      for (const table of sqliteTables) {
        if (target.has(table)) continue;
        const n = (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
        if (n > 0) throw new MigrationRefused(`the SQLite table ${table} (${n} rows) has no place in the PostgreSQL schema`);
        progress(`  ${table}: empty, not in the PostgreSQL schema, left out`);
      }
      const tables: CopiedTable[] = [];
      for (const table of order) {
        if (table === 'schema_version' || !sqliteTables.includes(table)) continue;
        const rows = await copyTable(db, client, table, target.get(table)!, progress);
        tables.push({ table, rows });
      }
      await client.query('COMMIT');
      return { schemaVersion: version, tables, rows: tables.reduce((n, t) => n + t.rows, 0), ms: performance.now() - started };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    throw hidePassword(error, url);
  } finally {
    if (db?.inTransaction) db.exec('COMMIT');
    db?.close();
    await pool.end();
  }
}

/** A target that already has a schema must have this one (else the columns may not match). */
async function checkTargetVersion(pool: pg.Pool, version: number): Promise<void> {
  const exists = await pool.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_version'");
  if (exists.rowCount === 0) {
    const other = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    if (Number(other.rows[0].n) > 0) throw new MigrationRefused('the PostgreSQL database holds other tables: copy into a new, empty database');
    return;
  }
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_version');
  const theirs = rows[0]?.version ?? 0;
  if (theirs !== version) {
    throw new MigrationRefused(`the PostgreSQL database has schema version ${theirs}, this server (and the SQLite store) ${version}: copy into a new, empty database`);
  }
}

/** The target's tables and their columns. */
async function targetTables(client: pg.PoolClient): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT table_name AS table, column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const r of rows) tables.set(r.table, [...(tables.get(r.table) ?? []), { name: r.name, type: r.type }]);
  return tables;
}

/** The tables ordered so that every table comes after the ones its foreign keys point to. */
async function parentsFirst(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) if (r.child !== r.parent) parents.get(r.child)?.add(r.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) place(p, path);
    placed.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) place(t, new Set());
  return order;
}

async function copyTable(db: SqliteDatabase, client: pg.PoolClient, table: string, target: Column[], progress: (line: string) => void): Promise<number> {
  const sourceColumns = new Set((db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name));
  // The target may have more columns (filled by their defaults); never fewer.
  const missing = [...sourceColumns].filter((c) => !target.some((t) => t.name === c));
  if (missing.length) throw new MigrationRefused(`the SQLite table ${table} has columns the PostgreSQL one lacks: ${missing.join(', ')}`);
  const columns = target.filter((c) => sourceColumns.has(c.name));
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
  const names = columns.map((c) => quote(c.name)).join(', ');
  // Rows in the order they were inserted where SQLite keeps one (rowid): a PostgreSQL-only
  // serial column (board_snapshots.seq) numbers them in that same order.
  const withoutRowid = (db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number } | undefined)?.wr === 1;
  const select = db.prepare(`SELECT ${names} FROM ${quote(table)}${withoutRowid ? '' : ' ORDER BY rowid'}`).raw(true);
  let batch: unknown[][] = [];
  let bytes = 0;
  let copied = 0;
  let lastProgress = performance.now();
  const flush = async () => {
    if (!batch.length) return;
    const params: unknown[] = [];
    const values = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await client.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${values.join(', ')}`, params);
    copied += batch.length;
    batch = [];
    bytes = 0;
    if (performance.now() - lastProgress > PROGRESS_MS) {
      lastProgress = performance.now();
      progress(`  ${table}: ${copied} of ${total} rows`);
    }
  };
  for (const raw of select.iterate() as Iterable<unknown[]>) {
    const row = raw.map((v, i) => toPostgres(v, columns[i].type));
    for (const v of row) bytes += Buffer.isBuffer(v) ? v.length : typeof v === 'string' ? v.length : 8;
    batch.push(row);
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
  if (Number(rows[0].n) !== total) throw new Error(`table ${table}: ${total} rows read, ${rows[0].n} in PostgreSQL`);
  progress(`  ${table}: ${total} rows`);
  return total;
}

/** A SQLite value as its PostgreSQL column takes it (SQLite keeps what it was given; PostgreSQL checks). */
function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.isBuffer(value) ? value : Buffer.from(value instanceof Uint8Array ? value : String(value));
  if (type === 'text') return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  return value;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The error with the URL (or its `:password@` part) taken out of its message, should a driver have put it there. */
function hidePassword(error: unknown, url: string): unknown {
  if (!(error instanceof Error)) return error;
  let password = '';
  try {
    password = new URL(url).password;
  } catch {}
  error.message = error.message.replaceAll(url, redactUrl(url));
  if (password) error.message = error.message.replaceAll(`:${password}@`, ':***@');
  return error;
}
