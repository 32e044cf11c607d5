import type { Page } from '@playwright/test';
import { expect, openBoard, test } from './app';

/**
 * Label measurements kept between visits (client/board/shapes/labelSizes.ts): a return visit lays
 * out its geo labels from the sizes this browser stored with its copy of the board, and those
 * sizes are the ones a fresh measurement gives; a label changed anywhere is measured afresh.
 *
 * LABEL_SCREENSHOTS=<dir> saves screenshots of both browsers.
 */

const SHOTS = process.env.LABEL_SCREENSHOTS;
const VIEWPORT = { width: 1366, height: 768 };

const TEXTS = [
  'Welding',
  'Employer survey of entry-level skills',
  'A much longer label that has to wrap over several lines inside its rectangle, as partners write them',
  'Short',
  'Apprenticeship pilot with the community college and two employers',
  'Data',
];

/** Makes labelled rectangles in a row; different sizes and fonts on some of them. */
async function addLabelledShapes(page: Page) {
  await page.evaluate((texts) => {
    const editor = (window as any).__board.editor;
    editor.run(() => {
      texts.forEach((text: string, i: number) => {
        editor.createShape({
          id: `shape:label${i}`,
          type: 'geo',
          x: i * 220,
          y: 100,
          props: {
            w: 180,
            h: 80,
            size: i % 3 === 1 ? 'l' : 'm',
            font: i % 2 ? 'sans' : 'draw',
            richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          },
        });
      });
    });
    editor.zoomToFit();
  }, TEXTS);
}

/**
 * For every geo shape: the label size the editor uses (cached or not) and what tldraw's own
 * measurement of it gives now, in this page, plus the label's box in the shape's geometry.
 */
interface Size {
  w: number;
  h: number;
}
interface LabelLayout {
  id: string;
  used: Size;
  fresh: Size;
  label: Size;
  growY: number;
}

function labelLayout(page: Page): Promise<LabelLayout[]> {
  return page.evaluate(() => {
    const editor = (window as any).__board.editor;
    const util = editor.getShapeUtil('geo');
    const tldrawMeasure = Object.getPrototypeOf(Object.getPrototypeOf(util)).measureUnscaledLabelSize;
    return editor
      .getCurrentPageShapes()
      .filter((s: any) => s.type === 'geo')
      .sort((a: any, b: any) => (a.id < b.id ? -1 : 1))
      .map((s: any) => {
        const label = editor.getShapeGeometry(s).children.find((c: any) => c.isLabel);
        return {
          id: s.id,
          used: util.measureUnscaledLabelSize(s),
          fresh: tldrawMeasure.call(util, s),
          label: { w: label.bounds.w, h: label.bounds.h },
          growY: s.props.growY,
        };
      });
  });
}

function labelCounts(page: Page): Promise<{ hits: number; misses: number }> {
  return page.evaluate(() => {
    const labels = (window as any).__board.localCopy.labels;
    return { hits: labels.hits, misses: labels.misses };
  });
}

async function waitUntilKept(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-unsaved', 'false');
  await page.waitForFunction(() => (window as any).__board?.localCopy?.settled() === true);
  await page.waitForFunction(() => (window as any).__board?.localCopy?.labelSizesSettled() === true);
}

test('a return visit lays labels out from the sizes this browser kept, the sizes a fresh measurement gives', async ({ app }) => {
  const board = await app.createBoard();
  const context = await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openBoard(page, board.links.editor, 'Return');
  await addLabelledShapes(page);
  await waitUntilKept(page);
  const before = await labelLayout(page);
  expect(before).toHaveLength(TEXTS.length);

  await page.reload();
  await page.waitForFunction((n) => (window as any).__board?.editor?.getCurrentPageShapes().length === n, TEXTS.length);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  const after = await labelLayout(page);
  // Every label came from the kept sizes: none was measured as the board opened.
  expect(await labelCounts(page)).toMatchObject({ misses: 0 });
  expect((await labelCounts(page)).hits).toBeGreaterThanOrEqual(TEXTS.length);
  for (const shape of after) expect(shape.used, shape.id).toEqual(shape.fresh);
  expect(after).toEqual(before);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/labels-return-visit.png` });
});

test('a label edited in one browser is measured afresh in another that opened the board from its kept sizes', async ({ app }) => {
  const board = await app.createBoard();
  const aContext = await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const a = await aContext.newPage();
  await openBoard(a, board.links.editor, 'Ana');
  await addLabelledShapes(a);
  await waitUntilKept(a);

  const bContext = await app.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const b = await bContext.newPage();
  await openBoard(b, board.links.editor, 'Ben');
  await b.waitForFunction((n) => (window as any).__board?.editor?.getCurrentPageShapes().length === n, TEXTS.length);
  await b.evaluate(() => {
    (window as any).__board.editor.zoomToFit();
  });
  await waitUntilKept(b);
  await b.reload();
  await b.waitForFunction((n) => (window as any).__board?.editor?.getCurrentPageShapes().length === n, TEXTS.length);
  await expect(b.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  expect(await labelCounts(b)).toMatchObject({ misses: 0 });
  const short = (await labelLayout(b)).find((s) => s.id === 'shape:label0')!;

  // Ana writes a long text into the first rectangle (same font, size and width: only the text
  // tells the old size from the new).
  await a.evaluate(() => {
    const editor = (window as any).__board.editor;
    const text = 'Welding: the employers need twelve more certified welders by spring, and the college can train eight';
    editor.updateShape({ id: 'shape:label0', type: 'geo', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } });
  });
  await b.waitForFunction(() => (window as any).__board.editor.getShape('shape:label0').props.richText.content[0].content[0].text.startsWith('Welding:'));
  const edited = (await labelLayout(b)).find((s) => s.id === 'shape:label0')!;
  expect(edited.used).toEqual(edited.fresh);
  expect(edited.used.h).toBeGreaterThan(short.used.h);
  expect(edited.label.h).toBeGreaterThan(short.label.h);
  expect((await labelCounts(b)).misses).toBeGreaterThanOrEqual(1);
  // Both browsers lay the edited shape out alike.
  const inA = (await labelLayout(a)).find((s) => s.id === 'shape:label0')!;
  expect(edited.label).toEqual(inA.label);
  expect(edited.growY).toBe(inA.growY);
  if (SHOTS) {
    await a.screenshot({ path: `${SHOTS}/labels-edited-by-a.png` });
    await b.screenshot({ path: `${SHOTS}/labels-seen-by-b.png` });
  }
});
