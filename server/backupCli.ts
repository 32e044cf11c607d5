/**
 * `npm run backup -- FILE` (or `node dist/server/backup.cjs FILE`): writes a consistent, verified
 * copy of the store in DATA_DIR to FILE while the server runs (server/ops/backup.ts). A relative
 * FILE is taken from the folder the command was typed in. Prints one line; exits 1 on failure,
 * 2 on a usage error.
 */
import path from 'node:path';
import { dataDirFromEnv } from './config';
import { backupStore } from './ops/backup';

const USAGE = 'usage: npm run backup -- FILE   (copies DATA_DIR/boards.sqlite to FILE while the server runs)';

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help' || args[0].startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return args[0] === '-h' || args[0] === '--help' ? 0 : 2;
  }
  // npm runs scripts from the package's folder; INIT_CWD is where the command was typed.
  const destination = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
  const source = path.join(dataDirFromEnv(), 'boards.sqlite');
  try {
    const r = await backupStore(source, destination);
    const mb = (r.bytes / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `Backup written to ${r.file}: ${r.boards} board${r.boards === 1 ? '' : 's'}, ${mb} MB, integrity check ok, schema version ${r.schemaVersion} (${(r.ms / 1000).toFixed(1)} s)\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`Backup failed: ${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((status) => process.exit(status));
