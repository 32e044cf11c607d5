import { expect, openBoard, test } from './app';

/**
 * Replacing links from the browser: a facilitator makes a new editor link (the person on the old
 * one is told their link was replaced, the new link works), then a new facilitator link (the
 * page carries on with it); a trainer makes a new team link and a new trainer link from the
 * dashboard. Saves screenshots when LINKS_SCREENSHOTS=<dir>.
 */

const SCREENSHOTS = process.env.LINKS_SCREENSHOTS;

test.afterEach(async ({ app }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server output:\n${app.server.output()}`);
});

test('a facilitator replaces the editor link: the old one is refused with a clear message, the new one works', async ({ app }) => {
  const board = await app.createBoard();
  const fac = await (await app.newContext()).newPage();
  const edContext = await app.newContext();
  const ed = await edContext.newPage();
  await openBoard(fac, board.links.facilitator, 'Fran');
  await openBoard(ed, board.links.editor, 'Ed');
  // Editors and viewers have no Share menu.
  await expect(ed.getByTestId('links-button')).toHaveCount(0);

  await fac.getByRole('button', { name: 'Share' }).click();
  const panel = fac.getByTestId('links-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Board links' })).toBeVisible();
  await panel.getByRole('button', { name: 'Make a new editor link' }).click();
  const confirm = panel.getByTestId('confirm-new-link-editor');
  await expect(confirm).toBeFocused();
  await expect(panel.getByTestId('link-row-editor')).toContainText('The current editor link stops working now');
  if (SCREENSHOTS) await panel.screenshot({ path: `${SCREENSHOTS}/links-confirm.png` });
  // Cancel changes nothing.
  await panel.getByTestId('link-row-editor').getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(ed.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');

  await panel.getByRole('button', { name: 'Make a new editor link' }).click();
  await panel.getByTestId('confirm-new-link-editor').click();
  const newLink = panel.getByTestId('new-link-value-editor');
  await expect(newLink).toHaveValue(new RegExp(`/b/${board.id}\\?token=`));
  const link = await newLink.inputValue();
  expect(link).not.toBe(board.links.editor);
  await expect(panel.getByTestId('link-row-editor')).toContainText('The old editor link no longer works.');
  if (SCREENSHOTS) await panel.screenshot({ path: `${SCREENSHOTS}/links-new-editor-link.png` });

  // The editor on the old link is told, at once.
  const banner = ed.getByTestId('terminal-close');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-code', '4410');
  await expect(banner).toContainText('This link was replaced by a new one');
  await expect(banner).toContainText('ask them for the new link');
  if (SCREENSHOTS) await ed.screenshot({ path: `${SCREENSHOTS}/links-replaced-banner.png` });

  // Opening the old link again says why it does not work.
  await ed.goto(board.links.editor);
  await expect(ed.getByTestId('error-page')).toHaveAttribute('data-code', 'link_replaced');
  await expect(ed.getByRole('heading', { name: 'This link was replaced by a new one' })).toBeVisible();
  if (SCREENSHOTS) await ed.screenshot({ path: `${SCREENSHOTS}/links-replaced-page.png` });

  // The new link opens the board as an editor.
  await ed.goto(link);
  await expect(ed.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(ed.getByTestId('role-badge')).toHaveAttribute('data-role', 'editor');
});

test('a facilitator replaces the facilitator link: the page carries on with the new link and says so', async ({ app }) => {
  const board = await app.createBoard();
  const fac = await (await app.newContext()).newPage();
  await openBoard(fac, board.links.facilitator, 'Fran');
  await fac.getByTestId('links-button').click();
  const panel = fac.getByTestId('links-panel');
  await panel.getByRole('button', { name: 'Make a new facilitator link' }).click();
  await expect(panel.getByTestId('link-row-facilitator')).toContainText('This page reloads with your new link');
  await panel.getByTestId('confirm-new-link-facilitator').click();

  await expect(fac).not.toHaveURL(board.links.facilitator);
  await expect(fac).toHaveURL(new RegExp(`/b/${board.id}\\?token=`));
  const notice = fac.getByTestId('new-link-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('You have a new facilitator link.');
  await expect(fac.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(fac.getByTestId('role-badge')).toHaveAttribute('data-role', 'facilitator');
  if (SCREENSHOTS) await fac.screenshot({ path: `${SCREENSHOTS}/links-new-facilitator-notice.png` });
  await notice.getByRole('button', { name: 'OK' }).click();
  await expect(notice).toHaveCount(0);
  // The old facilitator link is refused.
  const res = await fetch(`${app.url}/api/boards/${board.id}?token=${new URL(board.links.facilitator).searchParams.get('token')}`);
  expect(res.status).toBe(401);
});

test('a trainer replaces a team link and the trainer link from the dashboard', async ({ app }) => {
  const res = await fetch(`${app.url}/api/cohorts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Spring academy', template: 'many-tables-many-knocks', teams: ['North', 'South'] }),
  });
  expect(res.status).toBe(201);
  const cohort = (await res.json()) as { id: string; links: { trainer: string }; boards: { team: string; links: Record<string, string> }[] };
  const trainer = await (await app.newContext()).newPage();
  await trainer.goto(cohort.links.trainer);
  await trainer.getByTestId('cohort-tab-links').click();
  const south = trainer.locator('[data-testid="team-links-row"][data-team="South"]');
  const oldEditor = cohort.boards[1].links.editor;
  await expect(south.locator('[data-testid="team-link"][data-role="editor"]')).toHaveAttribute('title', oldEditor);

  await south.getByRole('button', { name: 'Make a new editor link for South' }).click();
  await expect(south).toContainText('South’s current editor link stops working now');
  if (SCREENSHOTS) await trainer.getByTestId('cohort-links').screenshot({ path: `${SCREENSHOTS}/links-cohort-confirm.png` });
  await south.getByTestId('new-team-link-editor-confirm').click();
  const editorCell = south.locator('[data-testid="team-link"][data-role="editor"]');
  await expect(editorCell).not.toHaveAttribute('title', oldEditor);
  await expect(trainer.getByTestId('links-status')).toContainText('new editor link of South');
  const newEditor = await editorCell.getAttribute('title');
  expect((await fetch(`${app.url}/api/boards/${new URL(newEditor!).pathname.split('/')[2]}?token=${new URL(newEditor!).searchParams.get('token')}`)).status).toBe(200);
  expect((await fetch(`${new URL(oldEditor).origin}/api/boards/${new URL(oldEditor).pathname.split('/')[2]}${new URL(oldEditor).search}`)).status).toBe(401);

  // The trainer link: the page reloads on the new one, the old one opens nothing.
  await trainer.getByTestId('new-trainer-link').click();
  await expect(trainer.getByTestId('trainer-link-block')).toContainText('Your trainer link stops working now');
  await trainer.getByTestId('new-trainer-link-confirm').click();
  await expect(trainer.getByTestId('new-link-notice')).toContainText('You have a new trainer link.');
  expect(trainer.url()).not.toBe(cohort.links.trainer);
  await expect(trainer.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  if (SCREENSHOTS) await trainer.screenshot({ path: `${SCREENSHOTS}/links-new-trainer-notice.png` });
  const old = await (await app.newContext()).newPage();
  await old.goto(cohort.links.trainer);
  await expect(old.getByTestId('error-page')).toHaveAttribute('data-code', 'link_replaced');
  if (SCREENSHOTS) await old.screenshot({ path: `${SCREENSHOTS}/links-trainer-replaced-page.png` });
});
