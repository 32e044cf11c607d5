import type { Page } from '@playwright/test';
import { expect, openBoard, test } from './app';

/**
 * A partnership end to end, with two people: the lead creates the partnership and two meeting
 * boards from the home page and the partnership page; a partner scores the rubric on one board
 * and adds an action on the other; the lead's partnership page shows both live, and an action
 * the lead edits there lands on the partner's board.
 */

async function createMeetingBoard(page: Page, template: string, title: string, meetingDate: string) {
  await page.getByTestId('new-board').click();
  const form = page.getByTestId('new-board-form');
  await form.getByTestId('new-board-template').selectOption(template);
  await form.getByTestId('new-board-title').fill(title);
  await form.getByTestId('new-board-date').fill(meetingDate);
  await form.getByTestId('new-board-create').click();
  await expect(page.getByTestId('timeline-board').filter({ hasText: title })).toBeVisible();
}

test('a lead’s partnership page shows live what a partner scores and adds on two meeting boards', async ({ app }) => {
  const leadContext = await app.newContext();
  const lead = await leadContext.newPage();
  await lead.setViewportSize({ width: 1366, height: 768 });
  await lead.goto(app.url);
  await lead.getByTestId('home-tab-partnership').click();
  await lead.getByTestId('partnership-name').fill('Tri-County Manufacturing Partnership');
  await lead.getByTestId('partnership-region').fill('Tri-County');
  await lead.getByTestId('partnership-sector').fill('Advanced manufacturing');
  await lead.getByTestId('create-partnership').click();
  await expect(lead.getByTestId('partnership-page')).toHaveAttribute('data-role', 'lead');
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Tri-County Manufacturing Partnership');
  // The journey suggests where to start.
  await lead.getByTestId('new-board').click();
  await expect(lead.getByTestId('new-board-template').locator('option:checked')).toContainText('Universe of Connections (suggested next)');
  await lead.getByRole('button', { name: 'Cancel' }).click();

  await createMeetingBoard(lead, 'universe-of-connections', 'Who is at the table', '2026-09-08');
  await createMeetingBoard(lead, 'blank', 'Task forces', '2026-10-06');
  await expect(lead.getByTestId('partnership-live')).toHaveAttribute('data-state', 'live');

  // The lead sends the member link; the partner opens the boards from it.
  const leadUrl = new URL(lead.url());
  const info = await (await fetch(`${app.url}/api/partnerships${leadUrl.pathname.slice(2)}${leadUrl.search}`)).json();
  const memberLink: string = info.links.member;
  const partnerContext = await app.newContext();
  const partner = await partnerContext.newPage();
  await partner.goto(memberLink);
  await expect(partner.getByTestId('partnership-page')).toHaveAttribute('data-role', 'member');
  const boardLink = async (title: string) => partner.getByTestId('timeline-board').filter({ hasText: title }).getByRole('link', { name: title }).getAttribute('href');
  const first = (await boardLink('Who is at the table'))!;
  const second = (await boardLink('Task forces'))!;

  // On the first board the partner scores today's session.
  await openBoard(partner, first, 'Maria');
  await partner.getByTestId('tab-rubric').click();
  await partner.getByTestId('rubric-dim-industry-engagement').getByRole('radio', { name: '4, Developing' }).check();
  await expect(lead.getByTestId('rubric-row')).toHaveCount(1, { timeout: 5000 });
  await expect(lead.getByTestId('rubric-row').first()).toContainText('4');
  await expect(lead.getByTestId('guide-industry-engagement')).toContainText('4 · Developing');

  // On the second board the partner adds an action.
  // The name is remembered in this browser: no prompt on the second board.
  await partner.goto(second);
  await expect(partner.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await partner.getByTestId('tab-actions').click();
  const plan = partner.getByTestId('action-plan');
  await plan.getByLabel('New action').fill('Recruit two business champions');
  await plan.getByLabel('New action').press('Enter');
  const leadRow = lead.getByTestId('action-row').filter({ has: lead.locator('input[value="Recruit two business champions"]') });
  await expect(leadRow).toHaveCount(1, { timeout: 5000 });
  await expect(leadRow.locator('.ap-board')).toHaveText('Task forces');

  // The lead gives it an owner on the partnership page: it lands on the board the partner has open.
  await leadRow.getByTestId('action-owner').fill('Dev Patel');
  await leadRow.getByTestId('action-owner').press('Enter');
  await expect(plan.locator('tr[data-action-id]', { hasText: 'Recruit two business champions' })).toContainText('Dev Patel');

  // The home page remembers the partnership with the lead link.
  await lead.goto(app.url);
  await expect(lead.getByTestId('recent-partnership')).toContainText('Tri-County Manufacturing Partnership');
  await expect(lead.getByTestId('recent-partnership').getByRole('link')).toHaveAttribute('href', leadUrl.href);
});

test('a board token does not open the partnership page, and a replaced member link stops at once', async ({ app }) => {
  const res = await fetch(`${app.url}/api/partnerships`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Lake County Health Careers', region: 'Lake County', sector: 'Healthcare' }),
  });
  const created = await res.json();
  const leadToken = new URL(created.links.lead).searchParams.get('token');
  const board = await (
    await fetch(`${app.url}/api/partnerships/${created.id}/boards?token=${leadToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'blank', title: 'Kick-off' }),
    })
  ).json();
  const context = await app.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/p/${created.id}?token=${new URL(board.links.facilitator).searchParams.get('token')}`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'invalid_token');
  await page.goto(created.links.lead);
  await expect(page.getByTestId('partnership-page')).toBeVisible();
  await page.getByTestId('rotate-member').click();
  await page.getByTestId('rotate-confirm').click();
  await expect(page.getByTestId('partnership-links').getByRole('status')).toContainText('The member link was replaced');
  const member = await context.newPage();
  await member.goto(created.links.member);
  await expect(member.getByTestId('error-page')).toHaveAttribute('data-code', 'invalid_token');
});

test('an action edited on the partnership page while offline waits in the browser and reaches its board once back online', async ({ app }) => {
  const created = await (
    await fetch(`${app.url}/api/partnerships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'River Valley Logistics', region: 'River Valley', sector: 'Logistics' }),
    })
  ).json();
  const lead = new URL(created.links.lead).searchParams.get('token');
  const api = (path: string, body: unknown) =>
    fetch(`${app.url}/api/partnerships/${created.id}${path}?token=${lead}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const board = await api('/boards', { template: 'blank', title: 'Kick-off' });
  await api(`/boards/${board.id}/actions`, { text: 'Map the warehouses', owner: 'Ana' });

  const context = await app.newContext();
  const page = await context.newPage();
  await page.goto(created.links.member);
  const row = page.getByTestId('action-row').filter({ has: page.locator('input[value="Map the warehouses"]') });
  await expect(row).toHaveCount(1);
  await context.setOffline(true);
  await row.getByTestId('action-owner').fill('Lee');
  await row.getByTestId('action-owner').press('Enter');
  await expect(page.getByTestId('partnership-live')).toContainText('1 change waiting to be sent');
  await expect(row.getByTestId('action-owner')).toHaveValue('Lee');
  await context.setOffline(false);
  await expect(page.getByTestId('partnership-live')).not.toContainText('waiting');
  const stored = await (await fetch(`${app.url}/api/boards/${board.id}/export?format=json&token=${new URL(board.links.viewer).searchParams.get('token')}`)).json();
  expect(stored.actions).toEqual([expect.objectContaining({ text: 'Map the warehouses', owner: 'Lee' })]);
});
