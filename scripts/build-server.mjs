// Builds the server for `npm start`: server/main.ts (the server), server/backupCli.ts (the
// backup command), server/migrateCli.ts (the copy to PostgreSQL) and server/exports/exportWorker.ts
// (the export worker thread) bundled by esbuild into dist/server/main.cjs, backup.cjs,
// migrate-to-postgres.cjs and exportWorker.cjs, run with plain `node`. Every dependency is bundled except the native module (better-sqlite3) and ws's optional
// native helpers, which node loads from node_modules. CommonJS, because on Node 22 and 24 a
// process started from an ES module idles a few MB larger. Not minified, so stack traces stay
// readable; a source map is written beside each file (NODE_OPTIONS=--enable-source-maps maps
// traces to the TypeScript sources).
//
//   node scripts/build-server.mjs [outDir]      (default dist/server)
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist/server');

const SERVER_ENTRIES = { main: 'server/main.ts', backup: 'server/backupCli.ts', 'migrate-to-postgres': 'server/migrateCli.ts', exportWorker: 'server/exports/exportWorker.ts' };

const result = await build({
  absWorkingDir: root,
  entryPoints: SERVER_ENTRIES,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  target: 'node22',
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  sourcemap: 'linked',
  // The sources find the export worker's file from import.meta.url; the bundle finds exportWorker.cjs
  // beside itself (server/exports/ExportWorkers.ts) and never reaches that line.
  define: { 'import.meta.url': 'undefined' },
  logLevel: 'warning',
  write: false,
});

// Each file is written beside its final name and renamed over it, so a server starting meanwhile
// never reads half a file.
fs.mkdirSync(outDir, { recursive: true });
for (const file of result.outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  fs.writeFileSync(partial, file.contents);
  fs.renameSync(partial, file.path);
}
