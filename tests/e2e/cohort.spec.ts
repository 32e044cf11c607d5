import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openBoard, test, type App } from './app';

/**
 * A trainer's cohort end to end: made from the home page, its links (CSV), the live dashboard
 * while two of three teams work, a broadcast of the step and a message, and the comparison.
 */

type Links = { facilitator: string; editor: string; viewer: string };
const TEAMS = ['North Valley', 'River Bend', 'Coastal'];

/** Creates a cohort from the home page form; returns the page on the created-cohort card. */
async function createCohortFromHome(page: Page, app: App, name: string, teams: string[]): Promise<Locator> {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'A cohort of teams' }).click();
  const form = page.getByTestId('create-cohort-form');
  await form.getByLabel('Cohort name').fill(name);
  await form.getByLabel('Exercise').selectOption({ label: 'Universe of Connections' });
  await form.getByLabel('Team names, one per line').fill(teams.join('\n'));
  await form.getByRole('button', { name: 'Create the cohort' }).click();
  const created = page.getByTestId('created-cohort');
  await expect(created).toBeVisible();
  return created;
}

/** Reads the links CSV the page downloads: rows of [team, role, link] after the header. */
async function downloadLinksCsv(page: Page, where: Locator): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), where.getByTestId('download-links-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/-links-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
  expect(header).toBe('team,role,link');
  return rows.map((r) => r.split(','));
}

/** Adds a card with the palette; resolves once the inspector shows the new card. */
async function addCard(page: Page, typeLabel: string) {
  await page.getByTestId('palette').getByRole('button', { name: typeLabel, exact: true }).click();
  await expect(page.getByTestId('item-inspector')).toBeVisible();
}

function tile(page: Page, team: string): Locator {
  return page.locator(`[data-testid="team-tile"][data-team="${team}"]`);
}

test('a trainer creates a cohort, watches the teams live, moves and messages every board, and compares them', async ({ app }) => {
  const trainer = await (await app.newContext()).newPage();
  const created = await createCohortFromHome(trainer, app, 'Spring academy', TEAMS);

  // The links: the private trainer link and three per team, shown and in the CSV.
  await expect(created.getByTestId('trainer-link')).toContainText('/c/');
  await expect(created.getByTestId('team-link')).toHaveCount(9);
  await expect(created.getByTestId('team-links-row')).toHaveText([/North Valley/, /River Bend/, /Coastal/]);
  const rows = await downloadLinksCsv(trainer, created);
  expect(rows).toHaveLength(10);
  expect(rows[0].slice(1)).toEqual(['trainer', (await created.getByTestId('trainer-link').textContent())!.trim()]);
  const links: Record<string, Links> = {};
  for (const [team, role, link] of rows.slice(1)) {
    expect(link).toMatch(/\/b\/[^/?]+\?token=/);
    (links[team] ??= {} as Links)[role as keyof Links] = link;
  }
  expect(Object.keys(links)).toEqual(TEAMS);
  await trainer.screenshot({ path: test.info().outputPath('cohort-created.png'), fullPage: true });

  // The dashboard: one tile per team, live.
  await created.getByTestId('open-dashboard').click();
  const dashboard = trainer.getByTestId('cohort-dashboard');
  await expect(dashboard.getByRole('heading', { level: 1 })).toHaveText('Spring academy');
  await expect(trainer.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  await expect(trainer.getByTestId('team-tile')).toHaveCount(3);
  for (const team of TEAMS) {
    await expect(tile(trainer, team)).toHaveAttribute('data-present', '0');
    await expect(tile(trainer, team)).toHaveAttribute('data-items', '0');
  }

  // Two teams open their boards and add cards; the third stays away.
  const north = await (await app.newContext()).newPage();
  const river = await (await app.newContext()).newPage();
  await openBoard(north, links['North Valley'].editor, 'Ada');
  await openBoard(river, links['River Bend'].editor, 'Bo');
  await addCard(north, 'Organization');
  await addCard(north, 'Organization');
  await addCard(river, 'Organization');

  await expect(tile(trainer, 'North Valley')).toHaveAttribute('data-present', '1');
  await expect(tile(trainer, 'North Valley').getByTestId('tile-present')).toContainText('Ada');
  await expect(tile(trainer, 'North Valley')).toHaveAttribute('data-items', '2');
  await expect(tile(trainer, 'North Valley').getByTestId('tile-counts')).toContainText('2 cards');
  await expect(tile(trainer, 'River Bend')).toHaveAttribute('data-present', '1');
  await expect(tile(trainer, 'River Bend').getByTestId('tile-present')).toContainText('Bo');
  await expect(tile(trainer, 'River Bend')).toHaveAttribute('data-items', '1');
  await expect(tile(trainer, 'North Valley').getByTestId('tile-activity')).toContainText(/Last change (just now|1 min ago)/);
  const coastal = tile(trainer, 'Coastal');
  await expect(coastal).toHaveAttribute('data-present', '0');
  await expect(coastal).toHaveAttribute('data-items', '0');
  await expect(coastal.getByTestId('tile-activity')).toHaveText('No changes yet');

  // A tile offers the board's facilitator and viewer links.
  await tile(trainer, 'Coastal').getByRole('button', { name: 'Coastal' }).click();
  await expect(coastal.getByTestId('tile-open-facilitator')).toHaveAttribute('href', links.Coastal.facilitator);
  await expect(coastal.getByTestId('tile-open-viewer')).toHaveAttribute('href', links.Coastal.viewer);
  await expect(coastal.getByTestId('tile-open-viewer')).toHaveAttribute('target', '_blank');
  await trainer.keyboard.press('Escape');
  await expect(coastal.getByTestId('tile-menu')).toHaveCount(0);

  // Move every board to step 2.
  const panel = trainer.getByTestId('broadcast-panel');
  await panel.getByLabel('Step').selectOption({ index: 1 });
  const step2 = (await panel.getByLabel('Step').locator('option').nth(1).textContent())!.replace(/^2\.\s*/, '');
  await panel.getByRole('button', { name: 'Move all boards to this step' }).click();
  await expect(panel.getByTestId('broadcast-result')).toContainText('Moved 3 boards to step 2');
  for (const page of [north, river]) {
    await expect(page.getByTestId('session-step')).toHaveAttribute('data-step-index', '1');
    await expect(page.getByTestId('session-step')).toContainText(step2);
  }
  for (const team of TEAMS) await expect(tile(trainer, team).getByTestId('tile-step')).toContainText(`Step 2 of`);
  const late = await (await app.newContext()).newPage();
  await openBoard(late, links.Coastal.editor, 'Cy');
  await expect(late.getByTestId('session-step')).toHaveAttribute('data-step-index', '1');
  await expect(coastal).toHaveAttribute('data-present', '1');

  // A message on every board, dismissable per person.
  const message = 'Five more minutes, then we meet in the main room';
  await panel.getByLabel('Message on every board').fill(message);
  await panel.getByRole('button', { name: 'Post to all boards' }).click();
  await expect(panel.getByTestId('broadcast-result')).toContainText('Posted the message on 3 boards');
  for (const page of [north, river, late]) {
    await expect(page.getByTestId('board-banner')).toContainText(message);
    await expect(page.getByTestId('board-banner')).toContainText('from Trainer');
  }
  await expect(tile(trainer, 'River Bend')).toContainText(message);
  await north.screenshot({ path: test.info().outputPath('cohort-board-banner.png') });
  await north.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(north.getByTestId('board-banner')).toHaveCount(0);
  await expect(river.getByTestId('board-banner')).toBeVisible();
  await trainer.screenshot({ path: test.info().outputPath('cohort-dashboard.png'), fullPage: true });

  // The comparison lists the three teams with their cards.
  await trainer.getByRole('tab', { name: 'Comparison' }).click();
  const compare = trainer.getByTestId('comparison-table');
  await expect(compare.getByTestId('comparison-row')).toHaveCount(3);
  await expect(compare.locator('[data-team="North Valley"]')).toHaveAttribute('data-items', '2');
  await expect(compare.locator('[data-team="River Bend"]')).toHaveAttribute('data-items', '1');
  await expect(compare.locator('[data-team="Coastal"]')).toHaveAttribute('data-items', '0');
  await expect(trainer.getByTestId('cohort-export')).toHaveAttribute('href', /\/api\/cohorts\/[^/]+\/export\?token=/);
  await trainer.screenshot({ path: test.info().outputPath('cohort-comparison.png'), fullPage: true });

  // The links again, from the dashboard.
  await trainer.getByRole('tab', { name: 'Links' }).click();
  await expect(trainer.getByTestId('team-link')).toHaveCount(9);
  expect(await downloadLinksCsv(trainer, trainer.getByTestId('cohort-links'))).toEqual(rows);
});

test('the home page lists the cohort and the boards with their last activity, and forgets them with undo', async ({ app }) => {
  const page = await (await app.newContext()).newPage();
  const board = await app.createBoard({ title: 'Healthcare kickoff' });
  await openBoard(page, board.links.editor, 'Ada');
  const created = await createCohortFromHome(page, app, 'Autumn academy', ['One', 'Two']);
  await created.getByRole('button', { name: 'Create another cohort' }).click();

  const cohorts = page.getByTestId('recent-cohorts');
  const boards = page.getByTestId('recent-boards');
  await expect(cohorts.getByTestId('recent-cohort')).toHaveCount(1);
  await expect(cohorts.getByTestId('recent-cohort')).toContainText('Autumn academy');
  await expect(cohorts.getByTestId('last-activity')).toHaveAttribute('data-state', 'ok');
  await expect(cohorts.getByTestId('recent-cohort')).toContainText('2 teams');
  await expect(boards.getByTestId('recent-board')).toHaveCount(1);
  await expect(boards.getByTestId('last-activity')).toHaveAttribute('data-state', 'ok');
  await page.screenshot({ path: test.info().outputPath('cohort-home-lists.png'), fullPage: true });

  // Forget, then undo from the notice, which has the keyboard.
  await cohorts.getByRole('button', { name: 'Forget “Autumn academy”' }).click();
  await expect(cohorts.getByTestId('recent-cohort')).toHaveCount(0);
  await expect(page.getByTestId('forget-undo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cohorts.getByTestId('recent-cohort')).toHaveCount(1);
  await expect(cohorts.getByRole('link', { name: 'Autumn academy' })).toBeFocused();

  await boards.getByRole('button', { name: 'Forget “Healthcare kickoff”' }).click();
  await expect(boards.getByTestId('recent-board')).toHaveCount(0);
  await expect(boards.getByTestId('forget-notice')).toContainText('Healthcare kickoff');
  await boards.getByRole('button', { name: 'OK' }).click();
  await page.reload();
  await expect(page.getByTestId('recent-boards').getByTestId('recent-board')).toHaveCount(0);
  await expect(page.getByTestId('recent-cohorts').getByTestId('recent-cohort')).toHaveCount(1);
});

test('a wrong trainer link gets a clear page', async ({ app }) => {
  const page = await (await app.newContext()).newPage();
  const created = await createCohortFromHome(page, app, 'Winter academy', ['A']);
  const trainerLink = (await created.getByTestId('trainer-link').textContent())!.trim();
  await page.goto(trainerLink.replace(/token=.*/, 'token=not-the-token'));
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', 'invalid_token');
  await page.goto(`${app.url}/c/AAAAAAAAAAAAAAAA?token=whatever`);
  await expect(page.getByTestId('error-page')).toHaveAttribute('data-code', /not_found|invalid_token/);
});

test('a facilitator posts a message to everyone on their board and clears it', async ({ app }) => {
  const board = await app.createBoard({ template: 'universe-of-connections' });
  const fac = await (await app.newContext()).newPage();
  const ada = await (await app.newContext()).newPage();
  await openBoard(fac, board.links.facilitator, 'Fatima');
  await openBoard(ada, board.links.editor, 'Ada');
  await expect(ada.getByTestId('banner-control')).toHaveCount(0);

  await fac.getByRole('button', { name: 'Message everyone' }).click();
  await fac.getByLabel('Message shown to everyone on this board').fill('Vote closes at 11:40');
  await fac.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(ada.getByTestId('board-banner')).toContainText('Vote closes at 11:40');
  await expect(ada.getByTestId('board-banner')).toContainText('from Fatima');
  await expect(ada.getByTestId('board-banner-region')).toHaveAttribute('role', 'status');
  await fac.screenshot({ path: test.info().outputPath('cohort-facilitator-banner.png') });

  await fac.getByRole('button', { name: 'Message everyone' }).click();
  await fac.getByRole('button', { name: 'Clear the current message' }).click();
  await expect(ada.getByTestId('board-banner')).toHaveCount(0);
  await expect(fac.getByTestId('board-banner')).toHaveCount(0);
});
