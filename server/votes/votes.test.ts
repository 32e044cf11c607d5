import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, voterKeySocket, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, sqliteIn, startTestServer, tempDir, type TestBoard } from '../../tests/helpers/server';
import { recordsOf } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, CONTROL_VOTES, ControlKey, controlRoomName, type VoteRound } from '../../shared/doc/control';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { zoneShapeId } from '../../exercises/kit/seed';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { getItemType } from '../../exercises/registry';
import { readRounds } from '../../shared/doc/votes';
import { strFromU8, unzipSync } from 'fflate';
import { schemaErrors } from '../exports/testing';
import { VOTE_COLUMNS } from '../exports/csvFiles';
import { csvRow } from '../../shared/api/csv';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
/** Each voter's key, from the board socket kept open for it (see voterKey). */
const voters = new Map<string, Awaited<ReturnType<typeof voterKeySocket>> & { url: string }>();
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const v of voters.values()) v.ws.close();
  voters.clear();
  await server?.close();
  server = undefined;
});
const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};

/**
 * The key the server gave this voter's browser over its board socket (one socket per voter,
 * kept open, opened again with the same key after a restart). A link that cannot vote gets none:
 * a well-formed key the server never issued stands in.
 */
async function voterKey(boardId: string, voter: string, token: string): Promise<string> {
  const known = voters.get(voter);
  if (known?.key && known.url === server!.url && known.ws.readyState === known.ws.OPEN) return known.key;
  known?.ws.terminate();
  const fresh = { ...(await voterKeySocket(server!, boardId, token, known?.key ?? '')), url: server!.url };
  voters.set(voter, fresh);
  return fresh.key ?? 'not-a-key-the-server-issued';
}

async function call(method: string, path: string, token: string | null, body?: unknown, voterKeyHeader?: string) {
  const url = `${server!.url}${path}${token === null ? '' : `?token=${token}`}`;
  const ballotOf = /^\/api\/boards\/([^/]+)\/votes\/[^/]+\/ballots\/([^/?]+)$/.exec(path);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (voterKeyHeader !== undefined) headers['x-voter-key'] = voterKeyHeader;
  else if (ballotOf && token) headers['x-voter-key'] = await voterKey(ballotOf[1], ballotOf[2], token);
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

interface Items {
  knock: string;
  other: string;
  sticky: string;
  arrow: string;
  zone: string;
}

/** A Many tables board with two knocks, a sticky and an arrow, written by an editor's client. */
async function boardWithItems(): Promise<{ board: TestBoard; items: Items }> {
  const board = await createTestBoard(server!, { template: 'many-tables-many-knocks' });
  const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
  const knock = f.item('knock', { program: 'Veterans outreach' }, { zone: 'knocks', x: 40, y: 80 });
  const other = f.item('knock', { program: 'Apprenticeships' }, { zone: 'knocks', x: 400, y: 80 });
  const sticky = f.sticky('Shared calendar', { x: -500, y: -500 });
  const arrow = f.connect(null, knock, other);
  const editor = client(server!, board.id, board.tokens.editor, { ack: true });
  await synced(editor);
  const records = recordsOf(editor.doc);
  editor.doc.transact(() => {
    for (const r of f.build()) if (!(r.typeName === 'shape' && r.type === 'pb-zone')) records.set(r.id as string, r as never);
  });
  await eventually(() => expect(allAcked(editor)).toBe(true));
  editor.destroy();
  return { board, items: { knock, other, sticky, arrow, zone: zoneShapeId('knocks') } };
}

/** One CSV row without its line end, as the files are split into lines below. */
const csvLine = (cells: Parameters<typeof csvRow>[0]) => csvRow(cells).replace(/\r\n$/, '');
const votes = (b: TestBoard) => `/api/boards/${b.id}/votes`;
const ballot = (b: TestBoard, round: string, voter: string) => `/api/boards/${b.id}/votes/${round}/ballots/${voter}`;
const roundIn = (c: TestClient, id: string) => c.doc.getMap(CONTROL_VOTES).get(id) as VoteRound | undefined;

describe('votes API', () => {
  it("keeps each ballot to the key the server gave that browser: a made-up key is refused, another browser's key is another ballot", async () => {
    server = await startTestServer();
    const { board: b, items } = await boardWithItems();
    const id = (await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 3 })).body.round.id as string;
    expect((await call('PUT', ballot(b, id, 'ada'), b.tokens.editor, { itemIds: [items.knock, items.other] })).status).toBe(200);
    // A key the server never issued counts for nothing, whatever voter id it names.
    const thief = 'a-guessed-key-0000';
    for (const method of ['GET', 'PUT']) {
      const res = await call(method, ballot(b, id, 'ada'), b.tokens.editor, method === 'PUT' ? { itemIds: [] } : undefined, thief);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'voter_key_unknown', field: 'voterKey' });
    }
    // Bob's own key names Bob's ballot, even on Ada's voter id.
    const bob = await voterKey(b.id, 'bob', b.tokens.editor);
    expect((await call('GET', ballot(b, id, 'ada'), b.tokens.editor, undefined, bob)).body).toEqual({ itemIds: [] });
    expect((await call('GET', ballot(b, id, 'ada'), b.tokens.editor)).body).toEqual({ itemIds: [items.knock, items.other] });
    // No key, or a malformed one: refused.
    for (const key of ['', 'short', 'has spaces in it!!']) {
      const res = await call('GET', ballot(b, id, 'ada'), b.tokens.editor, undefined, key);
      expect(res.status, key).toBe(400);
      expect(res.body.error.field).toBe('voterKey');
    }
  });

  it('runs a whole round: start, ballots within and over the limits, reveal, and nothing after', async () => {
    server = await startTestServer();
    const { board: b, items } = await boardWithItems();
    const watcher = client(server, controlRoomName(b.id), b.tokens.viewer);
    await synced(watcher);

    // Starting: facilitator only, a step of the template, limits checked.
    const start = { stepId: 'map-knocks', perPerson: 3, perItem: 2, by: 'Fran' };
    expect((await call('POST', votes(b), null, start)).status).toBe(401);
    expect((await call('POST', votes(b), 'wrong', start)).status).toBe(401);
    expect((await call('POST', votes(b), b.tokens.editor, start)).status).toBe(403);
    expect((await call('POST', votes(b), b.tokens.viewer, start)).status).toBe(403);
    expect((await call('POST', '/api/boards/AAAAAAAAAAAAAAAA/votes', b.tokens.facilitator, start)).status).toBe(404);
    for (const [bad, field] of [
      [{ ...start, stepId: 'no-such-step' }, 'stepId'],
      [{ ...start, perPerson: 0 }, 'perPerson'],
      [{ ...start, perPerson: 21 }, 'perPerson'],
      [{ ...start, perPerson: 2.5 }, 'perPerson'],
      [{ ...start, perItem: 4 }, 'perItem'],
      [{ ...start, perItem: 0 }, 'perItem'],
      [{ ...start, extra: 1 }, 'extra'],
    ] as const) {
      const res = await call('POST', votes(b), b.tokens.facilitator, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    const started = await call('POST', votes(b), b.tokens.facilitator, start);
    expect(started.status).toBe(201);
    const round = started.body.round as VoteRound;
    expect(round).toMatchObject({ stepId: 'map-knocks', perPerson: 3, perItem: 2, status: 'open', voters: 0, tally: null, revealedAt: null, startedBy: 'Fran' });
    const id = round.id;
    // The server wrote it into the control document, live.
    await eventually(() => {
      expect(roundIn(watcher, id)).toEqual(round);
      expect(watcher.doc.getMap(CONTROL_MAP).get(ControlKey.Vote)).toBe(id);
    });
    const second = await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-tables', perPerson: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('vote_in_progress');

    // Ballots.
    const alice = await call('PUT', ballot(b, id, 'alice'), b.tokens.editor, { itemIds: [items.knock, items.knock, items.sticky] });
    expect(alice).toMatchObject({ status: 200, body: { itemIds: [items.knock, items.knock, items.sticky] } });
    await eventually(() => expect(roundIn(watcher, id)?.voters).toBe(1));
    const refused: [unknown, number, string][] = [
      [{ itemIds: [items.knock, items.other, items.sticky, items.other] }, 400, 'too_many_votes'],
      [{ itemIds: [items.other, items.other, items.other] }, 400, 'too_many_on_item'],
      [{ itemIds: ['shape:nope'] }, 400, 'unknown_item'],
      [{ itemIds: [items.zone] }, 400, 'unknown_item'],
      [{ itemIds: [items.arrow] }, 400, 'unknown_item'],
      [{ itemIds: 'x' }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of refused) {
      const res = await call('PUT', ballot(b, id, 'alice'), b.tokens.editor, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (code !== 'invalid_request') expect(res.body.error.field).toBe('itemIds');
    }
    expect((await call('PUT', ballot(b, id, 'vic'), b.tokens.viewer, { itemIds: [items.knock] })).status).toBe(403);
    expect((await call('GET', ballot(b, id, 'vic'), b.tokens.viewer)).status).toBe(403);
    expect((await call('PUT', ballot(b, id, 'bad id!'), b.tokens.editor, { itemIds: [] })).body.error.field).toBe('voterId');
    expect((await call('PUT', ballot(b, 'no-such-round', 'alice'), b.tokens.editor, { itemIds: [] })).status).toBe(404);
    // Bad input changed nothing.
    expect((await call('GET', ballot(b, id, 'alice'), b.tokens.editor)).body).toEqual({ itemIds: [items.knock, items.knock, items.sticky] });
    expect((await call('GET', ballot(b, id, 'nobody'), b.tokens.editor)).body).toEqual({ itemIds: [] });
    expect(roundIn(watcher, id)?.voters).toBe(1);

    // A facilitator votes too; taking every dot back removes a voter.
    expect((await call('PUT', ballot(b, id, 'fran'), b.tokens.facilitator, { itemIds: [items.other] })).status).toBe(200);
    await eventually(() => expect(roundIn(watcher, id)?.voters).toBe(2));
    expect((await call('PUT', ballot(b, id, 'fran'), b.tokens.facilitator, { itemIds: [] })).status).toBe(200);
    await eventually(() => expect(roundIn(watcher, id)?.voters).toBe(1));
    expect((await call('PUT', ballot(b, id, 'fran'), b.tokens.facilitator, { itemIds: [items.knock, items.other] })).status).toBe(200);
    expect((await call('PUT', ballot(b, id, 'eve'), b.tokens.editor, { itemIds: [items.other, items.sticky, items.sticky] })).status).toBe(200);
    await eventually(() => expect(roundIn(watcher, id)?.voters).toBe(3));
    // No count anywhere in the control document before the reveal.
    expect(roundIn(watcher, id)?.tally).toBeNull();

    // Reveal: facilitator only, once.
    expect((await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.editor)).status).toBe(403);
    expect((await call('POST', `${votes(b)}/nope/reveal`, b.tokens.facilitator)).status).toBe(404);
    const revealed = await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator);
    expect(revealed.status).toBe(200);
    expect(revealed.body.round).toMatchObject({
      id,
      status: 'revealed',
      voters: 3,
      tally: { [items.knock]: 3, [items.other]: 2, [items.sticky]: 3 },
    });
    expect(revealed.body.round.revealedAt).toBeGreaterThanOrEqual(round.startedAt);
    await eventually(() => expect(roundIn(watcher, id)).toEqual(revealed.body.round));
    const again = await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator);
    expect(again.status).toBe(409);
    const late = await call('PUT', ballot(b, id, 'alice'), b.tokens.editor, { itemIds: [items.other] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('vote_closed');
    expect((await call('GET', ballot(b, id, 'alice'), b.tokens.editor)).body.itemIds).toHaveLength(3);

    // The next round can start now.
    expect((await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-tables', perPerson: 1, perItem: null })).status).toBe(201);
  });

  it('writes rounds into a control document nobody has open, which then unloads', async () => {
    server = await startTestServer();
    const { board: b, items } = await boardWithItems();
    const started = await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 2 });
    expect(started.status).toBe(201);
    const id = started.body.round.id as string;
    expect((await call('PUT', ballot(b, id, 'alice'), b.tokens.editor, { itemIds: [items.knock, items.knock] })).status).toBe(200);
    await eventually(() => expect(server!.relay.rooms.has(controlRoomName(b.id))).toBe(false));
    const watcher = client(server, controlRoomName(b.id), b.tokens.viewer);
    await synced(watcher);
    expect(roundIn(watcher, id)).toMatchObject({ status: 'open', voters: 1, perItem: null });
  });

  it('counts voters right while the control room unloads and loads again between ballots', async () => {
    server = await startTestServer({ limits: { unloadGraceMs: 5 } });
    const { board: b, items } = await boardWithItems();
    const id = (await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 1 })).body.round.id as string;
    const puts: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      puts.push(call('PUT', ballot(b, id, `v${i}`), b.tokens.editor, { itemIds: [i % 2 ? items.knock : items.sticky] }));
      await new Promise((r) => setTimeout(r, i % 3 === 0 ? 15 : 0));
    }
    await Promise.all(puts);
    const stored = await server.relay.readDoc(b.id, 'control', (doc) => readRounds(doc));
    expect(stored).toMatchObject([{ id, voters: 12, tally: null }]);
    const revealed = await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator);
    expect(revealed.body.round).toMatchObject({ voters: 12, tally: { [items.knock]: 6, [items.sticky]: 6 } });
    await eventually(() => expect(server!.relay.rooms.has(controlRoomName(b.id))).toBe(false));
    const watcher = client(server, controlRoomName(b.id), b.tokens.viewer);
    await synced(watcher);
    expect(roundIn(watcher, id)).toEqual(revealed.body.round);
  });

  it('keeps rounds and ballots across a server restart', async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const { board: b, items } = await boardWithItems();
    const id = (await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 2 })).body.round.id as string;
    expect((await call('PUT', ballot(b, id, 'alice'), b.tokens.editor, { itemIds: [items.sticky] })).status).toBe(200);
    await server.close();

    server = await startTestServer({ storage: sqliteIn(dir) });
    expect((await call('GET', ballot(b, id, 'alice'), b.tokens.editor)).body).toEqual({ itemIds: [items.sticky] });
    const watcher = client(server, controlRoomName(b.id), b.tokens.editor);
    await synced(watcher);
    expect(roundIn(watcher, id)).toMatchObject({ status: 'open', voters: 1 });
    const revealed = await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator);
    expect(revealed.body.round.tally).toEqual({ [items.sticky]: 1 });
    await server.close();

    server = await startTestServer({ storage: sqliteIn(dir) });
    const after = client(server, controlRoomName(b.id), b.tokens.viewer);
    await synced(after);
    expect(roundIn(after, id)).toMatchObject({ status: 'revealed', tally: { [items.sticky]: 1 } });
    expect((await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator)).status).toBe(409);
  });

  it('refuses a step on a board whose template has none', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const res = await call('POST', votes(b), b.tokens.facilitator, { stepId: 'anything', perPerson: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unknown_step', field: 'stepId' });
  });

  it('starts only one round when two starts race', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 3 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });
});

describe('votes in the results and the exports', () => {
  it('shows rounds without counts before the reveal and ranked after it, in every format', async () => {
    server = await startTestServer();
    const { board: b, items } = await boardWithItems();
    // A sticky whose text a spreadsheet would run and a page would render, to vote on.
    const editor = client(server, b.id, b.tokens.editor, { ack: true });
    await synced(editor);
    const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
    const evil = f.sticky('=HYPERLINK("http://x") <b>*bold*</b>', { x: -900, y: -900 });
    recordsOf(editor.doc).set(evil, f.build().find((r) => r.id === evil) as never);
    await eventually(() => expect(allAcked(editor)).toBe(true));

    const id = (await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 3 })).body.round.id as string;
    await call('PUT', ballot(b, id, 'a'), b.tokens.editor, { itemIds: [items.knock, items.sticky, evil] });
    await call('PUT', ballot(b, id, 'b'), b.tokens.editor, { itemIds: [items.knock, items.sticky, items.other] });
    await call('PUT', ballot(b, id, 'c'), b.tokens.editor, { itemIds: [items.knock] });

    const before = await call('GET', `/api/boards/${b.id}/results`, b.tokens.viewer);
    expect(before.body.votes).toEqual([
      {
        id,
        stepId: 'map-knocks',
        stepTitle: expect.any(String),
        status: 'open',
        perPerson: 3,
        perItem: null,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        revealedAt: null,
        voters: 3,
        ranking: null,
      },
    ]);
    const exportBefore = (await (await fetch(`${server.url}/api/boards/${b.id}/export?format=json&token=${b.tokens.viewer}`)).json()) as any;
    expect(exportBefore.votes[0].ranking).toBeNull();
    expect(JSON.stringify(exportBefore.votes)).not.toMatch(/"(tally|votes)":\s*\d/);
    expect(schemaErrors(exportBefore)).toEqual([]);

    await call('POST', `${votes(b)}/${id}/reveal`, b.tokens.facilitator);
    // The sticky "Shared calendar" is deleted after the reveal: it keeps its place, titled (removed).
    recordsOf(editor.doc).delete(items.sticky);
    await eventually(() => expect(allAcked(editor)).toBe(true));

    const after = await call('GET', `/api/boards/${b.id}/results`, b.tokens.viewer);
    const round = after.body.votes[0];
    expect(round).toMatchObject({ status: 'revealed', voters: 3, revealedAt: expect.stringMatching(/T/) });
    expect(round.ranking).toEqual([
      { itemId: items.knock, title: 'Veterans outreach', type: 'knock', votes: 3, rank: 1 },
      { itemId: items.sticky, title: '(removed)', type: null, votes: 2, rank: 2 },
      { itemId: evil, title: '=HYPERLINK("http://x") <b>*bold*</b>', type: 'note', votes: 1, rank: 3 },
      { itemId: items.other, title: 'Apprenticeships', type: 'knock', votes: 1, rank: 3 },
    ]);

    const json = (await (await fetch(`${server.url}/api/boards/${b.id}/export?format=json&token=${b.tokens.viewer}`)).json()) as any;
    expect(json.votes).toEqual(after.body.votes);
    expect(schemaErrors(json)).toEqual([]);

    const zip = unzipSync(new Uint8Array(await (await fetch(`${server.url}/api/boards/${b.id}/export?format=csv&token=${b.tokens.viewer}`)).arrayBuffer()));
    const csv = strFromU8(zip['votes.csv']);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(VOTE_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
    // Ids are random base64url: one starting with '-' is neutralised like any formula-leading text.
    expect(lines[1]).toBe(csvLine([b.id, id, round.stepTitle, 'revealed', items.knock, 'Veterans outreach', 3, 1]));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") <b>*bold*</b>",1,3`);

    const md = await (await fetch(`${server.url}/api/boards/${b.id}/export?format=md&token=${b.tokens.viewer}`)).text();
    expect(md).toContain('## Dot votes');
    expect(md).toContain('| 1 | Veterans outreach | 3 |');
    expect(md).not.toContain('<b>*bold*</b>');
    expect(md).toContain('\\<b\\>\\*bold\\*\\</b\\>');

    const html = await (await fetch(`${server.url}/api/boards/${b.id}/export?format=html&token=${b.tokens.viewer}`)).text();
    expect(html).toContain('<h2 id="votes">Dot votes</h2>');
    expect(html).toContain('&lt;b&gt;*bold*&lt;/b&gt;');
    expect(html).not.toContain('<b>*bold*</b>');
  });

  it('leaves the Dot votes sections out while no round is revealed, and lists the open round in votes.csv without counts', async () => {
    server = await startTestServer();
    const { board: b, items } = await boardWithItems();
    const id = (await call('POST', votes(b), b.tokens.facilitator, { stepId: 'map-knocks', perPerson: 3 })).body.round.id as string;
    await call('PUT', ballot(b, id, 'a'), b.tokens.editor, { itemIds: [items.knock] });
    const md = await (await fetch(`${server.url}/api/boards/${b.id}/export?format=md&token=${b.tokens.viewer}`)).text();
    expect(md).not.toContain('Dot votes');
    const html = await (await fetch(`${server.url}/api/boards/${b.id}/export?format=html&token=${b.tokens.viewer}`)).text();
    expect(html).not.toContain('Dot votes');
    const zip = unzipSync(new Uint8Array(await (await fetch(`${server.url}/api/boards/${b.id}/export?format=csv&token=${b.tokens.viewer}`)).arrayBuffer()));
    const lines = strFromU8(zip['votes.csv']).trim().split('\r\n');
    const stepTitle = (await call('GET', `/api/boards/${b.id}/results`, b.tokens.viewer)).body.votes[0].stepTitle;
    expect(lines.slice(1)).toEqual([csvLine([b.id, id, stepTitle, 'open', null, null, null, null])]);
  });
});

describe('GET /api/time', () => {
  it("answers the server's clock, uncached, without a token", async () => {
    server = await startTestServer();
    const before = Date.now();
    const res = await call('GET', '/api/time', null);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.body)).toEqual(['now']);
    expect(res.body.now).toBeGreaterThanOrEqual(before);
    expect(res.body.now).toBeLessThanOrEqual(Date.now());
    expect((await call('POST', '/api/time', null)).status).toBe(405);
  });
});

describe('POST /api/boards/:id/invites', () => {
  it('makes a new facilitator link that opens the board as facilitator', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const res = await call('POST', `/api/boards/${b.id}/invites`, b.tokens.facilitator, { name: 'Co-host' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['link']);
    const link = new URL(res.body.link);
    expect(`${link.origin}${link.pathname}`).toBe(`${server.url}/b/${b.id}`);
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.values(b.tokens)).not.toContain(token);
    expect((await call('GET', `/api/boards/${b.id}`, token)).body).toMatchObject({ id: b.id, role: 'facilitator' });
    // The new facilitator can do what facilitators do, e.g. write the control document.
    const c = client(server, controlRoomName(b.id), token, { ack: true });
    await synced(c);
    c.doc.getMap(CONTROL_MAP).set(ControlKey.Banner, { id: 'x', text: 'hi', at: 1, by: 'Co-host' });
    await eventually(() => expect(allAcked(c)).toBe(true));
    expect(c.permissionDenied).toEqual([]);
    // A body is optional; each invitation is a new token.
    const plain = await fetch(`${server.url}/api/boards/${b.id}/invites?token=${token}`, { method: 'POST' });
    expect(plain.status).toBe(201);
    expect(((await plain.json()) as any).link).not.toBe(res.body.link);
  });

  it('refuses editors, viewers, bad tokens and bad names', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const path = `/api/boards/${b.id}/invites`;
    expect((await call('POST', path, b.tokens.editor, {})).status).toBe(403);
    expect((await call('POST', path, b.tokens.viewer, {})).status).toBe(403);
    expect((await call('POST', path, null, {})).status).toBe(401);
    expect((await call('POST', '/api/boards/AAAAAAAAAAAAAAAA/invites', b.tokens.facilitator, {})).status).toBe(404);
    const long = await call('POST', path, b.tokens.facilitator, { name: 'x'.repeat(81) });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('name');
    expect((await call('GET', path, b.tokens.facilitator)).status).toBe(405);
  });
});
