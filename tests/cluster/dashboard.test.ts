import { afterEach, describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../shared/api/dashboard';
import { recordsOf } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, ControlKey, controlRoomName, parseBanner } from '../../shared/doc/control';
import { getItemType } from '../../exercises/registry';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { createTestCohort, openSse, type SseEvent, type SseStream, type TestCohort } from '../../server/dashboard/testing';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { asServer, startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/eventually';

/**
 * A cohort spread over three nodes, live on a dashboard served by a fourth: four app nodes in
 * their own processes on one PostgreSQL database. Each team board is served by the node its
 * first socket reached (that node took its lease); node D serves the trainer's dashboard
 * stream and holds no board, so everything it shows came over the event bus and the store.
 */

/** How long a change may take to reach the dashboard on another node (a throttle of 1 s per board, then a read). */
const LIVE_WITHIN_MS = 5000;

let cluster: TestCluster | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) f();
  await cluster?.stop();
  cluster = null;
});

function client(url: string, room: string, token: string): TestClient {
  const c = connectClient(asServer(url), room, token, { ack: true });
  cleanups.push(() => c.destroy());
  return c;
}

/** The trainer's dashboard stream on a node, as the cohort page opens it (`GET …/live`, Server-Sent Events). */
async function dashboardOn(url: string, cohort: TestCohort): Promise<SseStream> {
  const s = await openSse(`${url}/api/cohorts/${cohort.id}/live?token=${encodeURIComponent(cohort.trainerToken)}`);
  cleanups.push(() => s.close());
  expect(s.status, s.body).toBe(200);
  await s.next((e) => e.event === 'snapshot', 10_000);
  return s;
}

const summaryOf = (e: SseEvent) => JSON.parse(e.data) as BoardSummary;

/** The first `summary` event from `from` on for `boardId` that passes `test`, or a failure naming the board. */
async function shown(s: SseStream, boardId: string, what: string, test: (b: BoardSummary) => boolean, from: number): Promise<BoardSummary> {
  try {
    return summaryOf(await s.next((e) => e.event === 'summary' && summaryOf(e).boardId === boardId && test(summaryOf(e)), LIVE_WITHIN_MS, from));
  } catch {
    const last = s.events.filter((e) => e.event === 'summary' && summaryOf(e).boardId === boardId).map(summaryOf).at(-1);
    throw new Error(`the dashboard did not show ${what} within ${LIVE_WITHIN_MS} ms; its last summary of that board: ${JSON.stringify(last ? { ...last, thumbnail: undefined } : null)}`);
  }
}

let cardCounter = 0;
/** Adds one typed card to a client's board document, as the canvas does. */
function addCard(c: TestClient): void {
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  f.item('knock', { program: `Card ${++cardCounter}` }, { x: 100 + cardCounter * 10, y: 1500 });
  const card = f.build().find((r) => r.type === 'pb-item-knock')!;
  card.id = `shape:spread-${cardCounter}`;
  recordsOf(c.doc).set(card.id as string, card as never);
}

const bannerOf = (c: TestClient) => parseBanner(c.doc.getMap(CONTROL_MAP).get(ControlKey.Banner))?.text ?? null;

describe('a cohort spread over three nodes', () => {
  it('shows live on a dashboard served by a fourth node, and a broadcast through that node reaches every board', async () => {
    cluster = await startCluster(4);
    const [a, b, c, d] = cluster.nodes;
    const owners = [a, b, c];
    const cohort = await createTestCohort(d.url, { name: 'Spread academy', teams: ['North', 'South', 'East'] });
    const teams = cohort.boards.map((board, i) => ({ ...board, node: owners[i], name: ['A', 'B', 'C'][i] }));

    // Each team's first socket reaches its own node, which takes the board's lease.
    const editors = teams.map((t) => client(t.node.url, t.id, t.tokens.editor));
    for (const e of editors) await synced(e, 15_000);
    const leases = await Promise.all(teams.map((t) => cluster!.lease(t.id)));
    expect(leases.map((l) => l?.nodeUrl)).toEqual([a.url, b.url, c.url]);
    expect(new Set(leases.map((l) => l?.nodeId)).size).toBe(3);

    const s = await dashboardOn(d.url, cohort);
    const snapshot = JSON.parse(s.events.find((e) => e.event === 'snapshot')!.data) as { boards: BoardSummary[] };
    expect(snapshot.boards.map((x) => [x.team, x.items])).toEqual([
      ['North', 0],
      ['South', 0],
      ['East', 0],
    ]);

    // One team at a time: a card and a person on the board, each through the board's owner.
    const delays: string[] = [];
    for (const [i, t] of teams.entries()) {
      const mark = s.events.length;
      const editedAt = performance.now();
      addCard(editors[i]);
      editors[i].provider.awareness.setLocalStateField('user', { id: `u-${t.team}`, name: `${t.team} lead`, color: '#000', role: 'editor' });
      const seen = await shown(s, t.id, `the card added to ${t.team}'s board on node ${t.name}`, (x) => x.items === 1 && x.present.length === 1, mark);
      expect(seen).toMatchObject({ team: t.team, items: 1, present: [{ name: `${t.team} lead`, role: 'editor' }] });
      delays.push(`${t.team} (node ${t.name}) ${Math.round(performance.now() - editedAt)} ms`);
    }
    console.log(`the dashboard on node D showed each edit after: ${delays.join(', ')}`);

    // All three at once.
    const mark = s.events.length;
    for (const e of editors) addCard(e);
    await Promise.all(teams.map((t) => shown(s, t.id, `the second card of ${t.team}'s board on node ${t.name}`, (x) => x.items === 2, mark)));
    await eventually(() => expect(editors.every(allAcked)).toBe(true), 10_000);

    // A broadcast taken by D is written by each board's owner into its live control document.
    const watchers = teams.map((t) => client(t.node.url, controlRoomName(t.id), t.tokens.viewer));
    for (const w of watchers) await synced(w, 15_000);
    const broadcastMark = s.events.length;
    const answer = await fetch(`${d.url}/api/cohorts/${cohort.id}/broadcast?token=${encodeURIComponent(cohort.trainerToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ banner: 'Back at 11' }),
    });
    expect(await answer.json()).toEqual({ boards: 3, failed: [] });
    await eventually(() => expect(watchers.map(bannerOf)).toEqual(['Back at 11', 'Back at 11', 'Back at 11']), LIVE_WITHIN_MS);
    for (const t of teams) await shown(s, t.id, `the banner on ${t.team}'s board on node ${t.name}`, (x) => x.banner === 'Back at 11', broadcastMark);
    // Nothing moved: the boards are still served where they were, D holds none.
    expect((await Promise.all(teams.map((t) => cluster!.lease(t.id)))).map((l) => l?.nodeUrl)).toEqual([a.url, b.url, c.url]);
  }, 90_000);
});
