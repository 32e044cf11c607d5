/**
 * Client benchmark: a 2,000-card Many Tables, Many Knocks board in headless Chromium.
 *
 *   npx tsx bench/client/run.ts [--cards 2000] [--reps 5] [--client-dir dist/client] [--width 1366 --height 768]
 *
 * Seeds the board straight into a fresh SQLite DATA_DIR (as POST /api/boards would make it, plus
 * the cards, one sticky per 10 cards and one typed arrow per 5), starts `server/main.ts` on it and
 * opens the editor link in Chromium (/usr/bin/chromium, or CHROMIUM_PATH) once per repetition, in
 * a fresh browser context. Per repetition:
 *  - load: navigation to the editor holding every shape with the first cards painted;
 *  - fit all: `zoomToFit()` until two frames later (every shape in view, so every shape drawn);
 *  - pan fps at 100 % and with every shape in view: frames per second over 3 s while the camera
 *    moves a little each frame.
 * Prints the medians (and min–max); the client must be built first (`npm run build`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { prepareBoard } from '../../server/boards/boardLinks';
import { boardState, busyBoardRecords } from '../../server/dashboard/testing';
import { openSqliteStorage } from '../../server/migrations';
import { spawnServer } from '../../tests/helpers/process';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const CARDS = Number(arg('cards', '2000'));
const REPS = Number(arg('reps', '5'));
const CLIENT_DIR = path.resolve(arg('client-dir', 'dist/client'));
const VIEWPORT = { width: Number(arg('width', '1366')), height: Number(arg('height', '768')) };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function seed(dataDir: string) {
  const storage = openSqliteStorage(path.join(dataDir, 'boards.sqlite'));
  try {
    const p = prepareBoard({ template: 'many-tables-many-knocks', title: 'Client benchmark', region: 'Bench', sector: 'Manufacturing' });
    const busy = busyBoardRecords(CARDS);
    await storage.createBoard(p.row, p.tokenRows, boardState(p.row, busy.records));
    return { id: p.row.id, editorToken: p.tokens.editor, shapes: busy.records.filter((r) => r.typeName === 'shape').length };
  } finally {
    await storage.close();
  }
}

/** Frames per second over 3 s while the camera moves a little on each frame (run in the page). */
const PAN_SCRIPT = `new Promise((resolve) => {
  const editor = window.__board.editor;
  const start = editor.getCamera();
  let frames = 0;
  const t0 = performance.now();
  function step() {
    const t = performance.now() - t0;
    if (t >= 3000) return resolve((frames * 1000) / t);
    frames++;
    editor.setCamera({ x: start.x + Math.sin(t / 400) * 200, y: start.y + Math.cos(t / 500) * 120, z: start.z });
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[], unit: string, digits = 0) =>
  `${median(xs).toFixed(digits)} ${unit} (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)})`;

async function main() {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error(`no built client in ${CLIENT_DIR}: run npm run build`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-client-bench-'));
  const board = await seed(dataDir);
  const server = await spawnServer(dataDir, 0, { CLIENT_DIR });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const results = { load: [] as number[], fit: [] as number[], fps100: [] as number[], fpsAll: [] as number[] };
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(() => {
        localStorage.setItem('pb.user', JSON.stringify({ id: 'bench-user', name: 'Bench', color: '#FF802B' }));
      });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.url}/b/${board.id}?token=${board.editorToken}`);
      await page.waitForFunction(
        (n) => {
          const editor = (window as any).__board?.editor;
          return !!editor && editor.getCurrentPageShapes().length >= n && document.querySelectorAll('.pb-card').length > 0;
        },
        board.shapes,
        { timeout: 120_000, polling: 50 },
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      results.load.push(Date.now() - started);

      results.fit.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const editor = (window as any).__board.editor;
              const t0 = performance.now();
              editor.zoomToFit();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
            }),
        ),
      );
      // A string, not a function: tsx names inner functions with a helper the page does not have.
      const pan = () => page.evaluate(PAN_SCRIPT) as Promise<number>;
      results.fpsAll.push(await pan());
      await page.evaluate(() => {
        (window as any).__board.editor.resetZoom();
      });
      results.fps100.push(await pan());
      await context.close();
      process.stderr.write(`rep ${rep + 1}/${REPS}: load ${results.load.at(-1)} ms, fit ${results.fit.at(-1)?.toFixed(0)} ms, fps ${results.fps100.at(-1)?.toFixed(1)} / ${results.fpsAll.at(-1)?.toFixed(1)}\n`);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`Client benchmark: ${board.shapes} shapes (${CARDS} cards), ${VIEWPORT.width}x${VIEWPORT.height}, ${REPS} reps, medians`);
  console.log(`  load to every shape and the first cards painted: ${fmt(results.load, 'ms')}`);
  console.log(`  zoom to fit (every shape drawn):                 ${fmt(results.fit, 'ms')}`);
  console.log(`  pan at 100 %:                                    ${fmt(results.fps100, 'fps', 1)}`);
  console.log(`  pan with every shape in view:                    ${fmt(results.fpsAll, 'fps', 1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
