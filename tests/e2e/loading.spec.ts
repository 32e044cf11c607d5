import type { Page, Request, Route } from '@playwright/test';
import { expect, openBoard, shapeCount, test } from './app';

/**
 * How the app loads: each route and each right-panel tab other than Details is its own chunk,
 * downloaded when first needed with a loading line meanwhile; the service worker keeps every chunk,
 * so a board opened before works offline with all its tabs; the board's socket does not wait for
 * its info, and a board opened before shows from the browser's copy before the server answers.
 *
 * LOADING_SCREENSHOTS=<dir> saves screenshots of the loading states.
 */

const SHOTS = process.env.LOADING_SCREENSHOTS;
const VIEWPORT = { width: 1366, height: 768 };

/** The chunks a board's first screen must not download (file names start with the module's). */
const NOT_ON_FIRST_SCREEN = ['NotesPanel', 'RubricPanel', 'ActionPlanPanel', 'VotePanel', 'HistoryMenu', 'ExportMenu', 'CohortPage', 'HomePage'];

/** The page's own script requests (not the service worker's install downloads), by chunk name. */
function scriptsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (r: Request) => {
    const m = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(new URL(r.url()).pathname);
    if (m) names.push(m[1]);
  });
  return names;
}

/** Holds the requests matching `pattern` until `release()`; `seen` resolves at the first one. */
async function hold(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  let seen!: () => void;
  const first = new Promise<void>((resolve) => {
    seen = resolve;
  });
  let releasing = false;
  await page.route(pattern, (route) => {
    if (releasing) return route.continue();
    held.push(route);
    seen();
  });
  return {
    seen: first,
    async release() {
      releasing = true;
      for (const r of held.splice(0)) await r.continue();
      await page.unroute(pattern);
    },
  };
}

/** The page is controlled by the app's service worker, whose install downloaded the build. */
async function serviceWorkerReady(page: Page) {
  // Polled with evaluate, which awaits the check (waitForFunction takes a promise for a truthy value).
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          // Activated, and no newer version installing or waiting to take over mid-test.
          const registration = await navigator.serviceWorker.getRegistration();
          if (registration?.active?.state !== 'activated' || registration.installing || registration.waiting) return false;
          const names = await caches.keys();
          const shell = names.find((n) => n.startsWith('pb-shell-'));
          return Boolean(shell && (await (await caches.open(shell)).match('/index.html')));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

test('a board downloads the notes, rubric, actions, vote and dashboard code only when asked, with a loading line meanwhile', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Three Rivers universe' });
  // No service worker: every chunk the page needs is a request the test sees and can hold.
  const page = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  const scripts = scriptsOf(page);
  await openBoard(page, board.links.facilitator, 'Fran');
  await expect(page.getByTestId('tab-details')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toBeVisible();
  expect(scripts).toContain('BoardPage');
  for (const chunk of NOT_ON_FIRST_SCREEN) expect(scripts, chunk).not.toContain(chunk);

  const notesChunk = await hold(page, /\/assets\/NotesPanel-[\w-]+\.js$/);
  const canvasBefore = await page.locator('.board-canvas').boundingBox();
  await page.getByTestId('tab-notes').click();
  await notesChunk.seen;
  const loading = page.getByTestId('chunk-loading');
  await expect(loading).toBeVisible();
  await expect(loading).toHaveText('Loading notes…');
  await expect(loading).toHaveAttribute('role', 'status');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/notes-loading.png` });
  await notesChunk.release();
  await expect(page.getByTestId('note-editor')).toBeVisible();
  await expect(loading).toHaveCount(0);
  // The panel's content changed; the canvas beside it did not move or resize.
  expect(await page.locator('.board-canvas').boundingBox()).toEqual(canvasBefore);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/notes-loaded.png` });
  expect(scripts).toContain('NotesPanel');
  expect(scripts).not.toContain('CohortPage');

  const rubricChunk = await hold(page, /\/assets\/RubricPanel-[\w-]+\.js$/);
  await page.getByTestId('tab-rubric').click();
  await rubricChunk.seen;
  await expect(page.getByTestId('chunk-loading')).toHaveText('Loading rubric…');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rubric-loading.png` });
  await rubricChunk.release();
  await expect(page.getByTestId('chunk-loading')).toHaveCount(0);
  expect(scripts).toContain('RubricPanel');
  expect(scripts).not.toContain('ActionPlanPanel');
});

test('the History and Export menus download their code when first opened, saying so on their button meanwhile', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Three Rivers universe' });
  const page = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  const scripts = scriptsOf(page);
  await openBoard(page, board.links.facilitator, 'Fran');
  expect(scripts).not.toContain('HistoryMenu');
  expect(scripts).not.toContain('ExportMenu');

  const historyChunk = await hold(page, /\/assets\/HistoryMenu-[\w-]+\.js$/);
  const historyButton = page.getByTestId('history-button');
  const barBefore = await historyButton.boundingBox();
  await historyButton.click();
  await historyChunk.seen;
  await expect(historyButton).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('menu-loading')).toHaveText('Loading history…');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/history-loading.png` });
  await historyChunk.release();
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await expect(page.getByTestId('menu-loading')).toHaveCount(0);
  // The real button took the stand-in's place without moving.
  expect(await historyButton.boundingBox()).toEqual(barBefore);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-panel')).toBeHidden();
  await expect(historyButton).toBeFocused();

  const exportChunk = await hold(page, /\/assets\/ExportMenu-[\w-]+\.js$/);
  const exportButton = page.getByTestId('export-menu-button');
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await exportChunk.seen;
  await expect(page.getByTestId('menu-loading')).toHaveText('Loading export…');
  await exportChunk.release();
  await expect(page.getByTestId('export-menu')).toBeVisible();
  await expect(page.getByTestId('export-json')).toBeFocused();
  expect(scripts).toContain('HistoryMenu');
  expect(scripts).toContain('ExportMenu');
});

test('a tab whose code cannot be downloaded says so, and opens after reloading the page', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Three Rivers universe' });
  const page = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  await openBoard(page, board.links.editor, 'Eli');
  const chunk = /\/assets\/ActionPlanPanel-[\w-]+\.js$/;
  await page.route(chunk, (route) => route.abort());
  await page.getByTestId('tab-actions').click();
  const failed = page.getByTestId('chunk-failed');
  await expect(failed).toContainText('The Actions tab could not be loaded');
  await expect(failed).toHaveAttribute('role', 'alert');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/actions-failed.png` });
  await page.unroute(chunk);
  await failed.getByRole('button', { name: 'Reload the page' }).click();
  await page.waitForFunction(() => Boolean((window as any).__board?.editor));
  await page.getByTestId('tab-actions').click();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  await expect(page.getByTestId('action-plan')).toBeVisible();
});

test('the home page downloads no board code, and a board no home page code', async ({ app }) => {
  const page = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  const scripts = scriptsOf(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(scripts).toContain('HomePage');
  expect(scripts).not.toContain('BoardPage');
  expect(scripts).not.toContain('NotesPanel');
});

test('a board opened before works offline with a tab never opened: the service worker kept its code', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Three Rivers universe' });
  const context = await app.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const scripts = scriptsOf(page);
  await openBoard(page, board.links.editor, 'Away');
  await serviceWorkerReady(page);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
  await page.waitForFunction(() => (window as any).__board?.localCopy?.settled() === true);
  expect(scripts).not.toContain('NotesPanel');

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await page.waitForFunction(() => Boolean((window as any).__board?.editor));
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-source', 'local');
  await page.getByTestId('tab-notes').click();
  await expect(page.getByTestId('note-editor')).toBeVisible();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  await page.getByTestId('tab-rubric').click();
  await expect(page.getByTestId('chunk-loading')).toHaveCount(0);
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/offline-rubric.png` });
});

test('the board socket opens while the board info is still on its way', async ({ app }) => {
  const board = await app.createBoard();
  const page = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  const info = await hold(page, /\/api\/boards\/[^/?]+\?token=/);
  const socket = page.waitForEvent('websocket', (ws) => new URL(ws.url()).pathname.startsWith('/ws/'));
  await page.goto(board.links.editor);
  await info.seen;
  const ws = await socket;
  expect(ws.isClosed()).toBe(false);
  await expect(page.getByText('Opening the board…')).toBeVisible();
  await info.release();
  await page.getByTestId('name-input').fill('Early');
  await page.getByTestId('name-input').press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
});

test('a board opened before shows from the browser copy before the server has answered, then syncs', async ({ app }) => {
  const board = await app.createBoard();
  const context = await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openBoard(page, board.links.editor, 'Return');
  await page.evaluate(() => {
    const editor = (window as any).__board.editor;
    for (let i = 0; i < 3; i++) editor.createShape({ type: 'geo', x: i * 150, y: 0, props: { w: 100, h: 80 } });
  });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
  await page.waitForFunction(() => (window as any).__board?.localCopy?.settled() === true);

  // The server answers neither the info nor the sync until released.
  const info = await hold(page, /\/api\/boards\/[^/?]+\?token=/);
  let releaseSocket!: () => void;
  const socketHeld = new Promise<void>((resolve) => {
    releaseSocket = resolve;
  });
  await page.routeWebSocket(/\/ws\//, async (ws) => {
    await socketHeld;
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => ws.send(m));
  });
  await page.reload();
  await page.waitForFunction(() => Boolean((window as any).__board?.editor));
  expect(await shapeCount(page)).toBe(3);
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-source', 'local');
  await expect(status).toContainText(/copy (saved )?in this browser/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/return-from-local-copy.png` });
  releaseSocket();
  await info.release();
  await expect(status).toHaveAttribute('data-source', 'server');
  await expect(status).toHaveAttribute('data-state', 'connected');
  expect(await shapeCount(page)).toBe(3);
});

/** Bytes the page receives on the board's own socket (not the control room's). */
function boardSocketBytes(page: Page, boardId: string): { received: number } {
  const counter = { received: 0 };
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.endsWith(`/${boardId}`)) return;
    ws.on('framereceived', (f) => {
      counter.received += typeof f.payload === 'string' ? f.payload.length : f.payload.byteLength;
    });
  });
  return counter;
}

test('a board opened before asks the server only for what changed since: the socket brings the difference, not the board', async ({ app }) => {
  const board = await app.createBoard();
  const boardId = new URL(board.links.editor).pathname.split('/').pop()!;
  const context = await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openBoard(page, board.links.editor, 'Return');
  await page.evaluate(() => {
    const editor = (window as any).__board.editor;
    editor.run(() => {
      for (let i = 0; i < 300; i++) {
        editor.createShape({ type: 'text', x: (i % 20) * 160, y: Math.floor(i / 20) * 60, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Partner idea number ${i}` }] }] } } });
      }
    });
  });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
  await page.waitForFunction(() => (window as any).__board?.localCopy?.settled() === true);
  // About what the server sends a browser that knows nothing of the board (its records' JSON).
  const docBytes = await page.evaluate(() => JSON.stringify((window as any).__board.doc.getArray('records').toJSON()).length);
  expect(docBytes).toBeGreaterThan(60_000);
  await page.close();

  // While away, someone else adds a card.
  const other = await (await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })).newPage();
  await openBoard(other, board.links.editor, 'Other');
  await other.evaluate(() => {
    (window as any).__board.editor.createShape({ type: 'geo', x: 0, y: 2000, props: { w: 100, h: 80 } });
  });
  await expect(other.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');

  const back = await context.newPage();
  const bytes = boardSocketBytes(back, boardId);
  await back.goto(board.links.editor);
  await expect(back.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => shapeCount(back)).toBe(301);
  await expect(back.getByTestId('connection-status')).toHaveAttribute('data-source', 'server');
  // The difference (one card), presence and acknowledgements: a small fraction of the board.
  expect(bytes.received).toBeGreaterThan(0);
  expect(bytes.received).toBeLessThan(docBytes / 10);
});
