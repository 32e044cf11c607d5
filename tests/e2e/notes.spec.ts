import type { Locator, Page } from '@playwright/test';
import type { BoardExport } from '../../shared/api/exportDocument';
import { expect, openBoard, shapeCount, test } from './app';

/**
 * Notes per step end to end: one person writes formatted notes and answers a review question
 * (yes, no or not yet, with a few words), a second sees the same text with its formatting and
 * the answer live, a viewer reads them without being able to type or answer, "Answer in notes"
 * adds a question to the note, and everything is still there after a reload and in the JSON
 * export.
 */

const SCREENSHOTS = process.env.NOTES_SCREENSHOTS;

// A failed run shows what the server logged (a crash, a refused write).
test.afterEach(async ({ app }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server output:\n${app.server.output()}`);
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function openNotes(page: Page) {
  await page.getByTestId('tab-notes').click();
  await expect(page.getByTestId('notes')).toBeVisible();
}

function content(page: Page): Locator {
  return page.getByTestId('note-content');
}

function question(page: Page, id: string): Locator {
  return page.getByTestId('review-checklist').locator(`li[data-question-id="${id}"]`);
}

function choice(page: Page, id: string, answer: 'Yes' | 'No' | 'Not yet'): Locator {
  return question(page, id).getByRole('radio', { name: answer, exact: true });
}

/**
 * Puts the caret at the end of a block. The browser reports caret moves to Lexical with
 * `selectionchange`, a task of its own, so the next key waits for it as a person's would.
 */
async function caretToEnd(page: Page, block: Locator) {
  await block.click();
  await page.keyboard.press('End');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function allSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
}

test('notes are shared live with their formatting and review answers, viewers only read them, and they survive a reload', async ({ app }) => {
  const board = await app.createBoard({ template: 'many-tables-many-knocks', title: 'Three Rivers outreach', sector: 'Healthcare' });
  const ada = await (await app.newContext()).newPage();
  const adaErrors = collectErrors(ada);
  await openBoard(ada, board.links.editor, 'Ada');
  await openNotes(ada);

  // The notes follow the step the steps panel shows: the first one on a fresh board.
  const stepSelect = ada.getByTestId('notes-step');
  await expect(stepSelect).toHaveValue('employer-journey');
  await expect(content(ada)).toHaveAttribute('aria-label', 'Notes for Employer journey');
  await expect(content(ada)).toHaveAttribute('contenteditable', 'true');
  // The phase of the exercise's debrief: building the regional support team.
  await expect(ada.getByTestId('review-phase')).toHaveValue('support-team');

  // A heading, a bold word and an italic word, and a bulleted list item, typed.
  await content(ada).click();
  await ada.keyboard.type('## Employer feedback');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('Employers want ');
  await ada.keyboard.press('ControlOrMeta+b');
  await ada.keyboard.type('one');
  await ada.keyboard.press('ControlOrMeta+b');
  await ada.keyboard.type(' contact, said ');
  await ada.keyboard.press('ControlOrMeta+i');
  await ada.keyboard.type('twice');
  await ada.keyboard.press('ControlOrMeta+i');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('- Call the chamber first');
  await expect(content(ada).locator('h2')).toHaveText('Employer feedback');
  await expect(content(ada).locator('strong')).toHaveText('one');
  await expect(content(ada).locator('em')).toHaveText('twice');
  await expect(content(ada).locator('ul li')).toHaveText('Call the chamber first');
  // Typing in the note never reached the canvas's shortcuts (d, e, r, t… are tools there).
  expect(await ada.evaluate(() => (window as any).__board.editor.getCurrentToolId())).toBe('select');
  // The toolbar shows where the caret is.
  await expect(ada.getByTestId('note-tool-bullet')).toHaveAttribute('aria-pressed', 'true');
  await expect(ada.getByTestId('note-tool-h2')).toHaveAttribute('aria-pressed', 'false');

  // A review question answered yes, in a few words (Enter writes the text).
  await choice(ada, 'support-team.one-sector', 'Yes').check();
  await question(ada, 'support-team.one-sector').getByTestId('review-text').fill('Healthcare first, manufacturing next');
  await question(ada, 'support-team.one-sector').getByTestId('review-text').press('Enter');
  await expect(question(ada, 'support-team.one-sector').getByTestId('review-by')).toContainText('Ada');
  await expect(ada.getByTestId('review-progress')).toHaveText('1 of 4 answered');

  // A second person sees the same text, formatting and tick.
  const bo = await (await app.newContext()).newPage();
  const boErrors = collectErrors(bo);
  await openBoard(bo, board.links.editor, 'Bo');
  await openNotes(bo);
  await expect(content(bo).locator('h2')).toHaveText('Employer feedback');
  await expect(content(bo).locator('strong')).toHaveText('one');
  await expect(content(bo).locator('em')).toHaveText('twice');
  await expect(content(bo).locator('ul li')).toHaveText('Call the chamber first');
  await expect(choice(bo, 'support-team.one-sector', 'Yes')).toBeChecked();
  await expect(question(bo, 'support-team.one-sector').getByTestId('review-text')).toHaveValue('Healthcare first, manufacturing next');
  await expect(question(bo, 'support-team.one-sector').getByTestId('review-by')).toContainText('Ada');

  // Bo's edits reach Ada live; Bo's undo only takes back Bo's own edit (not Ada's, not the canvas).
  await bo.evaluate(() => {
    (window as any).__board.editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 80, h: 80 } });
  });
  const shapes = await shapeCount(bo);
  await caretToEnd(bo, content(bo).locator('ul li'));
  await bo.keyboard.press('Enter');
  await bo.keyboard.type('Ask the college');
  await expect(content(ada).locator('ul li')).toHaveText(['Call the chamber first', 'Ask the college']);
  await bo.keyboard.press('ControlOrMeta+z');
  await expect(content(bo).locator('ul li')).toHaveText(['Call the chamber first']);
  await expect(content(ada).locator('ul li')).toHaveText(['Call the chamber first']);
  await expect(content(ada).locator('h2')).toHaveText('Employer feedback');
  expect(await shapeCount(bo)).toBe(shapes);

  // "Answer in notes": the question as a heading, the caret under it.
  const scope = question(ada, 'support-team.convener');
  const footprint = (await scope.locator('legend').textContent())!.trim();
  await scope.getByTestId('review-answer').click();
  await expect(content(ada).locator('h3')).toHaveText(footprint);
  await expect(content(ada)).toBeFocused();
  await ada.keyboard.type('Three counties, the whole river valley.');
  await expect(content(bo).locator('h3')).toHaveText(footprint);
  await expect(content(bo)).toContainText('Three counties, the whole river valley.');
  // Bo answers another question "not yet"; both answers stay.
  await choice(bo, 'support-team.convener', 'Not yet').check();
  await expect(choice(ada, 'support-team.convener', 'Not yet')).toBeChecked();
  await expect(choice(ada, 'support-team.one-sector', 'Yes')).toBeChecked();
  await expect(ada.getByTestId('review-progress')).toHaveText('2 of 4 answered');

  // A link from the toolbar: only http, https and mailto addresses are accepted.
  await caretToEnd(ada, content(ada).locator('h2'));
  await ada.keyboard.press('Enter');
  await ada.getByTestId('note-tool-link').click();
  const linkForm = ada.getByTestId('note-link-form');
  await linkForm.getByLabel('Link address').fill('javascript:alert(1)');
  await linkForm.getByRole('button', { name: 'Apply' }).click();
  await expect(linkForm.getByRole('alert')).toContainText('https://');
  // (An address on the app's own server: the suite refuses requests to other hosts.)
  const address = `${app.url}/healthz`;
  await linkForm.getByLabel('Link address').fill(address);
  await linkForm.getByRole('button', { name: 'Apply' }).click();
  await expect(linkForm).toBeHidden();
  await expect(content(bo).locator('a')).toHaveAttribute('href', address);

  // A viewer reads the note and the answers, and can change neither.
  const vi = await (await app.newContext()).newPage();
  const viErrors = collectErrors(vi);
  await openBoard(vi, board.links.viewer, 'Vi');
  await openNotes(vi);
  await expect(content(vi)).toHaveAttribute('contenteditable', 'false');
  await expect(content(vi).locator('h2')).toHaveText('Employer feedback');
  await expect(content(vi).locator('strong')).toHaveText('one');
  await expect(vi.getByTestId('note-toolbar')).toHaveCount(0);
  await expect(choice(vi, 'support-team.one-sector', 'Yes')).toBeChecked();
  await expect(choice(vi, 'support-team.one-sector', 'Yes')).toBeDisabled();
  await expect(question(vi, 'support-team.one-sector').getByTestId('review-text')).toHaveText('Healthcare first, manufacturing next');
  await expect(vi.getByTestId('review-answer')).toHaveCount(0);
  const before = await content(vi).textContent();
  await content(vi).click();
  await vi.keyboard.type('viewer was here');
  await expect(content(vi)).toHaveText(before!);
  await expect(content(ada)).not.toContainText('viewer was here');
  // A viewer's click opens the link in a new tab that has no handle on the board.
  const boardUrl = vi.url();
  const [popup] = await Promise.all([vi.context().waitForEvent('page'), content(vi).locator('a').click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(address);
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  expect(vi.url()).toBe(boardUrl);
  await popup.close();

  if (SCREENSHOTS) {
    await ada.getByTestId('side-right').screenshot({ path: `${SCREENSHOTS}/notes-editor.png` });
    await vi.getByTestId('notes').evaluate((el) => el.closest('.side-content')?.scrollTo(0, 0));
    await vi.getByTestId('side-right').screenshot({ path: `${SCREENSHOTS}/notes-viewer.png` });
    await vi.getByTestId('notes').evaluate((el) => el.closest('.side-content')?.scrollTo(0, 10_000));
    await vi.getByTestId('side-right').screenshot({ path: `${SCREENSHOTS}/notes-viewer-review.png` });
    await ada.screenshot({ path: `${SCREENSHOTS}/notes-board.png` });
  }

  // Another step has its own (empty) note; the step select brings the first one back.
  await stepSelect.selectOption('map-tables');
  await expect(content(ada)).toHaveAttribute('aria-label', 'Notes for Map the tables');
  await expect(content(ada).locator('h2')).toHaveCount(0);
  await expect(choice(ada, 'support-team.one-sector', 'Yes')).not.toBeChecked();
  await stepSelect.selectOption('employer-journey');
  await expect(content(ada).locator('h2')).toHaveText('Employer feedback');
  await expect(content(ada).locator('h2')).toHaveCount(1);

  // After a reload the note and the answers are still there.
  await allSaved(ada);
  await allSaved(bo);
  await bo.reload();
  await expect(bo.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await openNotes(bo);
  await expect(content(bo).locator('h2')).toHaveText('Employer feedback');
  await expect(content(bo).locator('strong')).toHaveText('one');
  await expect(content(bo).locator('em')).toHaveText('twice');
  await expect(content(bo).locator('ul li')).toHaveText(['Call the chamber first']);
  await expect(content(bo).locator('h3')).toHaveText(footprint);
  await expect(choice(bo, 'support-team.convener', 'Not yet')).toBeChecked();

  // The export carries the note as Markdown and text, with the review.
  const token = new URL(board.links.viewer).searchParams.get('token')!;
  const res = await fetch(`${app.url}/api/boards/${board.id}/export?format=json&token=${token}`);
  expect(res.status).toBe(200);
  const exported = (await res.json()) as BoardExport;
  const note = exported.notes.find((n) => n.stepId === 'employer-journey')!;
  expect(note.markdown).toContain('## Employer feedback');
  expect(note.markdown).toContain('Employers want **one** contact, said *twice*');
  expect(note.markdown).toContain('- Call the chamber first');
  expect(note.markdown).toContain(`[${address}](<${address}>)`);
  expect(note.text).toContain('Three counties, the whole river valley.');
  expect(note.review.filter((r) => r.answer).map((r) => [r.questionId, r.answer, r.text, r.answeredBy])).toEqual([
    ['support-team.one-sector', 'yes', 'Healthcare first, manufacturing next', 'Ada'],
    ['support-team.convener', 'not-yet', '', 'Bo'],
  ]);

  expect(adaErrors).toEqual([]);
  expect(boErrors).toEqual([]);
  expect(viErrors).toEqual([]);
});

test('a blank board has one note for the whole board', async ({ app }) => {
  const board = await app.createBoard({ template: 'blank' });
  const page = await (await app.newContext()).newPage();
  const errors = collectErrors(page);
  await openBoard(page, board.links.facilitator, 'Fay');
  await openNotes(page);
  await expect(page.getByTestId('notes-step')).toHaveCount(0);
  await expect(content(page)).toHaveAttribute('aria-label', 'Notes for Whole board');
  // The toolbar is one tab stop; arrow keys, Home and End move along it.
  await expect(page.getByTestId('note-tool-h2')).toHaveAttribute('tabindex', '0');
  await expect(page.getByTestId('note-tool-bold')).toHaveAttribute('tabindex', '-1');
  await page.getByTestId('note-tool-h2').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('note-tool-h3')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Link' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Heading 2' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('note-tool-link')).toBeFocused();
  await page.keyboard.press('Escape');

  // The toolbar works on an empty note: it starts the first block itself.
  await page.getByTestId('note-tool-h3').click();
  await page.keyboard.type('Launch plan');
  await expect(content(page).locator('h3')).toHaveText('Launch plan');
  await expect(page.getByTestId('note-tool-h3')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.getByTestId('note-tool-number').click();
  await page.keyboard.type('Pick the date');
  await expect(content(page).locator('ol li')).toHaveText('Pick the date');
  await allSaved(page);
  const doc = await page.evaluate(() => {
    const d = (window as any).__board.doc;
    return d.share.has('note:board');
  });
  expect(doc).toBe(true);
  if (SCREENSHOTS) {
    await page.getByTestId('note-tool-link').click();
    await page.getByTestId('note-link-form').getByLabel('Link address').fill('www.example.org');
    await page.getByTestId('note-link-form').getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('side-right').screenshot({ path: `${SCREENSHOTS}/notes-blank.png` });
    await page.getByTestId('note-link-form').getByRole('button', { name: 'Cancel' }).click();
  }
  expect(errors).toEqual([]);
});
