import { afterEach, describe, expect, it } from 'vitest';
import { entries } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { asServer, FAST_LEASES, startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/eventually';
import { createTestBoard } from '../helpers/server';

/**
 * Several app nodes on one PostgreSQL database, each in its own process: any node serves any
 * board, by passing its sockets and board-scoped requests on to the board's owner.
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
    cluster = await startCluster(3, FAST_LEASES);
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
  });
});
