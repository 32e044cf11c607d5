import type { Page } from '@playwright/test';
import { expect, openBoard, test, type App } from './app';

/**
 * A facilitated session end to end: a facilitator and two participants on one board. The step,
 * timer and viewport leading come from the board's control document, which only the
 * facilitator can write.
 */

interface Session {
  id: string;
  links: { facilitator: string; editor: string; viewer: string };
  fac: Page;
  ada: Page;
  bo: Page;
}

/** Bo's computer clock is seven minutes fast: the timer must not care. */
const BO_CLOCK_SKEW_MS = 7 * 60_000;

async function openSession(app: App): Promise<Session> {
  const board = await app.createBoard({ template: 'many-tables-many-knocks' });
  const fac = await (await app.newContext()).newPage();
  const ada = await (await app.newContext()).newPage();
  const boContext = await app.newContext();
  await boContext.addInitScript((skew) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + skew;
  }, BO_CLOCK_SKEW_MS);
  const bo = await boContext.newPage();
  await openBoard(fac, board.links.facilitator, 'Fatima');
  await openBoard(ada, board.links.editor, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');
  for (const p of [fac, ada, bo]) await expect(p.getByTestId('presence-count')).toHaveAttribute('data-count', '3');
  return { id: board.id, links: board.links, fac, ada, bo };
}

function viewportCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const b = (window as any).__board.editor.getViewportPageBounds();
    return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  });
}

async function expectCentreNear(page: Page, target: { x: number; y: number }, tolerance = 40) {
  await expect
    .poll(async () => {
      const c = await viewportCentre(page);
      return Math.max(Math.abs(c.x - target.x), Math.abs(c.y - target.y));
    })
    .toBeLessThan(tolerance);
}

/**
 * The step view of an empty zone: 100 %, the zone's top-left corner near the canvas's top-left,
 * so its label and the step's prompt are in view.
 */
async function expectOnEmptyZone(page: Page, zoneId: string) {
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const editor = (window as any).__board.editor;
        const b = editor.getShapePageBounds(`shape:zone-${id}`);
        const at = editor.pageToViewport({ x: b.x, y: b.y });
        return editor.getZoomLevel() === 1 && Math.abs(at.x - 24) < 2 && Math.abs(at.y - 64) < 2;
      }, zoneId),
    )
    .toBe(true);
}

/** Remaining ms the timer shows, normalised to one instant (the read time of the first page). */
async function remainingAll(pages: Page[]): Promise<number[]> {
  const reads: { value: number; at: number }[] = [];
  for (const p of pages) {
    const [value, at] = await p.getByTestId('session-timer').evaluate((el) => [Number(el.getAttribute('data-remaining-ms')), performance.timeOrigin + performance.now()]);
    reads.push({ value, at });
  }
  return reads.map((r) => r.value + (r.at - reads[0].at));
}

test('the facilitator moves everyone through the steps and runs one timer for all', async ({ app }) => {
  const { fac, ada, bo, links } = await openSession(app);
  const all = [fac, ada, bo];

  // Participants have no step or timer controls.
  for (const p of [ada, bo]) {
    await expect(p.getByTestId('step-next')).toHaveCount(0);
    await expect(p.getByTestId('timer-start')).toHaveCount(0);
  }

  await fac.getByTestId('step-next').click();
  for (const p of all) await expect(p.getByTestId('session-step')).toHaveAttribute('data-step-id', 'employer-journey');
  await fac.getByTestId('step-next').click();
  for (const p of all) {
    await expect(p.getByTestId('session-step')).toHaveAttribute('data-step-id', 'map-tables');
    await expect(p.getByTestId('session-step')).toContainText('Step 2 of 5');
    // The steps panel opens the step with its prompt and marks it as now.
    await expect(p.locator('li.step[data-now="true"]')).toHaveAttribute('data-step-id', 'map-tables');
  }
  // "Take everyone there": both participants now look at the step's (still empty) zone.
  await expectOnEmptyZone(ada, 'tables');
  await expectOnEmptyZone(bo, 'tables');

  // A participant looks elsewhere, then jumps back with one click.
  await ada.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: 4000, y: 4000, z: 1 });
  });
  await ada.getByTestId('step-go').click();
  await expectOnEmptyZone(ada, 'tables');

  // The timer: the step's 20 minutes, started, the same in all three (Bo's clock is 7 min fast).
  for (const p of all) await expect(p.getByTestId('session-timer')).toHaveAttribute('data-state', 'idle');
  await fac.getByTestId('timer-start').click();
  for (const p of all) await expect(p.getByTestId('session-timer')).toHaveAttribute('data-state', 'running');
  const running = await remainingAll(all);
  for (const r of running) expect(Math.abs(r - running[0])).toBeLessThan(1000);
  expect(running[0]).toBeGreaterThan(19 * 60_000);
  expect(running[0]).toBeLessThanOrEqual(20 * 60_000);

  await fac.getByTestId('timer-pause').click();
  for (const p of all) await expect(p.getByTestId('session-timer')).toHaveAttribute('data-state', 'paused');
  const paused = await Promise.all(all.map((p) => p.getByTestId('session-timer').getAttribute('data-remaining-ms')));
  expect(new Set(paused).size).toBe(1);
  await fac.getByTestId('timer-add').click();
  for (const p of all) await expect(p.getByTestId('session-timer')).toHaveAttribute('data-remaining-ms', String(Number(paused[0]) + 60_000));

  // A participant who joins mid-countdown sees the same time.
  await fac.getByTestId('timer-start').click();
  const late = await (await app.newContext()).newPage();
  await openBoard(late, links.editor, 'Cy');
  await expect(late.getByTestId('session-timer')).toHaveAttribute('data-state', 'running');
  const withLate = await remainingAll([fac, late]);
  expect(Math.abs(withLate[1] - withLate[0])).toBeLessThan(1000);
});

test('bring everyone and follow me drive the participants’ viewports until released', async ({ app }) => {
  const { fac, ada, bo } = await openSession(app);

  await fac.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: -3000, y: -1500, z: 0.8 });
  });
  await fac.getByTestId('bring-everyone').click();
  const target = await viewportCentre(fac);
  await expectCentreNear(ada, target);
  await expectCentreNear(bo, target);

  await fac.getByTestId('follow-me').click();
  await expect(fac.getByTestId('follow-me')).toHaveAttribute('aria-pressed', 'true');
  for (const p of [ada, bo]) await expect(p.getByTestId('follow-state')).toHaveAttribute('data-following', 'true');
  await fac.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: -500, y: -2500, z: 1 });
  });
  const moved = await viewportCentre(fac);
  await expectCentreNear(ada, moved);
  await expectCentreNear(bo, moved);

  // Who follows whom is visible to the facilitator.
  await fac.getByTestId('people-button').click();
  const people = fac.getByTestId('people-panel');
  const person = (name: string) => people.getByTestId('person').filter({ has: fac.locator('.person-name', { hasText: new RegExp(`^${name}`) }) });
  await expect(person('Ada')).toContainText('following Fatima');
  await expect(person('Fatima')).toHaveAttribute('data-role', 'facilitator');
  await expect(person('Bo')).toHaveAttribute('data-role', 'editor');
  await expect(person('Bo')).toContainText('following Fatima');

  // Bo opts out; the facilitator moves on; only Ada follows.
  await bo.getByTestId('follow-stop').click();
  await expect(bo.getByTestId('follow-state')).toHaveAttribute('data-following', 'false');
  const boBefore = await viewportCentre(bo);
  await fac.evaluate(() => {
    (window as any).__board.editor.setCamera({ x: -2000, y: 0, z: 1 });
  });
  const moved2 = await viewportCentre(fac);
  await expectCentreNear(ada, moved2);
  expect(await viewportCentre(bo)).toEqual(boBefore);
  await expect(person('Bo')).not.toContainText('following');
  await expect(person('Ada')).toContainText('following Fatima');
  await fac.keyboard.press('Escape');
  await expect(people).toBeHidden();

  // Released: Ada stops following.
  await fac.getByTestId('follow-me').click();
  await expect(ada.getByTestId('follow-state')).toHaveCount(0);
  await expect.poll(() => ada.evaluate(() => (window as any).__board.editor.getInstanceState().followingUserId)).toBeNull();
});

test('participants cannot change the session or locked zones, even with a modified client', async ({ app }) => {
  const { fac, ada } = await openSession(app);
  await fac.getByTestId('step-next').click();
  await expect(ada.getByTestId('session-step')).toHaveAttribute('data-step-id', 'employer-journey');

  // Writing the control document directly: the server refuses, nobody sees it.
  await ada.evaluate(() => {
    const control = (window as any).__board.control;
    control.doc.getMap('control').set('step', { stepId: 'real-alternative', index: 4, changedAt: Date.now(), by: 'Ada' });
  });
  await expect.poll(() => ada.evaluate(() => (window as any).__board.control.permissionDenied.get())).not.toBeNull();
  await fac.waitForTimeout(500);
  await expect(fac.getByTestId('session-step')).toHaveAttribute('data-step-id', 'employer-journey');

  // A locked template zone: not selectable or deletable from the UI…
  const zone = 'shape:zone-journey';
  const zoneBox = await ada.evaluate((id) => {
    const editor = (window as any).__board.editor;
    const b = editor.getShapePageBounds(id);
    editor.setCamera({ x: -b.x + 40, y: -b.y + 40, z: 0.5 });
    const p = editor.pageToViewport({ x: b.x + 60, y: b.y + 200 });
    return { x: p.x, y: p.y };
  }, zone);
  const canvasBox = (await ada.locator('.tl-canvas').boundingBox())!;
  await ada.mouse.click(canvasBox.x + zoneBox.x, canvasBox.y + zoneBox.y);
  await ada.keyboard.press('Delete');
  expect(await ada.evaluate((id) => Boolean((window as any).__board.editor.getShape(id)), zone)).toBe(true);
  // …nor through the editor API with the lock bypassed: the server puts it back for everyone.
  await ada.evaluate((id) => {
    const editor = (window as any).__board.editor;
    editor.run(() => editor.deleteShapes([id]), { ignoreShapeLock: true });
  }, zone);
  await expect.poll(() => ada.evaluate((id) => Boolean((window as any).__board.editor.getShape(id)), zone)).toBe(true);
  expect(await fac.evaluate((id) => Boolean((window as any).__board.editor.getShape(id)), zone)).toBe(true);

  // Only the facilitator can lock: participants have no lock action.
  const hasLockAction = (p: Page) =>
    p.evaluate(() => {
      const editor = (window as any).__board.editor;
      const id = editor.createShapeId?.() ?? `shape:n${Math.random().toString(36).slice(2)}`;
      editor.createShape({ id, type: 'note', x: 200, y: 200 });
      editor.select(id);
      return id;
    });
  const noteId = await hasLockAction(ada);
  await ada.keyboard.press('Shift+L');
  expect(await ada.evaluate((id) => (window as any).__board.editor.getShape(id).isLocked, noteId)).toBe(false);
  await fac.evaluate((id) => {
    (window as any).__board.editor.select(id);
  }, noteId);
  await fac.locator('.tl-canvas').focus();
  await fac.evaluate(() => {
    (window as any).__board.editor.focus();
  });
  await fac.keyboard.press('Shift+L');
  await expect.poll(() => ada.evaluate((id) => (window as any).__board.editor.getShape(id)?.isLocked, noteId)).toBe(true);
});

test('a facilitator hands the role to a participant through a link', async ({ app }) => {
  const { fac, ada } = await openSession(app);
  await fac.getByTestId('people-button').click();
  const row = fac.getByTestId('people-panel').getByTestId('person').filter({ has: fac.locator('.person-name', { hasText: /^Ada/ }) });
  await row.getByTestId('invite-button').click();
  const link = await row.getByTestId('invite-link').inputValue();
  expect(link).toContain('/b/');
  await ada.goto(link);
  await expect(ada.getByTestId('role-badge')).toHaveAttribute('data-role', 'facilitator');
  await expect(ada.getByTestId('step-next')).toBeVisible();
  await ada.getByTestId('step-next').click();
  await expect(fac.getByTestId('session-step')).toHaveAttribute('data-step-id', 'employer-journey');
});
