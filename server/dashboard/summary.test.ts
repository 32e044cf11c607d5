import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { silentLogger } from '../runtime/log';
import { recordsOf } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, ControlKey, controlRoomName } from '../../shared/doc/control';
import type { BoardSummary } from '../../shared/api/dashboard';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { extractFixture } from '../../exercises/kit/testing';
import type { FeatureStore, Storage } from '../storage/Storage';
import { SummaryService } from './SummaryService';
import { createTestCohort } from './testing';
import { setScore } from '../../shared/doc/rubricDoc';
import { type ActivityStore, activityStore } from './activityStore';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

function client(boardOrRoom: string, token: string, user?: { id: string; name: string; role?: string }) {
  const c = connectClient(server!, boardOrRoom, token, { ack: true });
  clients.push(c);
  if (user) c.provider.awareness.setLocalStateField('user', { color: '#123456', role: 'viewer', ...user });
  return c;
}

async function summaries(cohortId: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server!.url}/api/cohorts/${cohortId}/summaries?token=${encodeURIComponent(token)}`);
  return { status: res.status, body: await res.json() };
}

async function boardInfo(id: string, token: string) {
  const res = await fetch(`${server!.url}/api/boards/${id}?token=${token}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { lastActivity: string | null };
}

describe('board summaries', () => {
  it('summarise a board: card, sticky and arrow counts, the step, timer and banner, and who is there with their checked role', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url, { teams: ['North', 'South', 'East'] });
    const [north, south] = cohort.boards;

    const { records } = manyTablesFixture();
    const expected = extractFixture(manyTablesManyKnocks, records).results;
    const writer = client(north.id, north.tokens.editor, { id: 'u-ed', name: '  Ed\nEditor ', role: 'facilitator' }); // claims too much
    await synced(writer);
    const kv = recordsOf(writer.doc);
    writer.doc.transact(() => {
      for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
    });
    const sameEdOtherTab = client(north.id, north.tokens.editor, { id: 'u-ed', name: 'Ed Editor' });
    const viewer = client(north.id, north.tokens.viewer, { id: 'u-vi', name: 'Ana Viewer', role: 'facilitator' });
    const nobody = client(north.id, north.tokens.viewer); // no user in its presence: not a person
    const facilitator = client(controlRoomName(north.id), north.tokens.facilitator);
    await Promise.all([sameEdOtherTab, viewer, nobody, facilitator].map((c) => synced(c)));
    const endsAt = Date.now() + 600_000;
    facilitator.doc.transact(() => {
      const control = facilitator.doc.getMap(CONTROL_MAP);
      control.set(ControlKey.Step, { stepId: 'map-knocks', index: 2, changedAt: Date.now(), by: 'Fay' });
      control.set(ControlKey.Timer, { status: 'running', durationMs: 900_000, endsAt, stepId: 'map-knocks' });
      control.set(ControlKey.Banner, { id: 'b1', text: 'Ten minutes left', at: Date.now(), by: 'Fay' });
    });
    await eventually(() => expect(allAcked(writer) && allAcked(facilitator)).toBe(true));

    await eventually(async () => {
      const { status, body } = await summaries(cohort.id, cohort.trainerToken);
      expect(status).toBe(200);
      expect(body.boards.map((b: BoardSummary) => b.team)).toEqual(['North', 'South', 'East']);
      const n: BoardSummary = body.boards[0];
      expect(n).toMatchObject({
        boardId: north.id,
        team: 'North',
        title: 'Spring cohort · North',
        items: expected.items.length,
        stickies: 1,
        connections: expected.connections.length,
        stepId: 'map-knocks',
        stepIndex: 2,
        stepTitle: 'Map the knocks',
        timer: { status: 'running', durationMs: 900_000, endsAt, stepId: 'map-knocks' },
        banner: 'Ten minutes left',
      });
      // Ed once (two tabs), as the editor his link makes him; Ana as a viewer whatever she claims.
      expect(n.present).toEqual([
        { name: 'Ana Viewer', role: 'viewer' },
        { name: 'Ed Editor', role: 'editor' },
      ]);
      expect(Date.now() - Date.parse(n.lastActivity!)).toBeLessThan(10_000);
      expect(n.thumbnail.startsWith("<svg xmlns='http://www.w3.org/2000/svg'")).toBe(true);
    });
    expect(expected.items.length).toBeGreaterThan(20);
    expect(expected.connections.length).toBeGreaterThan(5);

    const s: BoardSummary = (await summaries(cohort.id, cohort.trainerToken)).body.boards[1];
    expect(s).toMatchObject({ boardId: south.id, team: 'South', items: 0, stickies: 0, connections: 0, present: [], stepId: null, stepIndex: null, stepTitle: null, timer: null, banner: null, lastActivity: null });
    // South was summarised from storage: no room was created for it.
    expect(server.relay.rooms.has(south.id)).toBe(false);
    expect(server.relay.rooms.has(controlRoomName(south.id))).toBe(false);
  });

  it('read the same from storage once the board is closed, and keep up with edits made since', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url);
    const [north] = cohort.boards;
    const { records } = manyTablesFixture();
    const writer = client(north.id, north.tokens.editor, { id: 'u1', name: 'Ed' });
    await synced(writer);
    const kv = recordsOf(writer.doc);
    writer.doc.transact(() => {
      for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
    });
    await eventually(() => expect(allAcked(writer)).toBe(true));
    const live: BoardSummary = (await summaries(cohort.id, cohort.trainerToken)).body.boards[0];
    expect(live.present).toEqual([{ name: 'Ed', role: 'editor' }]);

    // A card is removed, then everyone leaves and the room unloads.
    writer.doc.transact(() => kv.delete((records.find((r) => String(r.type).startsWith('pb-item-')) as { id: string }).id));
    await eventually(() => expect(allAcked(writer)).toBe(true));
    for (const c of clients.splice(0)) c.destroy();
    await eventually(() => expect(server!.relay.rooms.has(north.id)).toBe(false));

    const stored: BoardSummary = (await summaries(cohort.id, cohort.trainerToken)).body.boards[0];
    expect(stored.items).toBe(live.items - 1);
    expect(stored.present).toEqual([]);
    expect(stored.lastActivity! > live.lastActivity!).toBe(true);
    expect(stored.thumbnail).not.toBe(live.thumbnail);
    expect({ ...stored, items: live.items, present: live.present, thumbnail: '', lastActivity: '' }).toEqual({ ...live, thumbnail: '', lastActivity: '' });
    expect(server.relay.rooms.has(north.id)).toBe(false);
  });

  it('keep the last activity: null before any write, set by a client write (not by reading), kept across a restart', async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const cohort = await createTestCohort(server.url);
    const [north, south] = cohort.boards;
    expect((await boardInfo(north.id, north.tokens.viewer)).lastActivity).toBeNull();

    // Reading and presence are not activity.
    const reader = client(north.id, north.tokens.viewer, { id: 'u-r', name: 'Rita' });
    await synced(reader);
    await new Promise((r) => setTimeout(r, 100));
    expect((await boardInfo(north.id, north.tokens.viewer)).lastActivity).toBeNull();

    const before = Date.now();
    const writer = client(north.id, north.tokens.editor);
    await synced(writer);
    setScore(writer.doc, '2026-05-04', 'industry-engagement', 6);
    await eventually(() => expect(allAcked(writer)).toBe(true));
    const after = Date.now();
    const { lastActivity } = await boardInfo(north.id, north.tokens.viewer);
    expect(lastActivity).not.toBeNull();
    expect(Date.parse(lastActivity!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(lastActivity!)).toBeLessThanOrEqual(after);
    const [n, s] = (await summaries(cohort.id, cohort.trainerToken)).body.boards as BoardSummary[];
    expect(n.lastActivity).toBe(lastActivity);
    expect(s.lastActivity).toBeNull();

    // A facilitator's write to the control document counts too.
    const fac = client(controlRoomName(south.id), south.tokens.facilitator);
    await synced(fac);
    fac.doc.getMap(CONTROL_MAP).set(ControlKey.Banner, { id: 'b', text: 'Hi', at: Date.now(), by: 'F' });
    await eventually(() => expect(allAcked(fac)).toBe(true));
    const southActivity = (await boardInfo(south.id, south.tokens.viewer)).lastActivity;
    expect(southActivity).not.toBeNull();

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    expect((await boardInfo(north.id, north.tokens.viewer)).lastActivity).toBe(lastActivity);
    expect((await boardInfo(south.id, south.tokens.viewer)).lastActivity).toBe(southActivity);
    const again = (await summaries(cohort.id, cohort.trainerToken)).body.boards as BoardSummary[];
    expect(again.map((b) => b.lastActivity)).toEqual([lastActivity, southActivity]);
    expect(again[0].title).toBe(n.title);
  });

  it('write the last activity at most once per interval per board, and the latest on unload', async () => {
    server = await startTestServer({ limits: { unloadGraceMs: 100 } });
    const cohort = await createTestCohort(server.url);
    const [north] = cohort.boards;
    const writes: string[] = [];
    const inner = server.storage;
    const counting = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'feature') {
          // The activity store, counting its writes; every other store as it is.
          return (store: FeatureStore<unknown>) => {
            const real = target.feature(store);
            if (store !== activityStore) return real;
            const activity = real as ActivityStore;
            return {
              get: (boardId: string) => activity.get(boardId),
              record: async (boardId: string, at: string) => {
                writes.push(at);
                return activity.record(boardId, at);
              },
            };
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Storage;
    const service = new SummaryService({ relay: server.relay, storage: counting, logger: silentLogger, activityPersistMs: 400 });
    const detach = server.relay.extend(service.roomExtension);
    try {
      const writer = client(north.id, north.tokens.editor);
      await synced(writer);
      const score = (n: number) => setScore(writer.doc, '2026-05-04', 'industry-engagement', n);
      for (let i = 0; i < 6; i++) {
        score(i + 1);
        await new Promise((r) => setTimeout(r, 40));
      }
      await eventually(() => expect(allAcked(writer)).toBe(true));
      // The first write at once; the burst after it waits for the interval.
      expect(writes).toHaveLength(1);
      await eventually(() => expect(writes).toHaveLength(2), 2000);
      const second = writes[1];
      expect(second > writes[0]).toBe(true);
      // One more write, then the room unloads before the interval is over: written on unload.
      await new Promise((r) => setTimeout(r, 450));
      score(9);
      await eventually(() => expect(allAcked(writer)).toBe(true));
      expect(writes).toHaveLength(3);
      score(10);
      await eventually(() => expect(allAcked(writer)).toBe(true));
      expect(writes).toHaveLength(3);
      for (const c of clients.splice(0)) c.destroy();
      await eventually(() => expect(server!.relay.rooms.has(north.id)).toBe(false));
      expect(writes).toHaveLength(4);
      expect(await inner.feature(activityStore).get(north.id)).toBe(writes[3]);
      expect(await service.lastActivity(north.id)).toBe(writes[3]);
    } finally {
      detach();
      service.close();
    }
  });
});
