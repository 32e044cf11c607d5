import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../shared/api/dashboard';
import { recordsOf } from '../../shared/doc/boardDoc';
import { getItemType } from '../../exercises/registry';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import type { TestDatabase } from '../../tests/helpers/postgres';
import { ownership, startNodes } from '../../tests/helpers/nodes';
import type { RunningServer } from '../../tests/helpers/server';
import type { PostgresEventBus } from '../events/PostgresEventBus';
import type { BoardPlacement } from '../sync/boardPlacement';
import { CONTROL_MAP, ControlKey, controlRoomName, parseBanner } from '../../shared/doc/control';
import { createTestCohort, openSse, type SseEvent, type SseStream } from './testing';

// Two app nodes in this process on one PostgreSQL database, each with its own store, relay and
// event bus: the board's sockets end at node A, the cohort dashboard is served by node B.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

/** Two nodes on a fresh database; `placements` says which boards each owns (default: all, as one process). */
async function twoNodes(placements: [BoardPlacement?, BoardPlacement?] = []): Promise<{ db: TestDatabase; a: RunningServer; b: RunningServer }> {
  const started = await startNodes(2, placements);
  cleanups.push(() => started.close());
  const [a, b] = started.nodes;
  return { db: started.db, a, b };
}

async function broadcastVia(server: RunningServer, cohortId: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.url}/api/cohorts/${cohortId}/broadcast?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const bannerOf = (server: RunningServer, boardId: string) =>
  server.relay.readDoc(boardId, 'control', (doc) => parseBanner(doc.getMap(CONTROL_MAP).get(ControlKey.Banner))?.text ?? null);

function track<T extends { close(): void } | { destroy(): void }>(thing: T): T {
  cleanups.push(() => ('close' in thing ? thing.close() : thing.destroy()));
  return thing;
}

const summaryOf = (e: SseEvent) => JSON.parse(e.data) as BoardSummary;

let cardCounter = 0;
/** Adds one typed card to a client's board document, as the canvas does. */
function addCard(c: TestClient): void {
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  f.item('knock', { program: `Card ${++cardCounter}` }, { x: 100 + cardCounter * 10, y: 1500 });
  const card = f.build().find((r) => r.type === 'pb-item-knock')!;
  card.id = `shape:node-${cardCounter}`;
  recordsOf(c.doc).set(card.id as string, card as never);
}

async function dashboard(server: RunningServer, cohortId: string, token: string): Promise<SseStream> {
  const s = track(await openSse(`${server.url}/api/cohorts/${cohortId}/live?token=${encodeURIComponent(token)}`));
  await s.next((e) => e.event === 'snapshot');
  return s;
}

describe('two nodes on one PostgreSQL database', () => {
  it('a cohort dashboard on node B shows live the cards and the people of a team board served by node A', async () => {
    const { a, b } = await twoNodes();
    const cohort = await createTestCohort(a.url, { teams: ['North', 'South'] });
    const north = cohort.boards[0];
    const s = await dashboard(b, cohort.id, cohort.trainerToken);

    const editor = track(connectClient(a, north.id, north.tokens.editor, { ack: true }));
    await synced(editor);
    editor.provider.awareness.setLocalStateField('user', { id: 'u-1', name: 'Ana', color: '#000', role: 'editor' });
    addCard(editor);
    addCard(editor);
    const seen = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).items === 2 && summaryOf(e).present.length === 1, 8000));
    expect(seen).toMatchObject({ boardId: north.id, team: 'North', items: 2, present: [{ name: 'Ana', role: 'editor' }] });
    expect(seen.lastActivity).not.toBeNull();
    // The room lives on A only: B read the board from the store.
    expect(a.relay.rooms.has(north.id)).toBe(true);
    expect(b.relay.rooms.has(north.id)).toBe(false);

    // Ana leaves: B hears that nobody is on the board any more.
    editor.destroy();
    await s.next((e) => e.event === 'summary' && summaryOf(e).boardId === north.id && summaryOf(e).present.length === 0, 8000);
  });

  it('node B catches up after its listening connection was cut and changes were made meanwhile', async () => {
    const { db, a, b } = await twoNodes();
    const cohort = await createTestCohort(a.url, { teams: ['North'] });
    const north = cohort.boards[0];
    const s = await dashboard(b, cohort.id, cohort.trainerToken);
    const editor = track(connectClient(a, north.id, north.tokens.editor, { ack: true }));
    await synced(editor);
    addCard(editor);
    await s.next((e) => e.event === 'summary' && summaryOf(e).items === 1, 8000);

    // B's bus loses its connection and cannot connect again for now (CONNECT revoked), while A,
    // on the connections it holds, stores a card and announces it to nobody.
    const bus = b.events as PostgresEventBus;
    const database = new URL(db.url).pathname.slice(1);
    const role = decodeURIComponent(new URL(db.url).username);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const allowConnections = () => admin.query(`GRANT CONNECT ON DATABASE "${database}" TO PUBLIC, "${role}"`);
    cleanups.push(async () => {
      await allowConnections().catch(() => {});
      await admin.end();
    });
    await admin.query(`REVOKE CONNECT ON DATABASE "${database}" FROM PUBLIC, "${role}"`);
    await admin.query('SELECT pg_terminate_backend($1)', [bus.listenerPid]);
    await eventually(() => expect(bus.listenerPid).toBeNull());
    const mark = s.events.length;
    addCard(editor);
    await eventually(() => expect(allAcked(editor)).toBe(true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.events.slice(mark).filter((e) => e.event === 'summary' && summaryOf(e).items === 2)).toEqual([]);

    await allowConnections();
    const caughtUp = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).items === 2, 15_000, mark));
    expect(caughtUp.boardId).toBe(north.id);
    expect(bus.reconnects).toBe(1);
  });

  it('a cohort broadcast taken by node B is written by node A into the board A owns; B writes the board nobody owns', async () => {
    const owned = new Set<string>();
    const { a, b } = await twoNodes(ownership(owned));
    const cohort = await createTestCohort(a.url, { teams: ['North', 'South'] });
    const [north, south] = cohort.boards;
    owned.add(north.id);

    const answer = await broadcastVia(b, cohort.id, cohort.trainerToken, { banner: 'Back at 11' });
    expect(answer).toEqual({ status: 200, json: { boards: 2, failed: [] } });
    expect(a.relay.rooms.has(controlRoomName(north.id))).toBe(true);
    expect(b.relay.rooms.has(controlRoomName(north.id))).toBe(false);
    expect(b.relay.rooms.has(controlRoomName(south.id))).toBe(true);
    expect(await bannerOf(a, north.id)).toBe('Back at 11');
    expect(await bannerOf(b, south.id)).toBe('Back at 11');
  });

  it('reports as failed a board whose owner does not answer a broadcast, and writes the others', async () => {
    const owned = new Set<string>();
    const [, placementB] = ownership(owned);
    // Node A does not think it owns North (its lease just ran out, say): nobody answers for it.
    const { a, b } = await twoNodes([{ ownerOf: async () => 'none' }, placementB]);
    const cohort = await createTestCohort(a.url, { teams: ['North', 'South'] });
    const [north, south] = cohort.boards;
    owned.add(north.id);
    const answer = await broadcastVia(b, cohort.id, cohort.trainerToken, { banner: 'Back at 11' });
    expect(answer).toEqual({ status: 200, json: { boards: 1, failed: [north.id] } });
    expect(await bannerOf(b, south.id)).toBe('Back at 11');
    expect(await bannerOf(a, north.id)).toBeNull();
  });

  it('when node A stops, node B\'s dashboard shows nobody on the boards A served', async () => {
    const started = await startNodes(2);
    cleanups.push(() => started.close());
    const [a, b] = started.nodes;
    const cohort = await createTestCohort(a.url, { teams: ['North'] });
    const north = cohort.boards[0];
    const s = await dashboard(b, cohort.id, cohort.trainerToken);
    const editor = track(connectClient(a, north.id, north.tokens.editor, { ack: true }));
    await synced(editor);
    editor.provider.awareness.setLocalStateField('user', { id: 'u-2', name: 'Bo', color: '#000', role: 'editor' });
    await s.next((e) => e.event === 'summary' && summaryOf(e).present.length === 1, 8000);
    const mark = s.events.length;
    await a.close();
    const after = summaryOf(await s.next((e) => e.event === 'summary', 8000, mark));
    expect(after).toMatchObject({ boardId: north.id, present: [] });
  });
});
