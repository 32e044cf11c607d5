import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONTROL_VOTES, controlRoomName } from '../../shared/doc/control';
import { DOC_RECORDS } from '../../shared/doc/docLayout';
import { MessageType, VoterKeyStatus } from '../../shared/protocol';
import { entries } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { asServer, startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/eventually';
import { createTestBoard } from '../helpers/server';

/**
 * Several app nodes on one PostgreSQL database, each in its own process: any node serves any
 * board, by passing its sockets and board-scoped requests on to the board's owner.
 *
 * The nodes keep the default lease timings (10 s): nothing here waits for a lease to run out,
 * and a node short of CPU for a few seconds (2.25 s with FAST_LEASES) must not drop its boards
 * midway, which would move a board these tests expect to stay where it is.
 */

let cluster: TestCluster | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.stop();
  cluster = null;
});

function client(url: string, boardId: string, token: string): TestClient {
  const c = connectClient(asServer(url), boardId, token, { ack: true });
  clients.push(c);
  return c;
}

describe('any node, any board', () => {
  it('lets people on two other nodes edit a board made on the first, see each other and converge', async () => {
    cluster = await startCluster(3);
    const [a, b, c] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url), { title: 'Made on A' });
    const onB = client(b.url, board.id, board.tokens.editor);
    const onC = client(c.url, board.id, board.tokens.editor);
    await synced(onB, 10_000);
    await synced(onC, 10_000);
    // One owner: both sockets end at the same node, whichever it is.
    const owner = await cluster.lease(board.id);
    expect([a.url, b.url, c.url]).toContain(owner?.nodeUrl);

    for (let i = 0; i < 20; i++) {
      entries(onB.doc).set(`b${i}`, i);
      entries(onC.doc).set(`c${i}`, i);
    }
    await eventually(() => {
      expect(Object.keys(entries(onB.doc).toJSON())).toHaveLength(40);
      expect(entries(onC.doc).toJSON()).toEqual(entries(onB.doc).toJSON());
    }, 10_000);
    await eventually(() => expect(allAcked(onB) && allAcked(onC)).toBe(true), 10_000);

    // Presence: each sees the other's cursor, although they came in through different nodes.
    onB.provider.awareness.setLocalStateField('user', { name: 'Bea', role: 'editor' });
    onC.provider.awareness.setLocalStateField('user', { name: 'Cal', role: 'editor' });
    const names = (t: TestClient) => [...t.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    await eventually(() => {
      expect(names(onB)).toContain('Cal');
      expect(names(onC)).toContain('Bea');
    }, 10_000);

    // A fresh reader on the first node gets every edit.
    const onA = client(a.url, board.id, board.tokens.viewer);
    await synced(onA, 10_000);
    expect(entries(onA.doc).toJSON()).toEqual(entries(onB.doc).toJSON());
  }, 60_000);

  it('reads a cohort made on one node from another, and opens its team boards there', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes;
    const made = await fetch(`${b.url}/api/cohorts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Spring academy', template: 'many-tables-many-knocks', teams: ['North', 'South'] }),
    });
    expect(made.status).toBe(201);
    const cohort = (await made.json()) as { id: string; links: { trainer: string }; boards: { team: string; id: string; links: { editor: string } }[] };
    const trainerToken = new URL(cohort.links.trainer).searchParams.get('token');
    const read = await fetch(`${a.url}/api/cohorts/${cohort.id}?token=${trainerToken}`);
    expect(read.status).toBe(200);
    const onA = (await read.json()) as { name: string; boards: { team: string; id: string }[] };
    expect(onA.name).toBe('Spring academy');
    expect(onA.boards.map((t) => [t.team, t.id])).toEqual(cohort.boards.map((t) => [t.team, t.id]));
    const team = cohort.boards[0];
    const editor = client(a.url, team.id, new URL(team.links.editor).searchParams.get('token') ?? '');
    await synced(editor, 10_000);
    // The template's zones and prompts came with the board, made on B and served here.
    expect(editor.doc.getArray(DOC_RECORDS).length).toBeGreaterThan(0);
  }, 60_000);

  it('answers board-scoped HTTP requests on any node, and refuses a bad token on any node as the owner does', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url), { template: 'many-tables-many-knocks' });
    const onA = client(a.url, board.id, board.tokens.editor);
    await synced(onA, 10_000);
    entries(onA.doc).set('x', 'from A');
    await eventually(() => expect(allAcked(onA)).toBe(true), 10_000);
    expect((await cluster.lease(board.id))?.nodeUrl).toBe(a.url);

    // Results are read from the owner's live room: the same answer through B as from A.
    const results = await fetch(`${b.url}/api/boards/${board.id}/results?token=${board.tokens.viewer}`);
    expect(results.status, await results.clone().text()).toBe(200);
    const direct = await fetch(`${a.url}/api/boards/${board.id}/results?token=${board.tokens.viewer}`);
    const withoutTime = ({ generatedAt: _, ...rest }: Record<string, unknown>) => rest;
    expect(withoutTime(await results.json())).toEqual(withoutTime(await direct.json()));
    const refused = await fetch(`${b.url}/api/boards/${board.id}/results?token=not-a-token`);
    expect(refused.status).toBe(401);

    // A vote started through B is written into the owner's live control document.
    const watcher = connectClient(asServer(a.url), controlRoomName(board.id), board.tokens.viewer);
    clients.push(watcher);
    await synced(watcher, 10_000);
    const started = await fetch(`${b.url}/api/boards/${board.id}/votes?token=${board.tokens.facilitator}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stepId: 'map-knocks', perPerson: 3 }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { round } = (await started.json()) as { round: { id: string } };
    await eventually(() => expect(watcher.doc.getMap(CONTROL_VOTES).has(round.id)).toBe(true), 10_000);

    // A socket with a bad token is refused by the owner, through B.
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${b.url.replace('http', 'ws')}/ws/${board.id}?token=wrong`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(401);
    // The board never moved: A still owns it.
    expect((await cluster.lease(board.id))?.nodeUrl).toBe(a.url);
  }, 60_000);

  it('counts voter keys per real client address on the owner, for sockets passed on by another node', async () => {
    cluster = await startCluster(2, { VOTER_KEYS_PER_ADDRESS: '1' });
    const [a, b] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url));
    const owner = client(a.url, board.id, board.tokens.editor);
    await synced(owner, 10_000);
    // Three people behind B, from two addresses (127.0.0.2 and 127.0.0.3 are this machine too).
    const first = await voterKeyFrom(b.url, board.id, board.tokens.editor, '127.0.0.2');
    const second = await voterKeyFrom(b.url, board.id, board.tokens.editor, '127.0.0.3');
    const third = await voterKeyFrom(b.url, board.id, board.tokens.editor, '127.0.0.2');
    expect(first.issued).toBe(true);
    // Another address: its own key (the owner did not count B's address for both).
    expect(second.issued).toBe(true);
    // The same address again: over its cap of one.
    expect(third.issued).toBe(false);
    for (const s of [first, second, third]) s.ws.close();
  }, 60_000);
});

/** Asks for a voter key over a socket opened from `localAddress`; the socket stays open (a key counts while it is). */
async function voterKeyFrom(url: string, boardId: string, token: string, localAddress: string): Promise<{ ws: WebSocket; issued: boolean }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/${boardId}?token=${token}`, { localAddress });
  const answer = new Promise<boolean>((resolve) =>
    ws.on('message', (data: Buffer) => {
      if (data[0] !== MessageType.VoterKey) return;
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarUint(d);
      resolve(decoding.readVarUint(d) === VoterKeyStatus.Issued);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.VoterKey);
  encoding.writeVarString(e, '');
  ws.send(encoding.toUint8Array(e));
  return { ws, issued: await answer };
}
