// Start-up time and idle memory of `npm start` (see bench/CONTEXT.md).
//
//   node bench/start/run.mjs [runs=5] [idleSeconds=10] [-- command...]
//
// Starts the command (default `npm start`) on a free port with an empty data directory, times how
// long until GET /healthz answers, waits idleSeconds, then sums the resident memory (VmRSS) of the
// process and all its descendants. Prints each run and the medians. The client must be built
// already (the first `npm start` builds it), so build time is not counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const positional = dash === -1 ? argv : argv.slice(0, dash);
const command = dash === -1 ? ['npm', 'start'] : argv.slice(dash + 1);
const runs = Number(positional[0] ?? 5);
const idleSeconds = Number(positional[1] ?? 10);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function children(pid) {
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {}
  }
  return out;
}

function tree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

function processInfo(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, rssMb: rssKb / 1024, cmd: cmd.slice(0, 90) };
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-start-bench-'));
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  let readyMs = null;
  while (performance.now() - started < 60_000) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) {
        readyMs = performance.now() - started;
        break;
      }
    } catch {}
    await sleep(20);
  }
  if (readyMs === null) throw new Error('the server did not answer /healthz within 60 s');
  await sleep(idleSeconds * 1000);
  const procs = tree(child.pid).map(processInfo).filter(Boolean);
  const total = procs.reduce((s, p) => s + p.rssMb, 0);
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { readyMs, total, procs };
}

const results = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  results.push(r);
  console.log(`run ${i + 1}: /healthz after ${r.readyMs.toFixed(0)} ms, idle RSS ${r.total.toFixed(1)} MB in ${r.procs.length} processes`);
  for (const p of r.procs) console.log(`    ${p.rssMb.toFixed(1).padStart(6)} MB  ${p.cmd}`);
}
console.log(`median of ${runs}: start-up ${median(results.map((r) => r.readyMs)).toFixed(0)} ms, idle RSS ${median(results.map((r) => r.total)).toFixed(1)} MB`);
