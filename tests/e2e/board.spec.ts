import type { Page } from '@playwright/test';
import { expect, openBoard, shapeCount, test } from './app';

/** Draws a rectangle with the real toolbar shortcut and a mouse drag. */
async function drawRectangle(page: Page, x: number, y: number) {
  await page.locator('.tl-canvas').click({ position: { x: 640, y: 200 } });
  await page.keyboard.press('r');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 80, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

async function allSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
}

test('two people on one board see each other\'s shapes, cursors and presence', async ({ app }) => {
  const board = await app.createBoard();
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  await openBoard(ada, board.links.editor, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');

  await drawRectangle(ada, 400, 300);
  await expect.poll(() => shapeCount(ada)).toBe(1);
  await expect.poll(() => shapeCount(bo)).toBe(1);
  await drawRectangle(bo, 700, 400);
  await expect.poll(() => shapeCount(ada)).toBe(2);

  await expect(ada.getByTestId('presence-count')).toContainText('2');
  await expect(bo.getByTestId('presence-count')).toContainText('2');
  await ada.mouse.move(500, 500);
  await ada.mouse.move(520, 510, { steps: 3 });
  await expect(bo.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Ada' })).toBeVisible();
  await bo.screenshot({ path: 'test-results/two-people.png' });
});

test('a person whose pointer has not yet moved over the board shows no cursor to the others', async ({ app }) => {
  const board = await app.createBoard();
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  await openBoard(ada, board.links.editor, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');
  await expect(bo.getByTestId('presence-count')).toContainText('2');
  const adasCursor = bo.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Ada' });
  // Ada's presence has reached Bo (she is in the people count) with no cursor to show.
  await bo.waitForTimeout(500);
  await expect(adasCursor).toHaveCount(0);
  await ada.mouse.move(500, 400);
  await ada.mouse.move(520, 410, { steps: 3 });
  await expect(adasCursor).toBeVisible();
});

test('a reload after a server crash shows every saved shape', async ({ app }) => {
  const board = await app.createBoard();
  const page = await (await app.newContext()).newPage();
  await openBoard(page, board.links.facilitator, 'Facilitator');
  await drawRectangle(page, 300, 300);
  await drawRectangle(page, 600, 300);
  await expect.poll(() => shapeCount(page)).toBe(2);
  await allSaved(page);

  await app.restart({ crash: true });
  await page.reload();
  await page.waitForFunction(() => Boolean((window as any).__board?.editor));
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => shapeCount(page)).toBe(2);
});

test('a viewer sees the board live but cannot create a shape', async ({ app }) => {
  const board = await app.createBoard();
  const editor = await (await app.newContext()).newPage();
  const viewer = await (await app.newContext()).newPage();
  await openBoard(editor, board.links.editor, 'Editor');
  await openBoard(viewer, board.links.viewer, 'Viewer');
  await expect(viewer.getByTestId('role-badge')).toContainText(/view/i);

  await drawRectangle(editor, 400, 300);
  await expect.poll(() => shapeCount(viewer)).toBe(1);

  await drawRectangle(viewer, 600, 400);
  await viewer.waitForTimeout(300); // give a wrongly accepted shape time to appear
  expect(await shapeCount(viewer)).toBe(1);

  // A modified client that writes to the document anyway is refused by the server.
  await viewer.evaluate(() => {
    const { doc } = (window as any).__board;
    doc.getMap('board').set('title', 'Changed by a viewer');
  });
  await editor.waitForTimeout(500);
  expect(await editor.evaluate(() => (window as any).__board.doc.getMap('board').get('title'))).not.toBe('Changed by a viewer');
  expect(await shapeCount(editor)).toBe(1);
});

test('edits made offline are sent when the connection returns', async ({ app }) => {
  const board = await app.createBoard();
  const offlineContext = await app.newContext();
  const away = await offlineContext.newPage();
  const stay = await (await app.newContext()).newPage();
  await openBoard(away, board.links.editor, 'Away');
  await openBoard(stay, board.links.editor, 'Stay');

  await offlineContext.setOffline(true);
  await expect(away.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected');
  await drawRectangle(away, 400, 300);
  await expect(away.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'true');
  await drawRectangle(stay, 700, 300);

  await offlineContext.setOffline(false);
  await expect(away.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await allSaved(away);
  await expect.poll(() => shapeCount(stay)).toBe(2);
  await expect.poll(() => shapeCount(away)).toBe(2);
});

test('the home page creates a board and gives three links', async ({ app }) => {
  const page = await (await app.newContext()).newPage();
  await page.goto(app.url);
  const form = page.getByTestId('create-board-form');
  await form.getByLabel(/title/i).fill('Healthcare partnership kickoff');
  await form.getByLabel(/region/i).fill('North Coast');
  await form.getByLabel(/sector/i).fill('Healthcare');
  await form.getByRole('button', { name: /create/i }).click();
  for (const role of ['facilitator', 'editor', 'viewer']) {
    await expect(page.getByTestId(`board-link-${role}`)).toContainText('/b/');
  }
  await page.screenshot({ path: 'test-results/home-created.png' });
  const link = (await page.getByTestId('board-link-editor').textContent())!.trim();
  await openBoard(page, link, 'Creator');
  await page.goto(app.url);
  await expect(page.getByText('Healthcare partnership kickoff')).toBeVisible();
});

test('bad links get a clear page', async ({ app }) => {
  const board = await app.createBoard();
  const page = await (await app.newContext()).newPage();
  await page.goto(`${app.url}/b/${board.id}?token=not-a-valid-token`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'invalid_token');
  await page.goto(`${app.url}/b/AAAAAAAAAAAAAAAA?token=whatever`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'board_not_found');
});

test('the suite notices a request to another host', async ({ app }) => {
  const page = await (await app.newContext()).newPage();
  await page.goto(app.url);
  await page.evaluate(() => {
    const img = new Image();
    img.src = 'https://cdn.example.com/font.woff2';
    document.body.append(img);
  });
  await expect.poll(() => app.foreignRequests.length).toBeGreaterThan(0);
  expect(app.foreignRequests.join('\n')).toContain('cdn.example.com');
  app.foreignRequests.length = 0; // this test made the request on purpose
});

test('a person can follow another person\'s viewport', async ({ app }) => {
  const board = await app.createBoard();
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  await openBoard(ada, board.links.facilitator, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');
  const collaborators = () =>
    bo.evaluate((): { name: string; id: string }[] =>
      (window as any).__board.editor.getCollaborators().map((c: any) => ({ name: String(c.userName), id: String(c.userId) })),
    );
  await expect.poll(async () => (await collaborators()).map((c) => c.name)).toContain('Ada');
  const adaId = (await collaborators()).find((c) => c.name === 'Ada')!.id;
  await bo.evaluate((id) => void (window as any).__board.editor.startFollowingUser(id), adaId);
  await ada.evaluate(() => void (window as any).__board.editor.setCamera({ x: -2000, y: -1500, z: 1 }));
  await ada.mouse.move(300, 300);
  await ada.mouse.move(320, 320, { steps: 3 });
  await expect
    .poll(() => bo.evaluate(() => {
      const { x, y } = (window as any).__board.editor.getCamera();
      return Math.round(x) < -1000 && Math.round(y) < -1000;
    }))
    .toBe(true);
  await expect(bo.locator('.tlui-following-indicator')).toBeAttached();
});

test('a deletion made offline shows as unsaved until the server has stored it', async ({ app }) => {
  const board = await app.createBoard();
  const offlineContext = await app.newContext();
  const away = await offlineContext.newPage();
  const stay = await (await app.newContext()).newPage();
  await openBoard(away, board.links.editor, 'Away');
  await openBoard(stay, board.links.editor, 'Stay');
  await drawRectangle(away, 400, 300);
  await expect.poll(() => shapeCount(stay)).toBe(1);
  await allSaved(away);

  await offlineContext.setOffline(true);
  await expect(away.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected');
  await away.evaluate(() => {
    const { editor } = (window as any).__board;
    editor.deleteShapes([...editor.getCurrentPageShapeIds()]);
  });
  await expect(away.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'true');

  await offlineContext.setOffline(false);
  await expect(away.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await allSaved(away);
  await expect.poll(() => shapeCount(stay)).toBe(0);
});
