import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { capturingLogger, sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { CONTROL_MAP, ControlKey, controlRoomName } from '../../shared/doc/control';
import { getTemplate } from '../../exercises/registry';
import { RoomUnavailableError } from '../sync/Relay';
import { applyBroadcast } from './broadcast';
import { api, createTestCohort } from './testing';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

const MIN = 60_000;
const steps = getTemplate('many-tables-many-knocks')!.steps;

/** The control values of a board, read like the server reads them (live room, else storage). */
const controlOf = (s: RunningServer, boardId: string) =>
  s.relay.readDoc(boardId, 'control', (doc) => doc.getMap<unknown>(CONTROL_MAP).toJSON() as Record<string, any>);

/** The control values of a board as stored (what survives a restart). */
async function storedControlOf(s: RunningServer, boardId: string): Promise<Record<string, any>> {
  const stored = await s.storage.loadDoc(boardId, 'control');
  const doc = new Y.Doc();
  if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  const values = doc.getMap<unknown>(CONTROL_MAP).toJSON();
  doc.destroy();
  return values;
}

describe('POST /api/cohorts/:id/broadcast', () => {
  it('writes step, timer and banner into every team board’s control document', async () => {
    server = await startTestServer({ storage: sqliteIn(tempDir()) });
    const c = await createTestCohort(server, { count: 3 });
    const path = `/api/cohorts/${c.id}/broadcast`;
    // A participant of team 2 watching its control room live.
    const watcher = connectClient(server, controlRoomName(c.boards[1].id), c.boards[1].tokens.viewer);
    clients.push(watcher);
    await synced(watcher);

    const before = Date.now();
    let res = await api(server, 'POST', path, c.trainer, { step: 'map-knocks', banner: 'Back in the main room at 11:00' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ boards: 3, failed: [] });
    const bannerIds = new Set<string>();
    for (const b of c.boards) {
      for (const values of [await controlOf(server, b.id), await storedControlOf(server, b.id)]) {
        expect(values.step).toEqual({ stepId: 'map-knocks', index: 2, changedAt: expect.any(Number), by: 'Trainer' });
        expect(values.step.changedAt).toBeGreaterThanOrEqual(before);
        expect(values.step.changedAt).toBeLessThanOrEqual(Date.now());
        expect(values.timer).toEqual({ status: 'idle', durationMs: 25 * MIN, stepId: 'map-knocks' });
        // "Take everyone there" is on by default: everyone's view goes to the step's zone.
        expect(values.bring).toMatchObject({ leaderId: 'trainer', leaderName: 'Trainer', zoneId: 'knocks', at: values.step.changedAt });
        expect(values.banner).toEqual({ id: expect.any(String), text: 'Back in the main room at 11:00', at: values.step.changedAt, by: 'Trainer' });
        bannerIds.add(values.banner.id);
      }
    }
    expect(bannerIds.size).toBe(1);
    await eventually(() => expect((watcher.doc.getMap(CONTROL_MAP).get(ControlKey.Step) as any)?.stepId).toBe('map-knocks'));

    // Start for 7 minutes: every board ends at the same server time.
    res = await api(server, 'POST', path, c.trainer, { timer: { action: 'start', minutes: 7 } });
    expect(res.body).toEqual({ boards: 3, failed: [] });
    const ends = new Set<number>();
    for (const b of c.boards) {
      const { timer } = await controlOf(server, b.id);
      expect(timer).toEqual({ status: 'running', durationMs: 7 * MIN, endsAt: expect.any(Number), stepId: 'map-knocks' });
      ends.add(timer.endsAt);
    }
    expect(ends.size).toBe(1);
    expect([...ends][0]).toBeGreaterThanOrEqual(before + 7 * MIN);
    await eventually(() => expect((watcher.doc.getMap(CONTROL_MAP).get(ControlKey.Timer) as any)?.status).toBe('running'));

    res = await api(server, 'POST', path, c.trainer, { timer: { action: 'pause' } });
    for (const b of c.boards) {
      const { timer } = await controlOf(server, b.id);
      expect(timer.status).toBe('paused');
      expect(timer.remainingMs).toBeGreaterThan(6 * MIN);
      expect(timer.remainingMs).toBeLessThanOrEqual(7 * MIN);
    }

    // Reset goes back to the step's minutes; a start without minutes then runs for them.
    await api(server, 'POST', path, c.trainer, { timer: { action: 'reset' } });
    for (const b of c.boards) expect((await controlOf(server, b.id)).timer).toEqual({ status: 'idle', durationMs: 25 * MIN, stepId: 'map-knocks' });
    await api(server, 'POST', path, c.trainer, { timer: { action: 'start' }, banner: null });
    for (const b of c.boards) {
      const values = await storedControlOf(server, b.id);
      expect(values.timer).toMatchObject({ status: 'running', durationMs: 25 * MIN });
      expect(values.banner).toBeNull();
      // The step is left as it was.
      expect(values.step.stepId).toBe('map-knocks');
    }
    await eventually(() => expect(watcher.doc.getMap(CONTROL_MAP).get(ControlKey.Banner)).toBeNull());
  });

  it('refuses an unknown step (400 step) and bad bodies without writing anything', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { count: 2 });
    const path = `/api/cohorts/${c.id}/broadcast`;
    const cases: [unknown, string | undefined][] = [
      [{ step: 'no-such-step', banner: 'x' }, 'step'],
      [{ step: '' }, 'step'],
      [{}, undefined],
      [{ timer: { action: 'stop' } }, 'timer.action'],
      [{ timer: { action: 'start', minutes: 0 } }, 'timer.minutes'],
      [{ timer: { action: 'start', minutes: 241 } }, 'timer.minutes'],
      [{ timer: { action: 'start', minutes: 2.5 } }, 'timer.minutes'],
      [{ timer: { action: 'pause', minutes: 5 } }, 'timer.minutes'],
      [{ timer: 'start' }, 'timer'],
      [{ banner: '   ' }, 'banner'],
      [{ banner: 'x'.repeat(281) }, 'banner'],
      [{ banner: 42 }, 'banner'],
      [{ banner: 'hi', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await api(server, 'POST', path, c.trainer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await api(server, 'POST', path, c.trainer, { step: 'no-such-step' })).body.error.code).toBe('unknown_step');
    for (const b of c.boards) expect(await controlOf(server, b.id)).toEqual({});
    // A banner of exactly 280 characters is fine.
    expect((await api(server, 'POST', path, c.trainer, { banner: 'x'.repeat(280) })).status).toBe(200);
  });

  it('answers 401 to team tokens and no token, 404 to an unknown cohort, 405 to GET', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { count: 2 });
    const path = `/api/cohorts/${c.id}/broadcast`;
    for (const token of [c.boards[0].tokens.editor, c.boards[0].tokens.facilitator, c.boards[1].tokens.viewer, null]) {
      const res = await api(server, 'POST', path, token, { banner: 'Take a break' });
      expect(res.status).toBe(401);
    }
    expect((await api(server, 'POST', '/api/cohorts/AAAAAAAAAAAAAAAA/broadcast', c.trainer, { banner: 'x' })).status).toBe(404);
    expect((await api(server, 'GET', path, c.trainer)).status).toBe(405);
    for (const b of c.boards) expect(await controlOf(server, b.id)).toEqual({});
  });

  it('reports the boards it could not write and writes the others', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    const c = await createTestCohort(server, { count: 3 });
    const broken = c.boards[1].id;
    const relay = server.relay;
    const original = relay.editControlDoc.bind(relay);
    relay.editControlDoc = ((boardId: string, use: (doc: Y.Doc) => unknown) =>
      boardId === broken ? Promise.reject(new RoomUnavailableError('the control document could not be stored')) : original(boardId, use)) as typeof relay.editControlDoc;
    const res = await api(server, 'POST', `/api/cohorts/${c.id}/broadcast`, c.trainer, { banner: 'Five minutes' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ boards: 2, failed: [broken] });
    relay.editControlDoc = original;
    expect((await controlOf(server, c.boards[0].id)).banner.text).toBe('Five minutes');
    expect((await controlOf(server, c.boards[2].id)).banner.text).toBe('Five minutes');
    expect(await controlOf(server, broken)).toEqual({});
    const logged = lines.join('\n');
    expect(logged).toContain('cohort.broadcast.failed');
    expect(logged.includes(c.trainer)).toBe(false);
  });
});

describe('applyBroadcast', () => {
  const now = 1_000_000;
  const control = (doc: Y.Doc) => doc.getMap<unknown>(CONTROL_MAP).toJSON() as Record<string, any>;
  const step = (id: string) => {
    const index = steps.findIndex((s) => s.id === id);
    return { stepId: id, index, changedAt: now, by: 'Trainer', minutes: steps[index].minutes };
  };

  it('starts the new step’s timer when step and start come together', () => {
    const doc = new Y.Doc();
    applyBroadcast(doc, { now, step: step('map-tables'), timer: { action: 'start' } }, steps);
    expect(control(doc)).toEqual({
      step: { stepId: 'map-tables', index: 1, changedAt: now, by: 'Trainer' },
      timer: { status: 'running', durationMs: 20 * MIN, endsAt: now + 20 * MIN, stepId: 'map-tables' },
    });
  });

  it('pauses nothing on a board whose timer never ran, and starts one at 5 minutes without a step', () => {
    const doc = new Y.Doc();
    applyBroadcast(doc, { now, timer: { action: 'pause' } }, steps);
    expect(control(doc)).toEqual({});
    applyBroadcast(doc, { now, timer: { action: 'start' } }, steps);
    expect(control(doc).timer).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: now + 5 * MIN });
  });

  it('resumes a paused timer where it stopped, and resets to given minutes', () => {
    const doc = new Y.Doc();
    doc.getMap(CONTROL_MAP).set(ControlKey.Step, { stepId: 'map-knocks', index: 2, changedAt: 1, by: 'Fran' });
    doc.getMap(CONTROL_MAP).set(ControlKey.Timer, { status: 'paused', durationMs: 25 * MIN, remainingMs: 3 * MIN, stepId: 'map-knocks' });
    applyBroadcast(doc, { now, timer: { action: 'start' } }, steps);
    expect(control(doc).timer).toEqual({ status: 'running', durationMs: 25 * MIN, endsAt: now + 3 * MIN, stepId: 'map-knocks' });
    applyBroadcast(doc, { now, timer: { action: 'reset', minutes: 12 } }, steps);
    expect(control(doc).timer).toEqual({ status: 'idle', durationMs: 12 * MIN, stepId: 'map-knocks' });
    applyBroadcast(doc, { now, timer: { action: 'reset' } }, steps);
    expect(control(doc).timer).toEqual({ status: 'idle', durationMs: 25 * MIN, stepId: 'map-knocks' });
    // The facilitator's step stays.
    expect(control(doc).step.by).toBe('Fran');
  });

  const bring = { id: 'r1', leaderId: 'trainer', leaderName: 'Trainer', bounds: { x: 0, y: 0, w: 10, h: 10 }, zoneId: 'tables', at: now };

  it('moves everyone’s view to the new step unless the board’s facilitators turned "Take everyone there" off', () => {
    const on = new Y.Doc();
    applyBroadcast(on, { now, step: step('map-tables'), bring }, steps);
    expect(control(on).bring).toEqual(bring);
    const off = new Y.Doc();
    off.getMap(CONTROL_MAP).set(ControlKey.TakeEveryone, false);
    applyBroadcast(off, { now, step: step('map-tables'), bring }, steps);
    expect(control(off).bring).toBeUndefined();
    expect(control(off).step.stepId).toBe('map-tables');
  });

  it('moves no view without a step change', () => {
    const doc = new Y.Doc();
    applyBroadcast(doc, { now, bring, banner: { id: 'b1', text: 'Hi', at: now, by: 'Trainer' } }, steps);
    expect(control(doc).bring).toBeUndefined();
  });

  it('writes in one transaction with the server origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    applyBroadcast(doc, { now, step: step('map-knocks'), banner: { id: 'b1', text: 'Hi', at: now, by: 'Trainer' } }, steps);
    expect(origins).toEqual(['server']);
  });
});
