/**
 * `npm run migrate-to-postgres -- DATABASE_URL` (or `node dist/server/migrate-to-postgres.cjs
 * DATABASE_URL`; without the argument, the DATABASE_URL environment variable): copies the SQLite
 * store in DATA_DIR (boards.sqlite) into an empty PostgreSQL database (server/ops/migrateToPostgres.ts).
 * Progress goes to stderr, the summary (rows per table) to stdout; the URL's password is never
 * printed. Exits 0 when copied, 1 when refused or failed (nothing copied), 2 on a usage error.
 */
import path from 'node:path';
import { dataDirFromEnv } from './config';
import { SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { copySqliteToPostgres, redactUrl } from './ops/migrateToPostgres';

const USAGE =
  'usage: npm run migrate-to-postgres -- postgres://user:password@host:5432/database\n' +
  '  copies DATA_DIR/boards.sqlite (stop the server first) into that empty PostgreSQL database';

async function main(args: string[]): Promise<number> {
  if (args[0] === '-h' || args[0] === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const url = args[0] ?? process.env.DATABASE_URL;
  if (args.length > 1 || !url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const source = path.join(dataDirFromEnv(), 'boards.sqlite');
  try {
    const r = await copySqliteToPostgres(source, url, MIGRATIONS, (line) => process.stderr.write(`${line}\n`));
    const width = Math.max(...r.tables.map((t) => t.table.length));
    for (const t of r.tables) process.stdout.write(`${t.table.padEnd(width)}  ${t.rows}\n`);
    process.stdout.write(
      `Copied ${r.rows} row${r.rows === 1 ? '' : 's'} in ${r.tables.length} tables to ${redactUrl(url)} (schema version ${SCHEMA_VERSION}, ${(r.ms / 1000).toFixed(1)} s). ` +
        'Start the nodes with this DATABASE_URL; keep the SQLite file until you have checked the boards.\n',
    );
    return 0;
  } catch (error) {
    process.stderr.write(`Nothing copied: ${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((status) => process.exit(status));
