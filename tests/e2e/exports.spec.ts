import fs from 'node:fs';
import { neutraliseFormula } from '../../shared/api/csv';
import { unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import type { RunningServer } from '../../server/Server';
import { addRubricAndActions } from '../../server/exports/testing';
import { EXPORT_CSV_FILES, type BoardExport } from '../../shared/api/exportDocument';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
// The fixture builder's item catalog (vitest's setup file gives it to unit tests).
import '../../exercises/tests/provideCatalog';
import { allAcked, connectClient, synced } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { expect, openBoard, test, type App } from './app';

/**
 * The board's Export menu end to end: JSON and the CSV zip downloaded from the UI, the printable
 * report opened in a new tab with the board drawn in it, and images of the board and of a step.
 */

const TITLE = 'Three Rivers: <Manufacturing> "Spring" review';

/** A Many Tables board filled with the exercise's fixture, two rubric sessions and an action plan. */
async function filledBoard(app: App) {
  const board = await app.createBoard({ template: 'many-tables-many-knocks', title: TITLE, region: 'Three Rivers', sector: 'Advanced manufacturing' });
  const token = new URL(board.links.editor).searchParams.get('token')!;
  const c = connectClient({ url: app.url } as RunningServer, board.id, token, { ack: true });
  await synced(c);
  const { records, ids } = manyTablesFixture();
  // The fixture's records go in through the y-websocket protocol, as a browser's would.
  const { recordsOf } = await import('../../shared/doc/boardDoc');
  const kv = recordsOf(c.doc);
  c.doc.transact(() => {
    for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
  });
  addRubricAndActions(c.doc, ids.ideaFrontDoor, 'One front door for employers');
  await eventually(() => expect(allAcked(c)).toBe(true));
  c.destroy();
  return { board, itemCount: records.filter((r) => String(r.type ?? '').startsWith('pb-item-')).length };
}

async function exportVia(page: Page, item: string): Promise<Download> {
  await page.getByTestId('export-menu-button').click();
  await expect(page.getByTestId('export-menu')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId(`export-${item}`).click();
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

test('JSON and CSV downloaded from the Export menu hold the board, its rubric and its action plan', async ({ app }) => {
  const { board, itemCount } = await filledBoard(app);
  const page = await (await app.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openBoard(page, board.links.viewer, 'Ada Lovelace');

  // JSON: the whole export document, with the person who just opened the board.
  const json = await exportVia(page, 'json');
  const day = new Date().toISOString().slice(0, 10);
  expect(json.suggestedFilename()).toBe(`Three-Rivers-Manufacturing-Spring-review-${day}.json`);
  const doc = JSON.parse((await bytesOf(json)).toString('utf8')) as BoardExport;
  expect(doc.exportVersion).toBe(1);
  expect(doc.board).toMatchObject({ id: board.id, title: TITLE, region: 'Three Rivers', sector: 'Advanced manufacturing' });
  const items = new Set([...doc.steps.flatMap((s) => s.items), ...doc.itemsOutsideSteps].map((i) => i.id));
  expect(items.size).toBe(itemCount);
  expect(doc.rubric.sessions.map((s) => s.date)).toEqual(['2026-01-15', '2026-04-20']);
  expect(doc.actions.map((a) => [a.text, a.sourceExists])).toEqual([
    ['Recruit two business champions', true],
    ['Send invitations, then call', false],
  ]);
  expect(doc.participants).toEqual([expect.objectContaining({ name: 'Ada Lovelace', role: 'viewer' })]);
  await expect(page.getByTestId('export-status')).toHaveText(`Downloaded ${json.suggestedFilename()}`);

  // CSV: a zip of five files, each with its header row.
  const csv = await exportVia(page, 'csv');
  expect(csv.suggestedFilename()).toBe(`Three-Rivers-Manufacturing-Spring-review-${day}-csv.zip`);
  const zip = unzipSync(new Uint8Array(await bytesOf(csv)));
  expect(Object.keys(zip).sort()).toEqual([...EXPORT_CSV_FILES].sort());
  const text = (name: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(zip[name]);
  expect(text('items.csv').startsWith('\uFEFFboard_id,board_title,item_id,steps,zone,type,title,field:')).toBe(true);
  // One row per card: count the row starts (quoted cells may hold line breaks). An id that
  // starts with "-" is written as '-… (the export's guard against spreadsheet formulas).
  const itemRows = text('items.csv').split(`\r\n${neutraliseFormula(board.id)},`).length - 1;
  expect(itemRows, text('items.csv').slice(0, 2000)).toBe(itemCount);
  expect(text('rubric.csv').split('\r\n')[0]).toBe('\uFEFFboard_id,date,dimension_id,dimension,score,band,rationale,evidence');
  expect(text('actions.csv')).toContain('Recruit two business champions,Maria,2026-05-31,In progress');
  expect(text('connections.csv').split('\r\n')[0]).toMatch(/^\uFEFFboard_id,connection_id,kind,from_id,from_title,to_id,to_title,complete/);
  expect(text('figures.csv').split('\r\n')[0]).toBe('\uFEFFboard_id,figure_id,figure_label,figure_kind,figure_status,row_key,column,value,row_status');

  // The token never reaches the server's logs.
  const token = new URL(board.links.viewer).searchParams.get('token')!;
  expect(app.server.output()).not.toContain(token);
  expect(errors).toEqual([]);
});

test('the Export menu works from the keyboard and says what went wrong', async ({ app }) => {
  const { board } = await filledBoard(app);
  const page = await (await app.newContext()).newPage();
  await openBoard(page, board.links.editor, 'Bo');
  const button = page.getByTestId('export-menu-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-menu')).toBeVisible();
  await expect(page.getByTestId('export-json')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-csv')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('export-zone-svg')).toBeFocused();
  await page.screenshot({ path: 'test-results/exports-menu.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-menu')).toBeHidden();
  await expect(button).toBeFocused();

  // A refused export (the server answers 401) is reported, not swallowed.
  await page.route('**/export?*', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_token', message: 'The link is missing its token.' } }) }));
  await button.click();
  await page.getByTestId('export-json').click();
  await expect(page.getByTestId('export-error')).toContainText('Export refused: The link is missing its token.');
});

test('the printable report opens in a new tab with the board drawn in it, and the images download', async ({ app }) => {
  const { board } = await filledBoard(app);
  const context = await app.newContext();
  const page = await context.newPage();
  await openBoard(page, board.links.facilitator, 'Ada Lovelace');
  await expect(page.locator('.pb-card-title', { hasText: 'Cold call from a business services rep' })).toBeVisible();

  await page.getByTestId('export-menu-button').click();
  const popup = page.waitForEvent('popup');
  await page.getByTestId('export-report').click();
  const report = await popup;
  await expect(report.locator('h1')).toHaveText(TITLE);
  await expect(report.locator('figure.board-image svg')).toBeVisible({ timeout: 20_000 });
  expect(report.url()).toMatch(/^blob:/);
  await expect(report.locator('script')).toHaveCount(0);
  await expect(report.locator('h2')).toContainText(['Participants', 'The board', 'Self-assessment rubric', 'Action plan', 'Step 1: Employer journey']);
  await expect(report.locator('svg.rubric-chart')).toBeVisible();
  // The board image shows the cards (tldraw draws them as HTML inside the SVG).
  await expect(report.locator('figure.board-image')).toContainText('Cold call from a business services rep');
  await report.setViewportSize({ width: 1000, height: 1400 });
  await report.screenshot({ path: 'test-results/exports-report.png', fullPage: true });
  await report.screenshot({ path: 'test-results/exports-report-first-screen.png' });
  fs.writeFileSync('test-results/exports-report.html', await report.content());
  await report.emulateMedia({ media: 'print' });
  await report.screenshot({ path: 'test-results/exports-report-print.png', fullPage: true });
  await report.pdf({ path: 'test-results/exports-report.pdf', format: 'A4' });
  await report.close();

  // Images: the whole board and the step zone in view (the board opens on step 1's zone).
  const png = await exportVia(page, 'board-png');
  expect(png.suggestedFilename()).toMatch(/-board\.png$/);
  const pngBytes = await bytesOf(png);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels

  await page.getByTestId('export-menu-button').click();
  await expect(page.getByTestId('export-zone-svg')).toHaveText('Step 1: Employer journey (SVG)');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-zone-svg').click();
  const svg = await download;
  expect(svg.suggestedFilename()).toMatch(/-Employer-journey\.svg$/);
  const svgText = (await bytesOf(svg)).toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain('Cold call from a business services rep');
  // Cards of other steps are not in the step's image.
  expect(svgText).not.toContain('Manufacturing Advisory Committee');
  fs.writeFileSync('test-results/exports-zone.svg', svgText);
  fs.writeFileSync('test-results/exports-board.png', pngBytes);
});
