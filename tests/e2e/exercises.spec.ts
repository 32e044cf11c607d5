import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { EXERCISES } from '../../exercises/registry';
import { expect, openBoard, test, type App } from './app';

/**
 * Exercise boards end to end: a board made from the home page form, cards added through the
 * palette and filled in through the inspector, a typed connector drawn with the arrow tool, and
 * what a second person and the results API see.
 */

type Links = { facilitator: string; editor: string; viewer: string };

/** Creates a board from the home page form with the given template; returns its id and links. */
async function createFromHome(page: Page, app: App, templateTitle: string): Promise<{ id: string; links: Links }> {
  await page.goto(app.url);
  const form = page.getByTestId('create-board-form');
  await form.getByLabel('Board title').fill('Spring partnership work-session');
  await form.getByLabel('Region').fill('Tri-County');
  await form.getByLabel('Target sector').fill('Advanced manufacturing');
  await form.getByLabel('Template').selectOption({ label: templateTitle });
  await form.getByRole('button', { name: /create board/i }).click();
  const links = {} as Links;
  for (const role of ['facilitator', 'editor', 'viewer'] as const) {
    links[role] = (await page.getByTestId(`board-link-${role}`).textContent())!.trim();
  }
  const id = new URL(links.editor).pathname.split('/').pop()!;
  return { id, links };
}

/**
 * Adds a card with a palette button (clicked, or focused and activated with Enter); the new card
 * alone is selected and its first field focused. Returns its id.
 */
async function addCard(page: Page, typeLabel: string, how: 'click' | 'keyboard' = 'click'): Promise<string> {
  const before = await selectedIds(page);
  const button = page.getByTestId('palette').getByRole('button', { name: typeLabel, exact: true });
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const inspector = page.getByTestId('item-inspector');
  await expect(inspector).toBeVisible();
  const id = (await inspector.getAttribute('data-shape-id'))!;
  expect(before).not.toContain(id);
  // Only the new card is selected: cards added before it are not (the Details tab shows one card).
  expect(await selectedIds(page)).toEqual([id]);
  // The first field has the keyboard: typing goes straight into it.
  await expect(inspector.locator('[data-field]').first()).toBeFocused();
  return id;
}

function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__board.editor.getSelectedShapeIds());
}

async function selectShape(page: Page, id: string) {
  await page.evaluate((shapeId) => {
    (window as any).__board.editor.select(shapeId);
  }, id);
}

function inspector(page: Page): Locator {
  return page.getByTestId('item-inspector');
}

/** Props of a shape as the page's store has them. */
function shapeProps(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate((shapeId) => (window as any).__board.editor.getShape(shapeId)?.props ?? {}, id);
}

/** Collects uncaught errors of a page; the tests expect none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Draws an arrow with the toolbar's arrow tool from the middle of one card to the middle of another. */
async function drawArrow(page: Page, fromId: string, toId: string): Promise<string> {
  const centre = (id: string) =>
    page.evaluate((shapeId) => {
      const editor = (window as any).__board.editor;
      const p = editor.pageToScreen(editor.getShapePageBounds(shapeId).center);
      return { x: p.x, y: p.y };
    }, id);
  const a = await centre(fromId);
  const b = await centre(toId);
  await page.getByTestId('tools.arrow').click();
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  const connector = page.getByTestId('connector-inspector');
  await expect(connector).toBeVisible();
  return (await connector.getAttribute('data-shape-id'))!;
}

/** Selects the cards of a type through the results panel's count (which also zooms to them). */
async function showCardsOfType(page: Page, typeLabel: string) {
  await page.getByTestId('item-counts').getByRole('button', { name: new RegExp(`^${typeLabel}: select`) }).click();
  await page.waitForTimeout(450); // the camera animation
}

async function allSaved(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
}

async function fetchResults(app: App, boardId: string, link: string) {
  const token = new URL(link).searchParams.get('token')!;
  const res = await fetch(`${app.url}/api/boards/${boardId}/results?token=${encodeURIComponent(token)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    templateId: string;
    items: { id: string; type: string; title: string; fields: Record<string, unknown>; createdBy?: string; zoneId: string | null }[];
    connections: { id: string; kind: string; fromId: string | null; toId: string | null; fields: Record<string, unknown>; complete: boolean }[];
    figures: { id: string; kind: string; entries?: { text: string }[]; rows?: { cells: unknown[] }[] }[];
  };
}

test('Many Tables, Many Knocks: tables, an overlap and the figures reach a second person and the results API', async ({ app }) => {
  const ada = await (await app.newContext()).newPage();
  const errors = collectErrors(ada);
  const board = await createFromHome(ada, app, 'Many Tables, Many Knocks');
  await openBoard(ada, board.links.facilitator, 'Ada');

  // Work in step 2: new cards go into its zone.
  await ada.getByTestId('steps-panel').getByRole('button', { name: /Map the tables/ }).click();
  await expect(ada.getByTestId('palette')).toContainText('The many tables');
  await ada.getByTestId('go-to-zone').click();
  // The zone is still empty: its top-left corner (label and prompt) in view at 100 %.
  await expect
    .poll(() =>
      ada.evaluate(() => {
        const editor = (window as any).__board.editor;
        const zone = editor.getShapePageBounds('shape:zone-tables');
        return editor.getZoomLevel() === 1 && editor.getViewportPageBounds().containsPoint({ x: zone.x + 10, y: zone.y + 10 });
      }),
    )
    .toBe(true);

  const advisory = await addCard(ada, 'Table');
  await ada.keyboard.type('Manufacturing advisory committee');
  await ada.keyboard.press('Tab');
  await expect(inspector(ada).getByLabel('Convening organization')).toBeFocused();
  await ada.keyboard.type('Tri-County Community College');
  await inspector(ada).getByLabel('Convener type').selectOption({ label: 'College' });
  await inspector(ada).getByLabel('Meets').fill('Quarterly');
  await inspector(ada).getByRole('group', { name: 'Serves its purpose' }).getByRole('radio', { name: '4' }).check();

  const council = await addCard(ada, 'Table');
  await ada.keyboard.type('Chamber manufacturing council');
  await inspector(ada).getByLabel('Convener type').selectOption({ label: 'Chamber of commerce' });
  await inspector(ada).getByLabel('Purpose').fill('Members share hiring needs');

  // The typing reached the board (the last keystrokes too, written on blur).
  await expect.poll(() => shapeProps(ada, advisory)).toMatchObject({
    name: 'Manufacturing advisory committee',
    convener: 'Tri-County Community College',
    convenerType: 'college',
    cadence: 'Quarterly',
    servesPurpose: 4,
  });
  await expect.poll(() => shapeProps(ada, council)).toMatchObject({ name: 'Chamber manufacturing council', convenerType: 'chamber', purpose: 'Members share hiring needs' });
  await expect(ada.locator('.pb-card-title', { hasText: 'Chamber manufacturing council' })).toBeVisible();

  // Cards sit in the step's zone without covering each other.
  const bounds = await ada.evaluate(
    (ids) => ids.map((id) => (window as any).__board.editor.getShapePageBounds(id)),
    [advisory, council],
  );
  expect(bounds[0].x + bounds[0].w <= bounds[1].x || bounds[1].x + bounds[1].w <= bounds[0].x || bounds[0].y + bounds[0].h <= bounds[1].y).toBe(true);

  // Connect the two tables with the arrow tool and type the arrow as an overlap.
  await showCardsOfType(ada, 'Table');
  const arrow = await drawArrow(ada, advisory, council);
  const connector = ada.getByTestId('connector-inspector');
  await expect(connector.getByTestId('arrow-start')).toContainText('Manufacturing advisory committee');
  await expect(connector.getByTestId('arrow-end')).toContainText('Chamber manufacturing council');
  await expect(connector.getByTestId('connector-kind').locator('option')).toHaveText(['none (free arrow)', 'Overlaps']);
  await connector.getByTestId('connector-kind').selectOption({ label: 'Overlaps' });
  await connector.getByLabel('What overlaps').selectOption({ label: 'Same businesses' });
  await expect(ada.locator('[data-figure-id="table-overlaps"]')).toContainText('Manufacturing advisory committee ↔ Chamber manufacturing council: same businesses');
  await allSaved(ada);
  await ada.screenshot({ path: 'test-results/exercises-connector.png' });

  // A second person (view only) sees the cards, their fields and the figure.
  const bo = await (await app.newContext()).newPage();
  await openBoard(bo, board.links.viewer, 'Bo');
  await expect(bo.getByTestId('palette')).toHaveCount(0);
  await expect(bo.getByTestId('item-counts').locator('[data-item-type="table"]')).toHaveAttribute('data-count', '2');
  await expect(bo.locator('[data-figure-id="table-overlaps"]')).toContainText('Manufacturing advisory committee ↔ Chamber manufacturing council');
  await expect(bo.locator('[data-figure-id="tables-per-convener-type"]')).toContainText('College');
  await showCardsOfType(bo, 'Table');
  await expect(bo.locator('.pb-card-title', { hasText: 'Manufacturing advisory committee' })).toBeVisible();
  await expect(bo.locator('.pb-card-field', { hasText: 'Convener type: College' })).toBeVisible();
  await selectShape(bo, advisory);
  const readOnly = bo.getByTestId('item-inspector');
  await expect(readOnly.locator('input, select, textarea')).toHaveCount(0);
  await expect(readOnly.locator('[data-field="convener"] dd')).toHaveText('Tri-County Community College');
  await expect(readOnly.locator('[data-field="servesPurpose"] dd')).toHaveText('4 / 5');
  await expect(readOnly).toContainText('Added by Ada');
  await bo.screenshot({ path: 'test-results/exercises-viewer.png' });

  // The server extracts the same board.
  const results = await fetchResults(app, board.id, board.links.viewer);
  expect(results.templateId).toBe('many-tables-many-knocks');
  const tables = results.items.filter((i) => i.type === 'table');
  expect(tables.map((t) => t.title).sort()).toEqual(['Chamber manufacturing council', 'Manufacturing advisory committee']);
  expect(tables.find((t) => t.id === advisory)).toMatchObject({ zoneId: 'tables', createdBy: 'Ada', fields: { convenerType: 'college', servesPurpose: 4 } });
  expect(results.connections).toEqual([
    expect.objectContaining({ id: arrow, kind: 'overlaps', fromId: advisory, toId: council, complete: true, fields: expect.objectContaining({ overlap: 'same-businesses' }) }),
  ]);
  const overlapFigure = results.figures.find((f) => f.id === 'table-overlaps');
  expect(overlapFigure?.entries?.[0]?.text).toContain('same businesses');
  expect(errors).toEqual([]);
});

test('Universe of Connections: organizations and a connection reach a second person and the results API', async ({ app }) => {
  const ada = await (await app.newContext()).newPage();
  const errors = collectErrors(ada);
  const board = await createFromHome(ada, app, 'Universe of Connections');
  await openBoard(ada, board.links.editor, 'Ada');
  await expect(ada.getByTestId('palette')).toContainText('Universe of connections');

  const college = await addCard(ada, 'Organization');
  await ada.keyboard.type('Tri-County Community College');
  await inspector(ada).getByLabel('Category').selectOption({ label: 'Community or technical college' });
  await inspector(ada).getByLabel('Ring').selectOption({ label: 'Core support team' });
  await inspector(ada).getByLabel('Role in the partnership').selectOption({ label: 'Convener' });

  const wib = await addCard(ada, 'Organization');
  await ada.keyboard.type('Three Rivers Workforce Board');
  await inspector(ada).getByLabel('Category').selectOption({ label: 'Workforce development' });
  await inspector(ada).getByLabel('Ring').selectOption({ label: 'Core support team' });

  const person = await addCard(ada, 'Person', 'keyboard');
  await ada.keyboard.type('Dana Ortiz');
  await ada.keyboard.press('Tab');
  await ada.keyboard.type('Three Rivers Workforce Board');
  await ada.keyboard.press('Tab');
  await ada.keyboard.type('Business services lead');
  // Selecting another card right away (no pause, no blur) still writes the last keystrokes.
  await selectShape(ada, college);
  expect(await shapeProps(ada, person)).toMatchObject({ name: 'Dana Ortiz', organization: 'Three Rivers Workforce Board', role: 'Business services lead' });
  await expect(inspector(ada)).toHaveAttribute('data-shape-id', college);

  await showCardsOfType(ada, 'Organization');
  // Double-clicking a card on the canvas puts the keyboard in its first field; Escape hands it back.
  const collegeCentre = await ada.evaluate((id) => {
    const editor = (window as any).__board.editor;
    const p = editor.pageToScreen(editor.getShapePageBounds(id).center);
    return { x: p.x, y: p.y };
  }, college);
  await ada.mouse.dblclick(collegeCentre.x, collegeCentre.y);
  await expect(inspector(ada)).toHaveAttribute('data-shape-id', college);
  await expect(inspector(ada).getByLabel('Name')).toBeFocused();
  await ada.keyboard.press('Escape');
  await expect.poll(() => ada.evaluate(() => (window as any).__board.editor.getIsFocused())).toBe(true);

  const arrow = await drawArrow(ada, college, wib);
  const connector = ada.getByTestId('connector-inspector');
  await connector.getByTestId('connector-kind').selectOption({ label: 'Connection' });
  await connector.getByLabel('Strength').selectOption({ label: 'Strong' });
  await connector.getByLabel('Kind', { exact: true }).selectOption({ label: 'Formal' });
  await expect(ada.locator('[data-figure-id="most-connected"]')).toContainText('Tri-County Community College');
  await expect(ada.locator('[data-figure-id="isolated-organizations"]')).toContainText('Every organization has at least one connection');
  await allSaved(ada);

  const bo = await (await app.newContext()).newPage();
  await openBoard(bo, board.links.editor, 'Bo');
  await expect(bo.getByTestId('item-counts').locator('[data-item-type="organization"]')).toHaveAttribute('data-count', '2');
  await expect(bo.getByTestId('item-counts').locator('[data-item-type="person"]')).toHaveAttribute('data-count', '1');
  await expect(bo.locator('[data-figure-id="most-connected"]')).toContainText('Three Rivers Workforce Board');
  await showCardsOfType(bo, 'Organization');
  await expect(bo.locator('.pb-card-field', { hasText: 'Category: Community or technical college' })).toBeVisible();
  await selectShape(bo, arrow);
  await expect(bo.getByTestId('connector-kind')).toHaveValue('connection');
  await expect(bo.getByTestId('connector-inspector').getByLabel('Strength')).toHaveValue('strong');

  // An edit by the second person shows up for the first.
  await selectShape(bo, person);
  await bo.getByTestId('item-inspector').getByLabel('Role or position').fill('Director of business services');
  await bo.getByTestId('item-inspector').getByLabel('Role or position').blur();
  await expect.poll(() => shapeProps(ada, person)).toMatchObject({ role: 'Director of business services' });

  const results = await fetchResults(app, board.id, board.links.editor);
  expect(results.templateId).toBe('universe-of-connections');
  expect(results.items.map((i) => i.title).sort()).toEqual(['Dana Ortiz', 'Three Rivers Workforce Board', 'Tri-County Community College']);
  expect(results.items.find((i) => i.id === college)).toMatchObject({ zoneId: 'universe', fields: { category: 'community-college', ring: 'core', role: 'convener' } });
  expect(results.connections).toEqual([
    expect.objectContaining({ id: arrow, kind: 'connection', fromId: college, toId: wib, complete: true, fields: { strength: 'strong', formality: 'formal' } }),
  ]);
  expect(results.figures.find((f) => f.id === 'isolated-organizations')?.entries).toEqual([]);
  expect(errors).toEqual([]);
});

/** Sample titles, so the screenshots show realistic cards. */
const SAMPLE_TITLES = [
  'Regional manufacturing roundtable',
  'Employers say we call them too often',
  'Shared intake form for all programs',
  'Community college business services',
  'Quarterly sector briefing for frontline staff',
  'Youth apprenticeship pilot',
];

for (const exercise of EXERCISES.filter((e) => e.itemTypes.length > 0)) {
  const template = exercise.template;
  test(`${template.title}: a filled board is legible (screenshot)`, async ({ app }) => {
    const board = await app.createBoard({ template: template.id, title: `${template.title} practice` });
    const page = await (await app.newContext()).newPage();
    await openBoard(page, board.links.facilitator, 'Ada');

    // For every step with a zone: make it current and add one card of the next types in line.
    let n = 0;
    const stepsWithZone = template.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.zoneId);
    const firstZone = stepsWithZone[0]?.s.zoneId;
    for (const { s } of stepsWithZone) {
      await page.getByTestId('steps-panel').locator(`[data-step-id="${s.id}"] .step-head`).click();
      const perZone = s.zoneId === firstZone ? Math.min(4, exercise.itemTypes.length) : 1;
      for (let k = 0; k < perZone; k++) {
        const def = exercise.itemTypes[n % exercise.itemTypes.length];
        await addCard(page, def.label);
        await page.keyboard.type(SAMPLE_TITLES[n % SAMPLE_TITLES.length]);
        // Fill the first choice field too, so cards show a "Label: value" line.
        const choice = def.fields.find((f) => f.kind === 'choice');
        if (choice && choice.kind === 'choice') {
          await inspector(page).locator(`select[data-field="${choice.key}"]`).selectOption(choice.options[0].value);
        }
        n++;
      }
    }
    await allSaved(page);

    // Zones never overlap one another.
    const zones = template.zones;
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        const a = zones[i];
        const b = zones[j];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }

    fs.mkdirSync('test-results/templates', { recursive: true });
    // At 100 %, on the first zone's top-left (where the board opens): cards must be legible.
    await page.keyboard.press('Escape');
    await page.evaluate((zoneId) => {
      const editor = (window as any).__board.editor;
      editor.selectNone();
      const b = editor.getShapePageBounds(`shape:zone-${zoneId}`);
      if (b) editor.setCamera({ x: 24 - b.x, y: 64 - b.y, z: 1 });
    }, firstZone);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/templates/${template.id}.png` });
    // And the whole board, to see the zones side by side.
    await page.evaluate(() => void (window as any).__board.editor.zoomToFit());
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/templates/${template.id}-overview.png` });
  });
}
