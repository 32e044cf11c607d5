import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, openBoard, test, type App } from './app';

/**
 * What people see on the screens they have (1366 × 768, the most common laptop, and 1024 × 768):
 * a facilitator, an editor and a viewer on one Many Tables, Many Knocks board. Every check
 * measures the screen: card text size after each way of going to a step, a typed connection's
 * label on the canvas, the canvas's free width, controls cut off in the bars, the vote notice,
 * the viewer's Vote tab, and axe's verdict on the page.
 */

const LAPTOP = { width: 1366, height: 768 };
const SMALL = { width: 1024, height: 768 };
/** The smallest text a person can read on a card without zooming in by hand. */
const READABLE_PX = 11;

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Text size on screen (CSS px × zoom) of the smallest text in the cards the canvas shows, and how many cards it shows. */
function cardTextOnScreen(page: Page): Promise<{ smallest: number; cards: number }> {
  return page.evaluate(() => {
    const zoom = (window as any).__board.editor.getZoomLevel();
    const canvas = document.querySelector('.tl-canvas')!.getBoundingClientRect();
    let smallest = Number.POSITIVE_INFINITY;
    let cards = 0;
    for (const card of document.querySelectorAll('.pb-card')) {
      const r = card.getBoundingClientRect();
      if (r.right <= canvas.left || r.left >= canvas.right || r.bottom <= canvas.top || r.top >= canvas.bottom) continue;
      cards++;
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.data.trim() && node.parentElement) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(node.parentElement).fontSize) * zoom);
      }
    }
    return { smallest, cards };
  });
}

/** Resolves once the camera has stopped moving (step views animate). */
async function cameraSettled(page: Page) {
  const camera = () => page.evaluate(() => JSON.stringify((window as any).__board.editor.getCamera()));
  let last = await camera();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = await camera();
    if (now === last) return;
    last = now;
  }
}

/** The canvas shows at least `atLeast` cards, all with their smallest text readable. */
async function readableCards(page: Page, atLeast: number) {
  await cameraSettled(page);
  const seen = await cardTextOnScreen(page);
  expect(seen.cards, 'cards on screen').toBeGreaterThanOrEqual(atLeast);
  expect(seen.smallest, 'smallest card text on screen (px)').toBeGreaterThanOrEqual(READABLE_PX - 0.01);
}

/** Moves the view far away from every zone, zoomed out, as a person who wandered off would. */
function wanderOff(page: Page) {
  return page.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: 4000, y: 4000, z: 0.2 });
  });
}

/** Width of the canvas not covered by a side panel floating over it. */
function freeCanvasWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.board-canvas')!.getBoundingClientRect();
    let left = canvas.left;
    let right = canvas.right;
    for (const el of document.querySelectorAll<HTMLElement>('[data-covers-canvas]')) {
      const r = el.getBoundingClientRect();
      if (el.dataset.coversCanvas === 'left') left = Math.max(left, r.right);
      else right = Math.min(right, r.left);
    }
    return right - left;
  });
}

/** Controls of the top bar and the session bar that are cut off (outside the window, or their text cut). */
function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.topbar :is(a, button, input, select), .session-bar :is(a, button, input, select, label)')) {
      if (!el.checkVisibility() || el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 30);
      if (r.left < 0 || r.right > window.innerWidth + 0.5 || r.width < 4) out.push(`${name}: outside the window`);
      else if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT') out.push(`${name}: text cut`);
    }
    return out;
  });
}

/** axe-core's serious and critical findings on the page (its default rules plus the label-in-name check). */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

async function openAt(app: App, link: string, name: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await app.newContext()).newPage();
  await page.setViewportSize(viewport);
  await openBoard(page, link, name);
  return page;
}

/** Adds a card from the palette (a floating panel is opened first) and names it in the inspector. */
async function addNamedCard(page: Page, type: string, name: string) {
  const palette = page.getByTestId('palette');
  if (!(await palette.isVisible())) await page.getByTestId('toggle-left').click();
  await palette.getByRole('button', { name: type, exact: true }).click();
  const inspector = page.getByTestId('item-inspector');
  await expect(inspector).toHaveAttribute('data-item-type', type.toLowerCase());
  // The new card's first field takes the keyboard.
  await expect(inspector.locator('input:focus, textarea:focus')).toHaveCount(1);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
}

/**
 * Whether a shape's left and right edges are on the part of the canvas no side panel floating
 * over it covers (within the canvas itself).
 */
function clearOfPanels(page: Page, shapeId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const editor = (window as any).__board.editor;
    const b = editor.getShapePageBounds(id);
    if (!b) return false;
    const from = editor.pageToScreen({ x: b.x, y: b.y });
    const to = editor.pageToScreen({ x: b.x + b.w, y: b.y + b.h });
    const canvas = document.querySelector('.board-canvas')!.getBoundingClientRect();
    let left = canvas.left;
    let right = canvas.right;
    for (const el of document.querySelectorAll<HTMLElement>('[data-covers-canvas]')) {
      const r = el.getBoundingClientRect();
      if (el.dataset.coversCanvas === 'left') left = Math.max(left, r.right);
      else right = Math.min(right, r.left);
    }
    return from.x >= left - 1 && to.x <= right + 1;
  }, shapeId);
}

test('at 1024 × 768 the first step opens beside the floating panel, and each card added is filled in clear of the Details panel', async ({ app }) => {
  const board = await app.createBoard({ template: 'many-tables-many-knocks', title: 'Three Rivers manufacturing' });
  const ed = await openAt(app, board.links.editor, 'Ada', SMALL);
  // The exercise panel floats over the canvas; the zone's label and prompt start beside it.
  await expect(ed.getByTestId('palette')).toBeVisible();
  await expect.poll(() => ed.evaluate(() => (window as any).__board.editor.getCamera().z)).toBe(1);
  const zoneCorner = await ed.evaluate(() => {
    const editor = (window as any).__board.editor;
    const b = editor.getShapePageBounds('shape:zone-journey');
    return editor.pageToScreen({ x: b.x, y: b.y }).x;
  });
  const panelEdge = await ed.getByTestId('side-left').evaluate((el) => el.getBoundingClientRect().right);
  expect(zoneCorner).toBeGreaterThanOrEqual(panelEdge);

  for (const name of ['Too many calls', 'Nobody follows up', 'Forms twice', 'Great apprentices']) {
    await addNamedCard(ed, 'Quote', name);
    const id = (await ed.getByTestId('item-inspector').getAttribute('data-shape-id'))!;
    // Only the new card is selected, and the panel that slid in to fill it in does not hide it.
    expect(await ed.evaluate(() => (window as any).__board.editor.getSelectedShapeIds())).toEqual([id]);
    await expect.poll(() => clearOfPanels(ed, id)).toBe(true);
  }
});

for (const viewport of [LAPTOP, SMALL]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`a team reads and works on the board at ${size}: readable steps, typed connections, room, votes`, async ({ app }) => {
    const board = await app.createBoard({ template: 'many-tables-many-knocks', title: 'Three Rivers manufacturing' });
    const fac = await openAt(app, board.links.facilitator, 'Fatima', viewport);
    const ed = await openAt(app, board.links.editor, 'Ada', viewport);
    const vi = await openAt(app, board.links.viewer, 'Vic', viewport);
    const everyone = [fac, ed, vi];
    const ballotRequests: string[] = [];
    vi.on('request', (r) => {
      if (r.url().includes('/ballots/')) ballotRequests.push(r.url());
    });
    const errors: string[] = [];
    for (const p of everyone) p.on('pageerror', (e) => errors.push(String(e)));

    // The facilitator fills the tables step: the cards go into the tables zone (it takes Table cards).
    const tables = ['Manufacturing advisory committee', 'Precision manufacturing council', 'Workforce board roundtable', 'Machinists’ breakfast club', 'Valley welding advisory board', 'Chamber manufacturing forum'];
    for (const name of tables) await addNamedCard(fac, 'Table', name);
    for (const p of [ed, vi]) {
      await expect.poll(() => p.evaluate(() => (window as any).__board.editor.getCurrentPageShapes().filter((s: any) => s.type === 'pb-item-table').length)).toBe(6);
    }

    // "Start step 1", then "Next step" with "Take everyone there": everyone sees the tables readable.
    for (const p of everyone) await wanderOff(p);
    await expect(fac.getByTestId('step-take-all')).toBeChecked();
    await fac.getByTestId('step-next').click();
    await fac.getByTestId('step-next').click();
    for (const p of everyone) {
      await expect(p.getByTestId('session-step')).toHaveAttribute('data-step-id', 'map-tables');
      await readableCards(p, 3);
    }

    // A participant's "Go to current step", and "Go to zone" in the steps panel.
    await wanderOff(ed);
    await ed.getByTestId('step-go').click();
    await readableCards(ed, 3);
    await wanderOff(vi);
    if (!(await vi.getByTestId('steps-panel').isVisible())) await vi.getByTestId('toggle-left').click();
    await vi.locator('[data-step-id="map-tables"] [data-testid="go-to-zone"]').click();
    await readableCards(vi, 3);

    // The keyboard way to connect two cards, typed: every screen shows the connection's label.
    await ed.evaluate((title) => {
      const editor = (window as any).__board.editor;
      const card = editor.getCurrentPageShapes().find((s: any) => s.props?.name === title);
      editor.select(card.id);
    }, tables[0]);
    if (!(await ed.getByTestId('connect-to').isVisible())) await ed.getByTestId('toggle-right').click();
    const connect = ed.getByTestId('connect-to');
    await connect.getByTestId('connect-target').selectOption({ label: `Table: ${tables[1]}` });
    await expect(connect.getByTestId('connect-kind')).toHaveValue('overlaps');
    await connect.getByTestId('connect-button').click();
    await expect(connect.getByTestId('connect-status')).toHaveText(`Connected to Table: ${tables[1]} as Overlaps.`);
    for (const p of everyone) {
      const label = p.getByTestId('connector-label');
      await expect(label).toHaveText('Overlaps');
      const onScreen = await label.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize) * (window as any).__board.editor.getZoomLevel());
      expect(onScreen, 'connection label size on screen (px)').toBeGreaterThanOrEqual(READABLE_PX);
    }
    // Screen readers hear what the selected card is.
    await expect(ed.locator('.tl-container [role="status"][aria-live]')).toContainText(`Table: ${tables[0]}, card`);

    // Room: the canvas keeps at least 60 % of the window, nothing in the bars is cut off.
    for (const p of everyone) {
      expect(await freeCanvasWidth(p), 'free canvas width (px)').toBeGreaterThanOrEqual(viewport.width * 0.6);
      expect(await clippedControls(p)).toEqual([]);
      expect((await p.getByTestId('session-bar').boundingBox())!.height, 'session bar in one row').toBeLessThan(50);
    }
    // No tldraw page menu, and the style panel stays closed while a card is selected.
    await expect(ed.locator('.tlui-page-menu__trigger')).toHaveCount(0);
    await expect(ed.getByTestId('style.panel')).toHaveCount(0);

    // A dot vote: everyone is told, the viewer watches without an error and asks for no ballot.
    if (!(await fac.getByTestId('tab-vote').isVisible())) await fac.getByTestId('toggle-right').click();
    await fac.getByTestId('tab-vote').click();
    await fac.getByTestId('vote-start').click();
    await expect(fac.getByTestId('vote-tab')).toHaveAttribute('data-status', 'open');
    await expect(ed.getByTestId('vote-notice-region')).toContainText('Dot vote on “Map the tables”');
    await expect(ed.getByTestId('vote-notice-text')).toContainText('You have 3 dots');
    await expect(vi.getByTestId('vote-notice-text')).toContainText('Your link lets you watch');
    await vi.getByTestId('vote-notice-open').click();
    await expect(vi.getByTestId('vote-tab')).toHaveAttribute('data-status', 'open');
    await expect(vi.getByTestId('vote-tab')).toContainText('View only');
    await expect(vi.getByTestId('vote-error')).toHaveCount(0);
    expect(ballotRequests).toEqual([]);

    // axe: nothing serious or critical on the board page.
    expect(await seriousAxeFindings(fac)).toEqual([]);
    expect(await seriousAxeFindings(vi)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('at 1280 × 720 the facilitator’s session bar is one row, the rest in "More"', async ({ app }) => {
  const board = await app.createBoard({ template: 'many-tables-many-knocks' });
  const fac = await openAt(app, board.links.facilitator, 'Fatima', { width: 1280, height: 720 });
  await fac.getByTestId('step-next').click();
  await fac.getByTestId('follow-me').click().catch(() => {});
  await expect.poll(async () => (await fac.getByTestId('session-bar').boundingBox())!.height).toBeLessThan(50);
  expect(await clippedControls(fac)).toEqual([]);
  // Every tab of the right panel shows whole, none scrolled out of its bar.
  await expect(fac.getByTestId('tab-vote')).toBeVisible();
  const tabs = await fac.locator('.panel-tabs').last().evaluate((el) => ({ needed: el.scrollWidth, shown: el.clientWidth }));
  expect(tabs.needed, 'width the right panel’s tabs need (px)').toBeLessThanOrEqual(tabs.shown);
  // Whatever did not fit is one press away.
  if (await fac.getByTestId('session-more').isVisible()) {
    await fac.getByTestId('session-more').click();
    await expect(fac.getByTestId('session-more-panel')).toBeVisible();
    await fac.keyboard.press('Escape');
    await expect(fac.getByTestId('session-more-panel')).toBeHidden();
    await expect(fac.getByTestId('session-more')).toBeFocused();
  }
});

test('at 1024 × 768 a step with a long title still leaves every session control whole', async ({ app }) => {
  const board = await app.createBoard({ template: 'frontline-communication' });
  const fac = await openAt(app, board.links.facilitator, 'Fatima', SMALL);
  await fac.getByTestId('step-next').click();
  await fac.getByTestId('step-next').click();
  await expect(fac.getByTestId('session-step')).toContainText('Ten ways to use sector information');
  await fac.getByTestId('timer-start').click();
  await expect.poll(async () => (await fac.getByTestId('session-bar').boundingBox())!.height).toBeLessThan(50);
  expect(await clippedControls(fac)).toEqual([]);
});

test('a trainer’s move of all boards moves the views of boards whose facilitator takes everyone there; home and dashboard pass axe', async ({ app }) => {
  const res = await fetch(`${app.url}/api/cohorts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Spring academy', template: 'many-tables-many-knocks', teams: ['North Valley', 'River Bend'] }),
  });
  expect(res.status).toBe(201);
  const cohort = (await res.json()) as { id: string; links: { trainer: string }; boards: { links: { facilitator: string; editor: string } }[] };
  const trainerToken = new URL(cohort.links.trainer).searchParams.get('token')!;
  const fac = await openAt(app, cohort.boards[0].links.facilitator, 'Fatima', LAPTOP);
  const ed = await openAt(app, cohort.boards[0].links.editor, 'Ada', LAPTOP);
  for (const name of ['Regional knock one', 'Regional knock two', 'Regional knock three']) await addNamedCard(fac, 'Knock', name);
  await expect(fac.getByTestId('step-take-all')).toBeChecked();
  await wanderOff(ed);
  const moved = await fetch(`${app.url}/api/cohorts/${cohort.id}/broadcast?token=${trainerToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ step: 'map-knocks' }),
  });
  expect(moved.status).toBe(200);
  await expect(ed.getByTestId('session-step')).toHaveAttribute('data-step-id', 'map-knocks');
  await readableCards(ed, 3);

  const home = await (await app.newContext()).newPage();
  await home.setViewportSize(LAPTOP);
  await home.goto(app.url);
  await expect(home.getByRole('tab', { name: 'A board' })).toBeVisible();
  expect(await seriousAxeFindings(home)).toEqual([]);
  const dashboard = await (await app.newContext()).newPage();
  await dashboard.setViewportSize(LAPTOP);
  await dashboard.goto(cohort.links.trainer);
  await expect(dashboard.getByTestId('team-tile')).toHaveCount(2);
  expect(await seriousAxeFindings(dashboard)).toEqual([]);
});

test('three people who all chose the same colour get three colours on the board; Tab starts at the top bar', async ({ app }) => {
  const board = await app.createBoard({ template: 'many-tables-many-knocks' });
  const pages: Page[] = [];
  for (const [name, link] of [['Fatima', board.links.facilitator], ['Ada', board.links.editor], ['Vic', board.links.viewer]] as const) {
    const context = await app.newContext();
    await context.addInitScript((who) => {
      // Everyone's browser picked the same pink.
      localStorage.setItem('pb.user', JSON.stringify({ id: `id-${who}`, name: who, color: '#F04F88' }));
    }, name);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP);
    await page.goto(link);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
    pages.push(page);
  }
  const shownColours = () => Promise.all(pages.map((p) => p.evaluate(() => (window as any).__board.editor.user.getColor() as string)));
  await expect.poll(async () => new Set(await shownColours()).size).toBe(3);
  const colours = await shownColours();
  // Everyone sees the others' cursors in the colours they show themselves.
  await expect
    .poll(() => pages[0].evaluate(() => (window as any).__board.editor.store.query.records('instance_presence').get().map((p: any) => p.color).sort()))
    .toEqual([colours[1], colours[2]].sort());
  // The swatch beside each name shows it too.
  for (const p of pages) await expect(p.getByTestId('user-name').locator('.user-swatch')).toBeVisible();

  // A person who starts with the keyboard starts at the top of the page, in the top bar.
  await pages[1].reload();
  await expect(pages[1].getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await pages[1].keyboard.press('Tab');
  await expect(pages[1].locator('.topbar a.topbar-home')).toBeFocused();
});

test('at 1920 × 1080 a results table wider than the panel shows whole after "Widen the panel", remembered', async ({ app }) => {
  const board = await app.createBoard({ template: 'influence-map' });
  const fac = await openAt(app, board.links.facilitator, 'Fatima', { width: 1920, height: 1080 });
  await fac.getByTestId('palette').getByRole('button', { name: 'Priority area', exact: true }).click();
  await expect(fac.getByTestId('item-inspector').locator('input:focus, textarea:focus')).toHaveCount(1);
  await fac.keyboard.type('Machinist pipeline');
  await fac.keyboard.press('Tab');
  const figure = fac.locator('.figure', { hasText: 'Tipping the scales' });
  const table = figure.locator('.figure-table-wrap');
  const hiddenWidth = () => table.evaluate((el) => el.scrollWidth - el.clientWidth);
  await expect.poll(hiddenWidth).toBeGreaterThan(1);
  await figure.getByTestId('figure-widen').click();
  await expect.poll(hiddenWidth, 'table width hidden to the side (px)').toBeLessThanOrEqual(1);
  await expect(figure.getByTestId('figure-widen')).toHaveCount(0);
  // The canvas stays wider than a 1366 × 768 laptop's.
  expect(await freeCanvasWidth(fac), 'free canvas width (px)').toBeGreaterThan(825);
  await fac.reload();
  await expect.poll(hiddenWidth).toBeLessThanOrEqual(1);
});

test('a blank board opens on a tab that applies: no Vote tab, not even for its facilitator', async ({ app }) => {
  const board = await app.createBoard({ template: 'blank' });
  const fac = await openAt(app, board.links.facilitator, 'Fatima', LAPTOP);
  await expect(fac.getByTestId('tab-rubric')).toHaveAttribute('aria-selected', 'true');
  await expect(fac.getByTestId('tab-vote')).toHaveCount(0);
  await expect(fac.getByTestId('vote-tab')).toHaveCount(0);
});
