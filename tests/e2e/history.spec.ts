import type { Page } from '@playwright/test';
import { expect, openBoard, test } from './app';

/**
 * Board history end to end: a facilitator saves a snapshot, an editor changes the board, the
 * facilitator restores the snapshot for everyone; the snapshot opens read only in its own page.
 * Saves screenshots of the History panel and the snapshot page when HISTORY_SCREENSHOTS=<dir>.
 */

const SCREENSHOTS = process.env.HISTORY_SCREENSHOTS;

test.afterEach(async ({ app }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server output:\n${app.server.output()}`);
});

const richText = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Adds a sticky note through the editor, as the note tool would. */
async function addCard(page: Page, id: string, text: string, x: number) {
  await page.evaluate(
    ({ id, x, rich }) => {
      (window as any).__board.editor.createShape({ id, type: 'note', x, y: 200, props: { richText: rich } });
    },
    { id, x, rich: richText(text) },
  );
}

function hasShape(page: Page, id: string, handle = '__board'): Promise<boolean> {
  return page.evaluate(({ id, handle }) => Boolean((window as any)[handle].editor.getShape(id)), { id, handle });
}

async function allSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
}

test('a facilitator saves a snapshot and restores it for everyone; it opens read only', async ({ app }) => {
  const board = await app.createBoard();
  const facContext = await app.newContext();
  const fac = await facContext.newPage();
  const ed = await (await app.newContext()).newPage();
  await openBoard(fac, board.links.facilitator, 'Fran');
  await openBoard(ed, board.links.editor, 'Ed');

  // The facilitator adds card A and saves a snapshot.
  await addCard(fac, 'shape:card-a', 'Card A', 200);
  await expect.poll(() => hasShape(ed, 'shape:card-a')).toBe(true);
  await allSaved(fac);
  const history = fac.getByTestId('history-panel');
  await fac.getByTestId('history-button').click();
  await expect(history).toBeVisible();
  await expect(history.getByTestId('history-empty')).toBeVisible();
  const nameInput = history.getByRole('textbox', { name: 'Snapshot name' });
  await expect(nameInput).toHaveValue(/^Snapshot \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/);
  await nameInput.fill('');
  await history.getByTestId('snapshot-save').click();
  await expect(history.getByTestId('snapshot-name-error')).toHaveText('Give the snapshot a name.');
  await nameInput.fill('Card A agreed');
  await nameInput.press('Enter');
  await expect(history.getByTestId('history-status')).toHaveText('Saved “Card A agreed”.');
  const items = history.getByTestId('snapshot-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Card A agreed');
  await expect(items.first()).toContainText('Saved');
  await expect(items.first()).toContainText('by Fran');
  if (SCREENSHOTS) await history.screenshot({ path: `${SCREENSHOTS}/history-panel-saved.png` });
  await fac.keyboard.press('Escape');
  await expect(history).toBeHidden();
  await expect(fac.getByTestId('history-button')).toBeFocused();

  // An editor sees the list, opens it from the keyboard, and has no Save or Restore.
  const edButton = ed.getByTestId('history-button');
  await edButton.focus();
  await ed.keyboard.press('Enter');
  const edHistory = ed.getByTestId('history-panel');
  await expect(edHistory).toBeVisible();
  await expect(edHistory.getByTestId('snapshot-item')).toHaveCount(1);
  await expect(edHistory.getByTestId('snapshot-open')).toHaveCount(1);
  await expect(edHistory.getByTestId('snapshot-save')).toHaveCount(0);
  await expect(edHistory.getByTestId('snapshot-restore')).toHaveCount(0);
  await expect(edHistory.getByRole('textbox')).toHaveCount(0);
  await ed.keyboard.press('Tab');
  await expect(edHistory.getByTestId('snapshot-open')).toBeFocused();
  await ed.keyboard.press('Escape');
  await expect(edHistory).toBeHidden();

  // The editor deletes A and adds B.
  await ed.evaluate(() => {
    (window as any).__board.editor.deleteShape('shape:card-a');
  });
  await addCard(ed, 'shape:card-b', 'Card B', 500);
  await expect.poll(() => hasShape(fac, 'shape:card-b')).toBe(true);
  await expect.poll(() => hasShape(fac, 'shape:card-a')).toBe(false);
  await allSaved(ed);

  // The facilitator restores the snapshot, after a confirmation (Escape cancels it first).
  await fac.getByTestId('history-button').click();
  await history.getByTestId('snapshot-restore').click();
  const confirm = history.getByTestId('restore-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Restore “Card A agreed”?');
  await expect(confirm).toContainText('kept first as the snapshot “Before restoring “Card A agreed””');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  if (SCREENSHOTS) await history.screenshot({ path: `${SCREENSHOTS}/history-panel-confirm.png` });
  await fac.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(history).toBeVisible();
  await expect(history.getByTestId('snapshot-restore')).toBeFocused();
  await fac.keyboard.press('Enter');
  await confirm.getByTestId('restore-confirm-button').click();
  await expect(history.getByTestId('history-status')).toContainText('Restored “Card A agreed”.');

  // Both see A and not B, live.
  for (const page of [fac, ed]) {
    await expect.poll(() => hasShape(page, 'shape:card-a')).toBe(true);
    await expect.poll(() => hasShape(page, 'shape:card-b')).toBe(false);
  }
  await expect(ed.locator('.tl-shape', { hasText: 'Card A' })).toBeVisible();
  await expect(ed.locator('.tl-shape', { hasText: 'Card B' })).toHaveCount(0);

  // The list shows the pre-restore snapshot first.
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveAttribute('data-kind', 'pre-restore');
  await expect(items.first()).toContainText('Before restoring “Card A agreed”');
  await expect(items.first()).toContainText('Before a restore');
  await expect(items.nth(1)).toHaveAttribute('data-kind', 'manual');
  if (SCREENSHOTS) await history.screenshot({ path: `${SCREENSHOTS}/history-panel-restored.png` });
  if (SCREENSHOTS) await fac.screenshot({ path: `${SCREENSHOTS}/board-with-history.png` });
  const preRestoreId = await items.first().getAttribute('data-snapshot-id');

  // "Open" shows the snapshot read only in a new tab: A, not B, and no way to add a shape.
  const [snap] = await Promise.all([facContext.waitForEvent('page'), items.nth(1).getByTestId('snapshot-open').click()]);
  await snap.waitForFunction(() => Boolean((window as any).__snapshot?.editor));
  const banner = snap.getByTestId('snapshot-banner');
  await expect(banner).toContainText('Snapshot “Card A agreed” of');
  await expect(banner).toContainText('read only');
  expect(await hasShape(snap, 'shape:card-a', '__snapshot')).toBe(true);
  expect(await hasShape(snap, 'shape:card-b', '__snapshot')).toBe(false);
  await expect(snap.locator('.tl-shape', { hasText: 'Card A' })).toBeVisible();
  if (SCREENSHOTS) await snap.screenshot({ path: `${SCREENSHOTS}/snapshot-page.png` });
  expect(await snap.evaluate(() => (window as any).__snapshot.editor.getIsReadonly())).toBe(true);
  const count = () => snap.evaluate(() => (window as any).__snapshot.editor.getCurrentPageShapeIds().size as number);
  expect(await count()).toBe(1);
  await snap.locator('.tl-canvas').click({ position: { x: 300, y: 300 } });
  await snap.keyboard.press('n');
  await snap.mouse.click(700, 500);
  await snap.keyboard.press('r');
  await snap.mouse.move(600, 300);
  await snap.mouse.down();
  await snap.mouse.move(750, 420, { steps: 5 });
  await snap.mouse.up();
  await snap.evaluate(() => {
    (window as any).__snapshot.editor.createShape({ type: 'geo', x: 0, y: 0 });
  });
  await snap.waitForTimeout(200);
  expect(await count()).toBe(1);
  await expect(snap.getByRole('link', { name: 'Back to the live board' })).toHaveAttribute('href', new URL(board.links.facilitator).pathname + new URL(board.links.facilitator).search);

  // The pre-restore snapshot is the board as the editor left it: B and not A.
  await snap.goto(`${app.url}/b/${board.id}/history/${preRestoreId}${new URL(board.links.editor).search}`);
  await snap.waitForFunction(() => Boolean((window as any).__snapshot?.editor));
  expect(await hasShape(snap, 'shape:card-b', '__snapshot')).toBe(true);
  expect(await hasShape(snap, 'shape:card-a', '__snapshot')).toBe(false);

  // The live board was not touched by any of it.
  await fac.waitForTimeout(200);
  expect(await hasShape(ed, 'shape:card-a')).toBe(true);
  expect(await hasShape(ed, 'shape:card-b')).toBe(false);

  if (SCREENSHOTS) {
    // A narrow window: the panel spans the window under the top bar.
    await fac.setViewportSize({ width: 420, height: 760 });
    if (!(await history.isVisible())) await fac.getByTestId('history-button').click();
    await expect(history).toBeVisible();
    await fac.screenshot({ path: `${SCREENSHOTS}/history-panel-narrow.png` });
  }
});

test('an unknown snapshot or a wrong token shows an error page', async ({ app }) => {
  const board = await app.createBoard();
  const page = await (await app.newContext()).newPage();
  const search = new URL(board.links.viewer).search;
  await page.goto(`${app.url}/b/${board.id}/history/AAAAAAAAAAAAAAAA${search}`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'snapshot_not_found');
  await page.goto(`${app.url}/b/${board.id}/history/AAAAAAAAAAAAAAAA?token=wrong`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'invalid_token');
});
