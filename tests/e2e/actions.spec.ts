import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, openBoard, test } from './app';

/**
 * The action plan end to end: a sticky promoted from tldraw's context menu reaches a second
 * person, status changes travel both ways, a deleted source shows as removed, and sorting and
 * filtering work from the keyboard.
 */

/** The right panel's action plan (the Actions tab is opened first). */
async function actionPlan(page: Page): Promise<Locator> {
  const tab = page.getByTestId('tab-actions');
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  const plan = page.getByTestId('action-plan');
  await expect(plan).toBeVisible();
  return plan;
}

function rowWithText(plan: Locator, text: string): Locator {
  return plan.locator('tr[data-action-id]', { hasText: text });
}

/** Creates a sticky note with the toolbar's note tool at a point of the page and types its text. */
async function createSticky(page: Page, at: { x: number; y: number }, text: string): Promise<string> {
  await page.locator('.tl-canvas').click({ position: { x: 40, y: 200 } });
  await page.getByTestId('tools.note').click();
  await page.mouse.click(at.x, at.y);
  // The note's text editor mounts a moment after the click: type once it has the keyboard.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)).toBe(true);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  const id = await page.evaluate(() => {
    const editor = (window as any).__board.editor;
    return editor.getCurrentPageShapes().find((s: any) => s.type === 'note')?.id as string | undefined;
  });
  expect(id).toBeTruthy();
  return id!;
}

/** Screen position of a shape's centre. */
function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((shapeId) => {
    const editor = (window as any).__board.editor;
    const p = editor.pageToScreen(editor.getShapePageBounds(shapeId).center);
    return { x: p.x, y: p.y };
  }, id);
}

/** Statuses of the rows, top to bottom. */
function statuses(plan: Locator): Promise<string[]> {
  return plan.locator('tr[data-action-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
}

/** Adds an action with the plan's form, from the keyboard. */
async function addAction(page: Page, plan: Locator, text: string) {
  const input = plan.getByLabel('New action');
  await input.focus();
  await expect(input).toBeFocused();
  await page.keyboard.type(text);
  await expect(input).toHaveValue(text);
  await page.keyboard.press('Enter');
  await expect(rowWithText(plan, text)).toBeVisible();
  await expect(plan.getByLabel('New action')).toHaveValue('');
}

/** Opens a row's editor with the keyboard and types an owner. */
async function setOwner(page: Page, plan: Locator, text: string, owner: string) {
  await rowWithText(plan, text).getByRole('button', { name: new RegExp(text) }).focus();
  await page.keyboard.press('Enter');
  const editor = plan.getByRole('group', { name: 'Edit action' });
  await editor.getByLabel('Owner / who is committed').fill(owner);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(rowWithText(plan, text)).toContainText(owner);
}

test('a promoted sticky becomes a shared action that follows its source', async ({ app }) => {
  const board = await app.createBoard();
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  const errors: string[] = [];
  for (const p of [ada, bo]) p.on('pageerror', (e) => errors.push(String(e)));
  await openBoard(ada, board.links.editor, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');

  // A blank board has an action plan too.
  const boPlan = await actionPlan(bo);
  await expect(boPlan).toContainText('No actions yet');

  // Ada writes a sticky and promotes it from the context menu.
  const sticky = await createSticky(ada, { x: 420, y: 360 }, 'Recruit two business champions to host the launch');
  const centre = await centreOf(ada, sticky);
  await ada.mouse.click(centre.x, centre.y, { button: 'right' });
  const menu = ada.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await menu.getByTestId('context-menu.promote-to-action').click();

  // Her plan opens on the new row with the keyboard in its owner field.
  const adaPlan = ada.getByTestId('action-plan');
  await expect(adaPlan).toBeVisible();
  const adaRow = rowWithText(adaPlan, 'Recruit two business champions to host the launch');
  await expect(adaRow).toBeVisible();
  const owner = adaPlan.getByLabel('Owner / who is committed');
  await expect(owner).toBeFocused();
  await ada.keyboard.type('Kim');
  await ada.keyboard.press('Escape');
  await expect(adaRow.getByTestId('source-link')).toContainText('Recruit two business champions');

  // Bo sees it, with its owner, and moves it on.
  const boRow = rowWithText(boPlan, 'Recruit two business champions to host the launch');
  await expect(boRow).toBeVisible();
  await expect(boRow).toContainText('Kim');
  await boRow.getByLabel('Status').selectOption({ label: 'In progress' });
  await expect(adaRow.getByLabel('Status')).toHaveValue('in-progress');
  await expect(adaRow).toHaveAttribute('data-status', 'in-progress');

  // Both exports carry the promoted action with its new status and its source.
  const token = new URL(board.links.viewer).searchParams.get('token');
  await expect
    .poll(async () => {
      const res = await fetch(`${app.url}/api/boards/${board.id}/export?format=json&token=${token}`);
      const doc = (await res.json()) as { actions: { text: string; status: string; owner: string; sourceExists: boolean }[] };
      return doc.actions.map((a) => [a.text, a.owner, a.status, a.sourceExists]);
    })
    .toEqual([['Recruit two business champions to host the launch', 'Kim', 'in-progress', true]]);
  const zip = new Uint8Array(await (await fetch(`${app.url}/api/boards/${board.id}/export?format=csv&token=${token}`)).arrayBuffer());
  const actionsCsv = strFromU8(unzipSync(zip)['actions.csv']);
  expect(actionsCsv).toContain('Recruit two business champions to host the launch,Kim');
  expect(actionsCsv).toContain('In progress');

  // The source link brings the sticky into view for Bo.
  await bo.evaluate(() => void (window as any).__board.editor.setCamera({ x: -3000, y: -3000, z: 1 }));
  await boRow.getByTestId('source-link').click();
  await expect
    .poll(() =>
      bo.evaluate((id) => {
        const editor = (window as any).__board.editor;
        return editor.getViewportPageBounds().contains(editor.getShapePageBounds(id)) && editor.getSelectedShapeIds().includes(id);
      }, sticky),
    )
    .toBe(true);

  // Promoting it again is not offered: the menu shows its action instead.
  const again = await centreOf(ada, sticky);
  await ada.mouse.click(again.x, again.y, { button: 'right' });
  await expect(ada.getByTestId('context-menu.show-action')).toBeVisible();
  await expect(ada.getByTestId('context-menu.promote-to-action')).toHaveCount(0);
  await ada.keyboard.press('Escape');

  // Ada deletes the sticky: both plans keep the action and say its source is gone.
  await ada.mouse.click(700, 650);
  await ada.mouse.click(again.x, again.y);
  await expect.poll(() => ada.evaluate(() => (window as any).__board.editor.getSelectedShapeIds())).toEqual([sticky]);
  await ada.keyboard.press('Delete');
  await expect.poll(() => ada.evaluate((id) => Boolean((window as any).__board.editor.getShape(id)), sticky)).toBe(false);
  for (const row of [adaRow, boRow]) {
    await expect(row.getByTestId('source-removed')).toContainText('source removed');
    await expect(row.getByTestId('source-removed')).toContainText('“Recruit two business champions to host the launch”');
  }

  // Keyboard: more actions, owners, then sort by status and filter by owner.
  await addAction(bo, boPlan, 'Build the invitation list of sector employers');
  await addAction(bo, boPlan, 'Send invitations and follow up by phone');
  await setOwner(bo, boPlan, 'Send invitations and follow up by phone', 'Lee');
  await boPlan.locator('tr[data-action-id]', { hasText: 'Build the invitation list' }).getByLabel('Status').selectOption('blocked');
  await expect(boPlan.getByTestId('action-summary')).toHaveText('3 actions: 1 not started, 1 in progress, 1 blocked.');

  const statusHeader = boPlan.getByRole('columnheader', { name: 'Status' });
  await statusHeader.getByRole('button').focus();
  await bo.keyboard.press('Enter');
  await expect(statusHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await statuses(boPlan)).toEqual(['not-started', 'in-progress', 'blocked']);
  await bo.keyboard.press('Enter');
  await expect(statusHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await statuses(boPlan)).toEqual(['blocked', 'in-progress', 'not-started']);

  // Filter by owner from the keyboard: focus the select and type the start of a name.
  const ownerFilter = boPlan.getByLabel('Owner', { exact: true });
  await ownerFilter.focus();
  await bo.keyboard.type('Lee');
  await expect(ownerFilter).toHaveValue('=Lee');
  await expect(boPlan.locator('tr[data-action-id]')).toHaveCount(1);
  await expect(boPlan.locator('tr[data-action-id]')).toContainText('Send invitations and follow up by phone');
  await expect(boPlan.getByTestId('action-summary')).toContainText('Showing 1 of 3 actions');
  // Ada's view is her own: her plan is neither sorted nor filtered.
  await expect(adaPlan.locator('tr[data-action-id]')).toHaveCount(3);

  await boPlan.screenshot({ path: 'test-results/actions-panel-filtered.png' });
  await bo.getByRole('button', { name: 'Show all' }).click();
  await expect(boPlan.locator('tr[data-action-id]')).toHaveCount(3);
  await bo.screenshot({ path: 'test-results/actions-board.png' });
  expect(errors).toEqual([]);
});

test('the wide view edits every field, and a deleted action can be brought back', async ({ app }) => {
  const board = await app.createBoard({ template: 'influence-map' });
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  await openBoard(ada, board.links.facilitator, 'Ada');
  await openBoard(bo, board.links.viewer, 'Bo');

  // A priority area card on the board becomes a suggestion for the priority area field.
  await ada.getByTestId('palette').getByRole('button', { name: 'Priority area', exact: true }).click();
  await ada.keyboard.type('Machinist pipeline');
  await ada.keyboard.press('Tab');
  // The inspector offers to promote the selected card.
  await ada.getByTestId('inspector-promote').click();
  const plan = ada.getByTestId('action-plan');
  const promoted = rowWithText(plan, 'Machinist pipeline');
  await expect(promoted).toBeVisible();
  await expect(promoted).toContainText('Machinist pipeline');
  // The new row opens its editor with the keyboard in it; Escape closes the editor.
  const rowEditor = plan.locator('[data-editor-for]');
  await expect(rowEditor).toHaveCount(1);
  await expect.poll(() => rowEditor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await ada.keyboard.press('Escape');
  await expect(rowEditor).toHaveCount(0);

  await addAction(ada, plan, 'Set the next quarterly meeting');
  await ada.getByTestId('expand-action-plan').click();
  const dialog = ada.getByTestId('action-plan-dialog');
  await expect(dialog).toBeVisible();
  const row = rowWithText(dialog, '').filter({ has: ada.locator('textarea', { hasText: 'Set the next quarterly meeting' }) });
  await expect(row).toHaveCount(1);
  await row.getByLabel('Owner').fill('Maria');
  await row.getByLabel('Due').fill('2026-06-30');
  await row.getByLabel('Priority area').fill('Mach');
  await expect(dialog.locator('datalist option[value="Machinist pipeline"]')).toHaveCount(1);
  await row.getByLabel('Priority area').fill('Machinist pipeline');
  await row.getByLabel('Status').selectOption({ label: 'Done' });
  await row.getByLabel('Priority area').blur();
  await ada.screenshot({ path: 'test-results/actions-expanded.png' });

  // The viewer sees the values, and nothing to change them with.
  await bo.getByTestId('tab-actions').click();
  const boPlan = bo.getByTestId('action-plan');
  const boRow = rowWithText(boPlan, 'Set the next quarterly meeting');
  await expect(boRow).toContainText('Maria');
  await expect(boRow).toContainText('2026-06-30');
  await expect(boRow).toContainText('Done');
  await expect(boPlan.getByLabel('New action')).toHaveCount(0);
  await expect(boPlan.locator('select, input, textarea')).toHaveCount(2); // the two filters
  await boPlan.screenshot({ path: 'test-results/actions-viewer.png' });

  // Delete in the wide view; Undo brings the action back with its fields, for everyone.
  await row.getByRole('button', { name: /^Delete action: Set the next quarterly meeting/ }).click();
  await expect(rowWithText(dialog, 'Set the next quarterly meeting')).toHaveCount(0);
  await expect(boRow).toHaveCount(0);
  const undo = dialog.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await ada.keyboard.press('Enter');
  await expect(boRow).toContainText('Maria');
  await expect(boRow).toContainText('Done');

  // Escape closes the wide view and gives the keyboard back to the Expand button.
  await ada.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(ada.getByTestId('expand-action-plan')).toBeFocused();
});
