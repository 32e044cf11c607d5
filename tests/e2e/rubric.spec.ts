import type { Locator, Page } from '@playwright/test';
import { expect, openBoard, test } from './app';

/**
 * The self-assessment rubric end to end: scores, a rationale and evidence decisions made by one
 * person reach another live, survive a reload and a server restart, and a viewer reads them
 * without being able to change them.
 */

type Org = { name: string; category: string; ring: string; role?: string };

/** Adds an Organization card through the editor (the palette is covered by the exercise tests). */
function addOrganization(page: Page, org: Org, x: number, y: number): Promise<string> {
  return page.evaluate(
    ({ org, x, y }) => {
      const editor = (window as any).__board.editor;
      const id = `shape:org-${Math.random().toString(36).slice(2, 10)}`;
      editor.createShape({ id, type: 'pb-item-organization', x, y, props: { w: 240, h: 150, role: '', notes: '', ...org } });
      return id;
    },
    { org, x, y },
  );
}

function rubric(page: Page): Locator {
  return page.getByTestId('rubric');
}

function dimension(page: Page, id: string): Locator {
  return page.getByTestId(`rubric-dim-${id}`);
}

async function openRubric(page: Page) {
  await page.getByTestId('tab-rubric').click();
  await expect(rubric(page)).toBeVisible();
}

async function allSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
}

function proposal(page: Page, dim: string, text: string | RegExp): Locator {
  return dimension(page, dim).getByTestId('evidence-proposal').filter({ hasText: text });
}

function accepted(page: Page, dim: string): Locator {
  return dimension(page, dim).getByTestId('evidence-accepted');
}

/** Collects uncaught errors of a page; the test expects none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('rubric scores, rationale and evidence are shared live, survive a restart, and viewers only read them', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Support team', sector: 'Healthcare' });
  const ada = await (await app.newContext()).newPage();
  const errors = collectErrors(ada);
  await openBoard(ada, board.links.editor, 'Ada');
  const college = await addOrganization(ada, { name: 'Tri-County College', category: 'community-college', ring: 'core', role: 'convener' }, 200, 300);
  await addOrganization(ada, { name: 'Three Rivers Workforce Board', category: 'workforce-development', ring: 'core' }, 520, 300);

  await openRubric(ada);
  // The Details tab is one arrow key away.
  await ada.getByTestId('tab-rubric').press('ArrowLeft');
  await expect(ada.getByTestId('tab-details')).toBeFocused();
  await expect(ada.getByTestId('figures')).toBeVisible();
  await ada.getByTestId('tab-details').press('ArrowRight');
  await expect(rubric(ada)).toBeVisible();
  // A card added from the palette brings the Details tab back, its first field ready for typing.
  await ada.getByTestId('palette').getByRole('button', { name: 'Person', exact: true }).click();
  await expect(ada.getByTestId('tab-details')).toHaveAttribute('aria-selected', 'true');
  await expect(ada.getByTestId('item-inspector').locator('[data-field]').first()).toBeFocused();
  await ada.keyboard.type('Maria Chen');
  await openRubric(ada);

  // Proposals come from the live results.
  await expect(proposal(ada, 'career-pathways', 'No K-12 partner in the core team')).toBeVisible();
  await expect(proposal(ada, 'regional-coordination', '2 organizations on the board have no connection to anyone')).toBeVisible();

  // An earlier session first, so today's can be compared with it.
  await rubric(ada).getByText('Score another date').click();
  await rubric(ada).getByRole('button', { name: 'Open' }).click();
  await expect(rubric(ada).getByRole('alert')).toHaveText('Pick a date, e.g. 2025-03-04.');
  await ada.getByTestId('rubric-other-date').fill('2025-01-15');
  await rubric(ada).getByRole('button', { name: 'Open' }).click();
  await expect(ada.getByTestId('rubric-session')).toHaveValue('2025-01-15');
  await expect(ada.getByTestId('rubric-session')).toBeFocused();
  await dimension(ada, 'industry-engagement').getByRole('radio', { name: '2, Exploring' }).check();
  await dimension(ada, 'regional-coordination').getByRole('radio', { name: '3, Exploring' }).check();
  await expect(dimension(ada, 'industry-engagement')).toHaveAttribute('data-score', '2');

  // Today's session: one score by pointer, one by keyboard.
  const today = await ada.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await ada.getByTestId('rubric-session').selectOption(today);
  await expect(dimension(ada, 'industry-engagement')).toHaveAttribute('data-score', '');
  await dimension(ada, 'industry-engagement').getByRole('radio', { name: '4, Developing' }).check();
  await dimension(ada, 'regional-coordination').getByRole('radio', { name: '5, Developing' }).check();
  await ada.keyboard.press('ArrowRight');
  await expect(dimension(ada, 'regional-coordination')).toHaveAttribute('data-score', '6');
  await expect(dimension(ada, 'regional-coordination').getByRole('radio', { name: '6, Active' })).toBeFocused();
  await expect(ada.getByTestId('rubric-band-regional-coordination')).toContainText('Active (6-8)');
  await expect(ada.getByTestId('rubric-next-regional-coordination')).toContainText('frontline');
  await expect(ada.getByTestId('rubric-next-industry-engagement')).toContainText('strategic effort');
  await expect(ada.getByTestId('rubric-band-career-pathways')).toHaveCount(0);

  const rationale = ada.getByTestId('rubric-rationale-regional-coordination');
  await rationale.fill('College and workforce board co-plan, but labor and K-12 are not at the table yet.');
  await rationale.blur();

  // Evidence: accept one proposal, accept another in the team's words, dismiss a third.
  await proposal(ada, 'career-pathways', 'No K-12 partner in the core team').getByRole('button', { name: 'Accept' }).click();
  await expect(accepted(ada, 'career-pathways')).toHaveText(/No K-12 partner in the core team/);
  await expect(proposal(ada, 'career-pathways', 'No K-12 partner')).toHaveCount(0);
  await expect(proposal(ada, 'regional-coordination', /Convening role taken by Tri-County College/)).toBeVisible();
  // Located by its stable id: while it is edited its text is in a text box.
  const convener = dimension(ada, 'regional-coordination').locator('[data-evidence-id="universe-of-connections:conveners:board"]');
  await convener.getByRole('button', { name: 'Edit' }).click();
  await convener.getByRole('textbox').fill('The college has agreed to convene');
  await convener.getByRole('button', { name: 'Save' }).click();
  await proposal(ada, 'regional-coordination', 'have no connection to anyone').getByRole('button', { name: 'Dismiss' }).click();
  await expect(proposal(ada, 'regional-coordination', 'have no connection to anyone')).toHaveCount(0);
  await expect(rubric(ada).getByText('Dismissed (1)')).toBeVisible();

  // The team's own evidence, linked to the selected card.
  await ada.evaluate((id) => {
    (window as any).__board.editor.select(id);
  }, college);
  await ada.getByTestId('rubric-add-industry-engagement').fill('The college’s health advisory board met twice with hospital HR leads');
  await expect(dimension(ada, 'industry-engagement').getByLabel('Link the selected card')).toBeChecked();
  await dimension(ada, 'industry-engagement').getByRole('button', { name: 'Add' }).click();
  await expect(accepted(ada, 'industry-engagement')).toHaveText(/health advisory board met twice.*Added by the team/);
  await expect(accepted(ada, 'industry-engagement').getByRole('button', { name: /health advisory board met twice with hospital HR leads: select its card on the board/ })).toBeVisible();
  await expect(ada.getByTestId('rubric-add-industry-engagement')).toHaveValue('');
  // Empty evidence is refused with a message, and nothing is added.
  await dimension(ada, 'industry-engagement').getByRole('button', { name: 'Add' }).click();
  await expect(dimension(ada, 'industry-engagement').getByRole('alert')).toHaveText('Write what the evidence is.');
  await expect(accepted(ada, 'industry-engagement')).toHaveCount(1);

  // The chart compares today with the earlier session, with the numbers in a table.
  await expect(ada.getByTestId('rubric-chart')).toContainText('compared with 15 Jan 2025');
  await expect(ada.getByTestId('rubric-chart').getByRole('table')).toContainText('Regional coordination36');

  // A second person sees everything live.
  const bo = await (await app.newContext()).newPage();
  await openBoard(bo, board.links.editor, 'Bo');
  await openRubric(bo);
  await expect(dimension(bo, 'industry-engagement')).toHaveAttribute('data-score', '4');
  await expect(dimension(bo, 'regional-coordination')).toHaveAttribute('data-score', '6');
  await expect(bo.getByTestId('rubric-rationale-regional-coordination')).toHaveValue(/labor and K-12 are not at the table/);
  await expect(accepted(bo, 'career-pathways')).toHaveText(/No K-12 partner in the core team/);
  await expect(accepted(bo, 'regional-coordination')).toHaveText(/The college has agreed to convene/);
  await expect(proposal(bo, 'regional-coordination', 'have no connection to anyone')).toHaveCount(0);
  await dimension(bo, 'career-pathways').getByRole('radio', { name: '3, Exploring' }).check();
  await expect(dimension(ada, 'career-pathways')).toHaveAttribute('data-score', '3');

  // Clicking evidence with cards behind it selects them and brings them into view.
  await accepted(bo, 'regional-coordination').getByRole('button', { name: /The college has agreed to convene/ }).click();
  await expect.poll(() => bo.evaluate(() => (window as any).__board.editor.getSelectedShapeIds())).toEqual([college]);

  // The board changes: the dismissed proposal is reworded (3 organizations) and stays dismissed.
  await addOrganization(ada, { name: 'Lincoln High School', category: 'k12', ring: 'broader' }, 840, 300);
  await expect(proposal(ada, 'career-pathways', /Lincoln High School/)).toHaveCount(0);
  await expect(accepted(ada, 'career-pathways')).toContainText('The board now says: No K-12 partner in the core team (Lincoln High School is on the board outside it)');
  await expect(proposal(ada, 'regional-coordination', 'have no connection to anyone')).toHaveCount(0);
  await expect(proposal(bo, 'regional-coordination', 'have no connection to anyone')).toHaveCount(0);

  await ada.screenshot({ path: 'test-results/rubric-board.png' });
  // The whole panel in one picture: a tall window, scrolled to the top.
  await ada.setViewportSize({ width: 1280, height: 3400 });
  await ada.getByTestId('side-right').locator('.side-content').evaluate((el) => el.scrollTo(0, 0));
  await ada.getByTestId('side-right').screenshot({ path: 'test-results/rubric-panel.png' });
  await ada.setViewportSize({ width: 1280, height: 800 });
  await allSaved(ada);
  await allSaved(bo);

  // Everything survives a reload and a server restart.
  await app.restart();
  await ada.reload();
  await ada.waitForFunction(() => Boolean((window as any).__board?.editor));
  await expect(ada.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await openRubric(ada);
  await expect(dimension(ada, 'industry-engagement')).toHaveAttribute('data-score', '4');
  await expect(dimension(ada, 'regional-coordination')).toHaveAttribute('data-score', '6');
  await expect(dimension(ada, 'career-pathways')).toHaveAttribute('data-score', '3');
  await expect(ada.getByTestId('rubric-rationale-regional-coordination')).toHaveValue(/labor and K-12 are not at the table/);
  await expect(accepted(ada, 'career-pathways')).toHaveText(/No K-12 partner in the core team/);
  await expect(accepted(ada, 'industry-engagement')).toHaveText(/health advisory board met twice/);
  await expect(proposal(ada, 'regional-coordination', 'have no connection to anyone')).toHaveCount(0);
  await ada.getByTestId('rubric-session').selectOption('2025-01-15');
  await expect(dimension(ada, 'industry-engagement')).toHaveAttribute('data-score', '2');

  // A viewer reads the rubric but cannot change it.
  const vi = await (await app.newContext()).newPage();
  await openBoard(vi, board.links.viewer, 'Vi');
  await openRubric(vi);
  await expect(dimension(vi, 'regional-coordination')).toHaveAttribute('data-score', '6');
  await expect(dimension(vi, 'regional-coordination').getByRole('radio', { name: '6, Active' })).toBeDisabled();
  await expect(vi.getByTestId('rubric-rationale-regional-coordination')).toHaveAttribute('readonly', '');
  await expect(rubric(vi).getByRole('button', { name: /^(Accept|Dismiss|Edit|Remove|Add)$/ })).toHaveCount(0);
  await expect(accepted(vi, 'career-pathways')).toHaveText(/No K-12 partner in the core team/);
  await vi.setViewportSize({ width: 1280, height: 2400 });
  await vi.getByTestId('side-right').screenshot({ path: 'test-results/rubric-viewer.png' });
  expect(errors).toEqual([]);
});
