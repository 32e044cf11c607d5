import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';
import { silentLogger } from '../runtime/log';
import { recordsOf } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, ControlKey, controlRoomName } from '../../shared/doc/control';
import type { BoardSummary } from '../../shared/api/dashboard';
import { getItemType } from '../../exercises/registry';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { HttpError } from '../http/HttpError';
import { createDashboardRoutes } from './routes';
import { createRouter } from '../http/router';
import { SummaryService } from './SummaryService';
import { createTestCohort, openSse, type SseEvent, type SseStream, type TestCohort } from './testing';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
const streams: SseStream[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  for (const c of clients.splice(0)) c.destroy();
  for (const f of cleanups.splice(0)) await f();
  await server?.close();
  server = undefined;
});

async function live(base: string, cohortId: string, token: string): Promise<SseStream> {
  const s = await openSse(`${base}/api/cohorts/${cohortId}/live?token=${encodeURIComponent(token)}`);
  streams.push(s);
  return s;
}

const summaryOf = (e: SseEvent) => JSON.parse(e.data) as BoardSummary;
const summariesFor = (s: SseStream, boardId: string) => s.events.filter((e) => e.event === 'summary').map(summaryOf).filter((b) => b.boardId === boardId);

let cardCounter = 0;
/** Adds one typed card (a knock) to a client's board document, as the canvas does. */
function addCard(c: TestClient, x = 100, y = 1500): void {
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  f.item('knock', { program: `Card ${++cardCounter}` }, { x, y });
  const card = f.build().find((r) => r.type === 'pb-item-knock')!;
  card.id = `shape:live-${cardCounter}`;
  recordsOf(c.doc).set(card.id as string, card as never);
}

async function editor(board: TestCohort['boards'][number]): Promise<TestClient> {
  const c = connectClient(server!, board.id, board.tokens.editor, { ack: true });
  clients.push(c);
  await synced(c);
  return c;
}

describe('GET /api/cohorts/:id/live', () => {
  it('streams a snapshot, then a summary when a card is added or the step changes, and nothing for other boards', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url, { teams: ['North', 'South'] });
    const other = await createTestCohort(server.url, { teams: ['Elsewhere'] });
    const loose = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const [north, south] = cohort.boards;

    const s = await live(server.url, cohort.id, cohort.trainerToken);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['cache-control']).toBe('no-store');
    expect(s.headers['x-accel-buffering']).toBe('no');
    expect(s.headers['content-encoding']).toBeUndefined();
    expect(s.headers['content-length']).toBeUndefined();
    const snapshot = await s.next((e) => e.event === 'snapshot');
    const boards = (JSON.parse(snapshot.data) as { boards: BoardSummary[] }).boards;
    expect(boards.map((b) => [b.boardId, b.team, b.items])).toEqual([
      [north.id, 'North', 0],
      [south.id, 'South', 0],
    ]);

    // Unrelated boards (another cohort's, a board of no cohort) change: nothing on this stream.
    const elsewhere = await editor(other.boards[0]);
    addCard(elsewhere);
    const looseClient = connectClient(server, loose.id, loose.tokens.editor, { ack: true });
    clients.push(looseClient);
    await synced(looseClient);
    addCard(looseClient);

    const c = await editor(north);
    const mark = s.events.length;
    addCard(c);
    const update = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).items === 1, 5000, mark));
    expect(update).toMatchObject({ boardId: north.id, team: 'North', items: 1, stickies: 0 });
    expect(update.lastActivity).not.toBeNull();
    expect(update.thumbnail).not.toBe(boards[0].thumbnail);

    const fac = connectClient(server, controlRoomName(north.id), north.tokens.facilitator, { ack: true });
    clients.push(fac);
    await synced(fac);
    fac.doc.getMap(CONTROL_MAP).set(ControlKey.Step, { stepId: 'map-tables', index: 1, changedAt: Date.now(), by: 'Fay' });
    const stepped = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).stepId === 'map-tables', 5000));
    expect(stepped).toMatchObject({ boardId: north.id, stepIndex: 1, stepTitle: 'Map the tables', items: 1 });
    // The picture did not change: the event leaves the thumbnail out (the client keeps its last).
    expect('thumbnail' in stepped).toBe(false);

    await eventually(() => expect(allAcked(elsewhere) && allAcked(looseClient)).toBe(true));
    await new Promise((r) => setTimeout(r, 1200));
    const ids = new Set(s.events.filter((e) => e.event === 'summary').map((e) => summaryOf(e).boardId));
    expect([...ids]).toEqual([north.id]);
  });

  it('coalesces a burst of edits into at most one summary a second, ending with the final state', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url);
    const [north] = cohort.boards;
    const c = await editor(north);
    const s = await live(server.url, cohort.id, cohort.trainerToken);
    await s.next((e) => e.event === 'snapshot');
    const started = performance.now();
    for (let i = 0; i < 30; i++) {
      addCard(c, 100 + (i % 10) * 260, 1500 + Math.floor(i / 10) * 170);
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.next((e) => e.event === 'summary' && summaryOf(e).items === 30, 4000);
    const burst = s.events.filter((e) => e.event === 'summary');
    // 30 edits over ~0.7 s: the first at once, the rest in one or two trailing summaries.
    expect(burst.length).toBeGreaterThanOrEqual(2);
    expect(burst.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < burst.length; i++) expect(burst[i].at - burst[i - 1].at).toBeGreaterThan(900);
    expect(burst[burst.length - 1].at - started).toBeLessThan(2500);
    // The thumbnail, held back while cards keep moving, catches up with the final board.
    const finalThumb = await s.next((e) => e.event === 'summary' && ((summaryOf(e).thumbnail ?? '').match(/z/g)?.length ?? 0) >= 30 + 5, 8000);
    expect(summaryOf(finalThumb).items).toBe(30);
  });

  it('answers 401 to a board token or none, 404 to an unknown cohort, and serves summaries in team order', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url, { teams: ['Zeta', 'Alpha', 'Mid'] });
    const board = cohort.boards[0];
    for (const path of ['summaries', 'live']) {
      const url = (id: string, token?: string) => `${server!.url}/api/cohorts/${id}/${path}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
      for (const token of [undefined, board.tokens.facilitator, 'nope']) {
        const res = await fetch(url(cohort.id, token));
        expect(res.status, `${path} ${token}`).toBe(401);
        expect(((await res.json()) as any).error.code).toBe('invalid_token');
      }
      expect((await fetch(url('AAAAAAAAAAAAAAAA', cohort.trainerToken))).status).toBe(404);
      expect((await fetch(url(board.id, board.tokens.facilitator))).status).toBe(404);
      expect((await fetch(url('%E0%A4%A', cohort.trainerToken))).status).toBe(404);
      expect((await fetch(url(cohort.id, cohort.trainerToken), { method: 'POST' })).status).toBe(405);
    }
    const res = await fetch(`${server.url}/api/cohorts/${cohort.id}/summaries?token=${encodeURIComponent(cohort.trainerToken)}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { boards: BoardSummary[] };
    expect(body.boards.map((b) => b.team)).toEqual(['Zeta', 'Alpha', 'Mid']);
  });
});

describe('live streams: limits and clean-up', () => {
  /** The dashboard routes over the test server's relay, with short timers and a cap of 2 streams. */
  async function harness() {
    server = await startTestServer();
    const cohort = await createTestCohort(server.url);
    const service = new SummaryService({ relay: server.relay, storage: server.storage, logger: silentLogger, throttleMs: 100, thumbnailMs: 0 });
    const detach = server.relay.extend(service.roomExtension);
    const routes = createDashboardRoutes({
      summaries: service,
      logger: silentLogger,
      maxStreamsPerCohort: 2,
      pingMs: 100,
    });
    const notHere = async () => {
      throw new HttpError(404, 'not_found', 'no');
    };
    const router = createRouter(routes.routes, {
      cohort: async (id) => {
        if (id !== cohort.id) throw new HttpError(404, 'cohort_not_found', 'no');
        return { id, boards: cohort.boards.map((b, position) => ({ boardId: b.id, team: b.team, position })) };
      },
      board: notHere,
      partnership: notHere,
    });
    const app = http.createServer((req, res) => {
      router.dispatch(req, res, new URL(req.url!, 'http://x'), 'http://x').catch((error: unknown) => {
        const e = error instanceof HttpError ? error : new HttpError(500, 'internal', String(error));
        res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify(e.toJSON()));
      });
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      detach();
      service.close();
      app.closeAllConnections();
      await new Promise((r) => app.close(r));
    });
    const base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    return { cohort, service, routes, base };
  }

  it('releases the subscription and the stream slot when the client goes away, and caps streams per cohort', async () => {
    const { cohort, service, routes, base } = await harness();
    expect(service.subscribedBoards).toBe(0);
    const a = await live(base, cohort.id, 'any');
    await a.next((e) => e.event === 'snapshot');
    expect(service.subscribedBoards).toBe(2);
    const b = await live(base, cohort.id, 'any');
    await b.next((e) => e.event === 'snapshot');
    expect(routes.openStreams(cohort.id)).toBe(2);
    // Pings keep the stream alive.
    await a.next((e) => e.event === 'comment', 1000);

    const third = await live(base, cohort.id, 'any');
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.code).toBe('too_many_streams');

    a.close();
    b.close();
    await eventually(() => expect(routes.openStreams(cohort.id)).toBe(0));
    expect(service.subscribedBoards).toBe(0);
    const again = await live(base, cohort.id, 'any');
    expect(again.status).toBe(200);
    await again.next((e) => e.event === 'snapshot');
    expect(service.subscribedBoards).toBe(2);
    again.close();
    await eventually(() => expect(service.subscribedBoards).toBe(0));

    // Edits with nobody subscribed schedule nothing; the next request still sees them.
    const c = await editor(cohort.boards[0]);
    addCard(c);
    await eventually(() => expect(allAcked(c)).toBe(true));
    expect((await service.summary(cohort.boards[0].id))!.items).toBe(1);
  });

  it('sends presence changes (who joins and leaves), throttled, without repeating an unchanged summary', async () => {
    const { cohort, base } = await harness();
    const north = cohort.boards[0];
    const s = await live(base, cohort.id, 'any');
    await s.next((e) => e.event === 'snapshot');
    const c = connectClient(server!, north.id, north.tokens.viewer);
    clients.push(c);
    await synced(c);
    c.provider.awareness.setLocalStateField('user', { id: 'u-1', name: 'Vera', color: '#000', role: 'facilitator' });
    const joined = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).present.length === 1));
    expect(joined.present).toEqual([{ name: 'Vera', role: 'viewer' }]);
    // Cursor moves change presence but not the summary: nothing is sent.
    const mark = s.events.length;
    for (let i = 0; i < 10; i++) {
      c.provider.awareness.setLocalStateField('presence', { cursor: { x: i, y: i } });
      await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(s.events.slice(mark).filter((e) => e.event === 'summary')).toHaveLength(0);
    c.destroy();
    const left = summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).present.length === 0, 5000, mark));
    expect(left.boardId).toBe(north.id);
    expect(summariesFor(s, cohort.boards[1].id)).toHaveLength(0);
  });
});
