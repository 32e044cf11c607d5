// `npm start`, `npm run backup` and `npm run migrate-to-postgres` come here: builds what is missing or older than its sources,
// then runs the built program in this same process with plain node (no TypeScript at run time).
//
//   node scripts/launch.cjs server          the server (dist/server/main.cjs; builds the client too)
//   node scripts/launch.cjs backup FILE     the backup command (dist/server/backup.cjs)
//   node scripts/launch.cjs migrate-to-postgres URL   the copy to PostgreSQL (dist/server/migrate-to-postgres.cjs)
//
// A build is older than its sources when any source file changed after it was written (e.g. after
// `git pull`). Where the build tools are not installed (`npm ci --omit=dev`), an existing build is
// used as it is. CommonJS like the built server: see scripts/build-server.mjs.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const shared = ['shared', 'exercises', 'package.json', 'package-lock.json'];
const BUILDS = {
  client: {
    output: 'dist/client/index.html',
    sources: ['client', 'vite.config.ts', ...shared],
    command: [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    tool: 'node_modules/vite',
  },
  server: {
    output: 'dist/server/main.cjs',
    sources: ['server', 'scripts/build-server.mjs', ...shared],
    command: [path.join(root, 'scripts/build-server.mjs')],
    tool: 'node_modules/esbuild',
  },
};

/** The newest modification time (ms) of the files under `entries`, test files left out. */
function newestSource(entries) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name));
    } else if (!/\.(test|spec)\.tsx?$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const e of entries) visit(path.join(root, e));
  return newest;
}

function ensureBuilt(name) {
  const b = BUILDS[name];
  const output = path.join(root, b.output);
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : null;
  if (builtAt !== null && builtAt >= newestSource(b.sources)) return;
  const tool = path.join(root, b.tool);
  if (!fs.existsSync(tool)) {
    if (builtAt !== null) {
      console.warn(`The ${name} build is older than its sources, and the build tools are not installed; using it as it is.`);
      return;
    }
    console.error(`The ${name} is not built, and the build tools are not installed: run \`npm install\` and \`npm run build\`.`);
    process.exit(1);
  }
  console.log(builtAt === null ? `Building the ${name} (first start only)...` : `Building the ${name} (its sources changed)...`);
  execFileSync(process.execPath, b.command, { cwd: root, stdio: 'inherit' });
}

const [command, ...args] = process.argv.slice(2);
if (command === 'server') {
  ensureBuilt('client');
  ensureBuilt('server');
  require(path.join(root, 'dist/server/main.cjs'));
} else if (command === 'backup') {
  ensureBuilt('server');
  // The backup command reads its arguments from process.argv, as when run as `node dist/server/backup.cjs FILE`.
  process.argv.splice(2, process.argv.length - 2, ...args);
  require(path.join(root, 'dist/server/backup.cjs'));
} else if (command === 'migrate-to-postgres') {
  ensureBuilt('server');
  process.argv.splice(2, process.argv.length - 2, ...args);
  require(path.join(root, 'dist/server/migrate-to-postgres.cjs'));
} else {
  console.error('usage: node scripts/launch.cjs server | backup FILE | migrate-to-postgres DATABASE_URL');
  process.exit(2);
}
