/**
 * First and return visit of a board page against raw tldraw (same version, same shapes), in
 * headless Chromium, alternating sides.
 *
 *   npx tsx bench/visit/run.ts [--shapes 3900] [--reps 5] [--ours-root .] [--label after]
 *
 * See bench/CONTEXT.md ("visit/") for what is measured and how to read it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import sirv from 'sirv';
import { getIndices } from '@tldraw/utils';
import { build } from 'vite';
import { precompress, precompressDir } from '../../client/build/precompress';
import { prepareBoard } from '../../server/boards/boardLinks';
import { boardState } from '../../server/dashboard/testing';
import { cacheControlFor } from '../../server/http/staticFiles';
import { openSqliteStorage } from '../../server/migrations';
import { installExitHooks, startOurs, type BenchServer } from '../relay/servers';

const ROOT = path.resolve(import.meta.dirname, '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const SHAPES = Number(arg('shapes', '3900'));
const REPS = Number(arg('reps', '5'));
/** The checkout whose server and built client (dist/client) are "ours": another one measures another version. */
const OURS_ROOT = path.resolve(arg('ours-root', ROOT));
const LABEL = arg('label', path.basename(OURS_ROOT));
const VIEWPORT = { width: Number(arg('width', '1366')), height: Number(arg('height', '768')) };
const PAN_MS = 2000;
/** Where CPU profiles of each visit go (DevTools format), when asked for. */
const PROFILE_DIR = process.argv.includes('--profile') ? path.join(ROOT, 'bench/results/profiles/visit') : null;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

type Side = 'ours' | 'raw';
type Visit = 'first' | 'return';
interface Figures {
  /** Navigation start until every shape is in the editor and two frames were drawn after. */
  shapesMs: number;
  fcpMs: number;
  heapMB: number;
  panFps: number;
  /** HTTP bytes as transferred (compressed, headers included) and WebSocket payload bytes. */
  httpKB: number;
  wsKB: number;
}

/** Geo rectangles with a label, in a 100-column grid: shapes both sides draw the same way. */
function shapeRecords(n: number): Record<string, unknown>[] {
  const indices = getIndices(n);
  return Array.from({ length: n }, (_, i) => ({
    id: `shape:bench${i}`,
    typeName: 'shape',
    type: 'geo',
    x: (i % 100) * 120,
    y: Math.floor(i / 100) * 100,
    rotation: 0,
    index: indices[i],
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: 100,
      h: 80,
      geo: 'rectangle',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Item ${i}` }] }] },
    },
  }));
}

async function seedBoard(dataDir: string, records: Record<string, unknown>[]) {
  const storage = openSqliteStorage(path.join(dataDir, 'boards.sqlite'));
  try {
    const p = prepareBoard({ template: 'blank', title: 'Visit benchmark', region: 'Bench', sector: 'Manufacturing' });
    await storage.createBoard(p.row, p.tokenRows, boardState(p.row, records));
    return { id: p.row.id, editorToken: p.tokens.editor };
  } finally {
    await storage.close();
  }
}

/** Our server from OURS_ROOT (its own built server and `dist/client`), in its own process. */
async function startOursWithClient(dataDir: string): Promise<BenchServer> {
  const clientDir = path.join(OURS_ROOT, 'dist/client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) throw new Error(`no built client in ${clientDir}: run npm run build there`);
  return startOurs(dataDir, { CLIENT_DIR: clientDir }, [], OURS_ROOT);
}

/** The raw tldraw page, built with the same Vite and the same precompression, and served like ours. */
async function startRaw(records: Record<string, unknown>[]): Promise<{ url: string; server: http.Server; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-raw-tldraw-'));
  await build({
    configFile: false,
    root: path.join(import.meta.dirname, 'raw'),
    base: '/',
    logLevel: 'warn',
    plugins: [react(), precompress()],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir: dir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  fs.writeFileSync(path.join(dir, 'shapes.json'), JSON.stringify(records));
  await precompressDir(dir);
  const serve = sirv(dir, { etag: true, gzip: true, brotli: true, setHeaders: (res, p) => res.setHeader('Cache-Control', cacheControlFor(p)) });
  const server = http.createServer((req, res) => serve(req, res, () => {
    res.writeHead(404).end();
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, server, dir };
}

/** Counts bytes on the wire for one page through the DevTools protocol. */
async function wireMeter(cdp: CDPSession) {
  let http = 0;
  let ws = 0;
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (e) => {
    http += e.encodedDataLength;
  });
  const frame = (e: { response: { opcode: number; payloadData: string } }) => {
    // Binary frames arrive base64-encoded.
    ws += e.response.opcode === 2 ? Math.floor((e.response.payloadData.length * 3) / 4) : e.response.payloadData.length;
  };
  cdp.on('Network.webSocketFrameReceived', frame);
  cdp.on('Network.webSocketFrameSent', frame);
  return {
    reset() {
      http = 0;
      ws = 0;
    },
    read: () => ({ httpKB: http / 1024, wsKB: ws / 1024 }),
  };
}

/** In the page: the time (since navigation start) two frames later, when the shapes are drawn. */
const TWO_FRAMES = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))`;

const PAN = `(ms) => new Promise((resolve) => {
  const editor = window.__board?.editor ?? window.__raw?.editor;
  const start = editor.getCamera();
  let frames = 0;
  const t0 = performance.now();
  function step() {
    const t = performance.now() - t0;
    if (t >= ms) return resolve((frames * 1000) / t);
    frames++;
    editor.setCamera({ x: start.x + Math.sin(t / 400) * 200, y: start.y + Math.cos(t / 500) * 120, z: start.z });
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

async function visit(page: Page, cdp: CDPSession, meter: Awaited<ReturnType<typeof wireMeter>>, url: string, name: string): Promise<Figures> {
  meter.reset();
  if (PROFILE_DIR) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // A function, not a string: the app's content security policy forbids eval in the page.
  await page.waitForFunction(
    (n) => {
      const w = window as any;
      const editor = w.__board?.editor ?? w.__raw?.editor;
      return !!editor && editor.getCurrentPageShapes().length >= n;
    },
    SHAPES,
    { polling: 10, timeout: 120_000 },
  ).catch(async (e) => {
    const seen = await page.evaluate(() => {
      const w = window as any;
      return { ours: w.__board?.editor?.getCurrentPageShapes().length, raw: w.__raw?.editor?.getCurrentPageShapes().length, body: (document.body.textContent ?? "").slice(0, 300) };
    });
    throw new Error(`${url}: not every shape arrived: ${JSON.stringify(seen)}`, { cause: e });
  });
  const shapesMs = (await page.evaluate(TWO_FRAMES)) as number;
  if (PROFILE_DIR) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  const fcpMs = (await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)) as number;
  const wire = meter.read();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const panFps = (await page.evaluate(`(${PAN})(${PAN_MS})`)) as number;
  return { shapesMs, fcpMs, heapMB: heap.usedSize / 1024 / 1024, panFps, ...wire };
}

async function runSide(context: BrowserContext, side: Side, url: string, rep: number): Promise<Record<Visit, Figures>> {
  const page = await context.newPage();
  page.on('crash', () => process.stderr.write(`${side}: the page crashed\n`));
  page.on('pageerror', (e) => process.stderr.write(`${side}: page error ${e.message}\n`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') process.stderr.write(`${side}: ${m.text().slice(0, 300)}\n`);
  });
  const cdp = await context.newCDPSession(page);
  const meter = await wireMeter(cdp);
  const first = await visit(page, cdp, meter, url, `${side}-first-${rep + 1}`);
  if (side === 'ours') {
    // The copy this browser keeps is written, and the service worker holds the app.
    await page.waitForFunction(() => (window as any).__board?.localCopy?.settled() === true, null, { timeout: 60_000 }).catch(() => {});
    // And the label measurements it keeps (a build without them has nothing to wait for).
    await page.waitForFunction(() => (window as any).__board?.localCopy?.labelSizesSettled?.() !== false, null, { timeout: 30_000 }).catch(() => {});
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 }).catch(() => {});
  }
  const again = await visit(page, cdp, meter, url, `${side}-return-${rep + 1}`);
  await page.close();
  return { first, return: again };
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const records = shapeRecords(SHAPES);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-visit-bench-'));
  const board = await seedBoard(dataDir, records);
  installExitHooks();
  const ours = await startOursWithClient(dataDir);
  const raw = await startRaw(records);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const results: Record<Side, Record<Visit, Figures[]>> = { ours: { first: [], return: [] }, raw: { first: [], return: [] } };
  const urls: Record<Side, string> = { ours: `http://127.0.0.1:${ours.port}/b/${board.id}?token=${board.editorToken}`, raw: raw.url };
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const order: Side[] = rep % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
      for (const side of order) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        await context.addInitScript(() => {
          localStorage.setItem('pb.user', JSON.stringify({ id: 'bench-user', name: 'Bench', color: '#FF802B' }));
        });
        const r = await runSide(context, side, urls[side], rep);
        await context.close();
        results[side].first.push(r.first);
        results[side].return.push(r.return);
        process.stderr.write(
          `rep ${rep + 1}/${REPS} ${side}: first ${r.first.shapesMs.toFixed(0)} ms ${r.first.httpKB.toFixed(0)} KB, return ${r.return.shapesMs.toFixed(0)} ms ${r.return.httpKB.toFixed(0)} KB\n`,
        );
      }
    }
  } finally {
    await browser.close();
    await ours.stop();
    raw.server.close();
    fs.rmSync(raw.dir, { recursive: true, force: true });
  }
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });

  const keys: (keyof Figures)[] = ['shapesMs', 'fcpMs', 'heapMB', 'panFps', 'httpKB', 'wsKB'];
  const names: Record<keyof Figures, string> = {
    shapesMs: 'all shapes shown (ms)',
    fcpMs: 'first contentful paint (ms)',
    heapMB: 'JS heap after GC (MB)',
    panFps: 'pan (fps)',
    httpKB: 'HTTP on the wire (KB)',
    wsKB: 'WebSocket payload (KB)',
  };
  console.log(`Visit benchmark "${LABEL}": ${SHAPES} shapes, ${VIEWPORT.width}x${VIEWPORT.height}, ${REPS} reps alternating, medians`);
  for (const v of ['first', 'return'] as Visit[]) {
    console.log(`\n${v} visit                       ours      raw    ours/raw`);
    for (const k of keys) {
      const o = median(results.ours[v].map((f) => f[k]));
      const r = median(results.raw[v].map((f) => f[k]));
      console.log(`  ${names[k].padEnd(30)}${o.toFixed(1).padStart(8)} ${r.toFixed(1).padStart(8)} ${(o / r).toFixed(2).padStart(8)}`);
    }
  }
  const ret = median(results.ours.return.map((f) => f.shapesMs)) / median(results.ours.first.map((f) => f.shapesMs));
  console.log(`\nours: return / first visit, all shapes shown: ${ret.toFixed(2)}`);
  const out = path.join(ROOT, 'bench/results', `visit-${LABEL}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ label: LABEL, shapes: SHAPES, reps: REPS, viewport: VIEWPORT, results }, null, 2));
  console.log(`(everything in ${path.relative(ROOT, out)})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
