import type { Page } from '@playwright/test';
import { expect, openBoard, test } from './app';

/**
 * Shapes off screen are drawn empty (client/board/shapes/offscreen.tsx) and drawn in full as the
 * camera brings them on screen, or as they are selected: what a person sees never differs.
 *
 * OFFSCREEN_SCREENSHOTS=<dir> saves screenshots of the board before and after the pan.
 */

const SHOTS = process.env.OFFSCREEN_SCREENSHOTS;

/** A labelled rectangle at (x, y). */
function addLabelled(page: Page, id: string, x: number, text: string) {
  return page.evaluate(
    ({ id, x, text }) => {
      const editor = (window as any).__board.editor;
      editor.createShape({
        id,
        type: 'geo',
        x,
        y: 200,
        props: { w: 220, h: 100, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
      });
    },
    { id, x, text },
  );
}

/** The text drawn inside a shape's container in the page. */
const drawnText = (page: Page, id: string) => page.locator(`.tl-shape[data-shape-id="${id}"]`).innerText();

test('a shape off screen is drawn empty and in full once the camera brings it on screen or it is selected', async ({ app }) => {
  const board = await app.createBoard();
  const context = await app.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openBoard(page, board.links.editor, 'Panning');
  await page.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: 0, y: 0, z: 1 });
  });
  await addLabelled(page, 'shape:near', 100, 'Employer survey');
  await addLabelled(page, 'shape:far', 30_000, 'Apprenticeship pilot');
  await addLabelled(page, 'shape:farther', 60_000, 'Career pathways map');

  await expect.poll(() => drawnText(page, 'shape:near')).toContain('Employer survey');
  await expect.poll(() => drawnText(page, 'shape:far')).toBe('');
  expect(await drawnText(page, 'shape:farther')).toBe('');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/offscreen-before-pan.png` });

  // Panned to: drawn, and shown.
  await page.evaluate(() => {
    (window as any).__board.editor.centerOnPoint({ x: 30_110, y: 250 });
  });
  await expect.poll(() => drawnText(page, 'shape:far')).toContain('Apprenticeship pilot');
  await expect(page.locator('.tl-shape[data-shape-id="shape:far"]')).toBeVisible();
  await expect.poll(() => drawnText(page, 'shape:near')).toBe('');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/offscreen-after-pan.png` });

  // Selected (tldraw never culls a selected shape): drawn although off screen.
  await page.evaluate(() => {
    (window as any).__board.editor.select('shape:farther');
  });
  await expect.poll(() => drawnText(page, 'shape:farther')).toContain('Career pathways map');

  // The SVG export draws every shape, on screen or not.
  const svg = await page.evaluate(async () => {
    const editor = (window as any).__board.editor;
    const result = await editor.getSvgString(['shape:near', 'shape:far']);
    return result?.svg ?? '';
  });
  expect(svg).toContain('Employer survey');
  expect(svg).toContain('Apprenticeship pilot');
});

/** How many shapes are mounted in the first frame that draws shape:m0 (on screen) with its label. */
async function mountedWhenFirstDrawn(page: Page, total: number): Promise<number> {
  const first = await page.waitForFunction(
    (n) => {
      const editor = (window as any).__board?.editor;
      if (!editor || editor.getCurrentPageShapes().length < n) return null;
      const near = document.querySelector('.tl-shape[data-shape-id="shape:m0"]') as HTMLElement | null;
      if (!near?.innerText.includes('Card 0')) return null;
      return document.querySelectorAll('.tl-shape').length;
    },
    total,
    { polling: 'raf' },
  );
  return (await first.jsonValue()) as number;
}

test('a big board opens with the shapes on screen mounted first and the rest mounted after the first paint', async ({ app }) => {
  const board = await app.createBoard();
  const context = await app.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openBoard(page, board.links.editor, 'Mounting');
  const total = 1_500;
  await page.evaluate((n) => {
    const editor = (window as any).__board.editor;
    editor.setCamera({ x: 0, y: 0, z: 1 });
    editor.run(() => {
      const shapes = [];
      for (let i = 0; i < n; i++) {
        shapes.push({ id: `shape:m${i}`, type: 'geo', x: (i % 50) * 260, y: 300 + Math.floor(i / 50) * 140, props: { w: 220, h: 100, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Card ${i}` }] }] } } });
      }
      editor.createShapes(shapes);
    });
  }, total);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');

  // A return visit (the board read from this browser's copy) and a first visit in another browser.
  await page.reload();
  expect(await mountedWhenFirstDrawn(page, total)).toBeLessThan(total / 2);
  const other = await (await app.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' })).newPage();
  await other.goto(board.links.viewer);
  expect(await mountedWhenFirstDrawn(other, total)).toBeLessThan(total / 2);
  // Then the rest, without anyone moving the camera.
  await expect.poll(() => page.locator('.tl-shape').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(total);
  // A shape far off screen, reached by the camera, is drawn.
  await page.evaluate(() => {
    (window as any).__board.editor.centerOnPoint({ x: 49 * 260 + 110, y: 300 + 29 * 140 + 50 });
  });
  await expect.poll(() => page.locator('.tl-shape[data-shape-id="shape:m1499"]').innerText()).toContain('Card 1499');
});
