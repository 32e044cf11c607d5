import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPostgresStorage } from '../../tests/helpers/postgres';
import { silentLogger } from '../runtime/log';
import type { PostgresStorage } from '../storage/PostgresStorage';
import { FencedError } from '../storage/Storage';
import { ClusterNode } from './ClusterNode';
import { PostgresLeases } from './Leases';

let storage: PostgresStorage;
let leases: PostgresLeases;
const A = { id: 'node-a', url: 'http://10.0.0.1:8080' };
const B = { id: 'node-b', url: 'http://10.0.0.2:8080' };

beforeEach(async () => {
  storage = await freshPostgresStorage();
  leases = new PostgresLeases(storage.pool);
  for (const id of ['board-1', 'board-2']) {
    await storage.createBoard(
      { id, title: id, region: 'r', sector: 's', templateId: 'blank', templateVersion: 1, variant: null, createdAt: new Date().toISOString() },
      [],
      new Uint8Array([0, 0]),
    );
  }
});
afterEach(async () => {
  await storage.close();
});

/** Makes a lease run out now, as if its node had stopped renewing it long ago. */
async function expire(boardId: string) {
  await storage.pool.query(`UPDATE board_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1`, [boardId]);
}

describe('board leases', () => {
  it('gives a free board to the first node and refuses it to another while it lasts', async () => {
    expect(await leases.take('board-1', A, 10_000)).toEqual({ taken: true, epoch: 1 });
    const refused = await leases.take('board-1', B, 10_000);
    if (!refused || refused.taken) throw new Error(`board-1 was given to a second node: ${JSON.stringify(refused)}`);
    expect(refused.owner).toMatchObject({ nodeId: A.id, nodeUrl: A.url, epoch: 1 });
    expect(refused.owner.expiresInMs).toBeGreaterThan(8_000);
  });

  it('renews for the same node at the same epoch, and hands an expired lease over at the next epoch', async () => {
    await leases.take('board-1', A, 10_000);
    expect(await leases.take('board-1', A, 10_000)).toEqual({ taken: true, epoch: 1 });
    await expire('board-1');
    expect(await leases.take('board-1', B, 10_000)).toEqual({ taken: true, epoch: 2 });
    expect(await leases.owner('board-1')).toMatchObject({ nodeId: B.id, epoch: 2 });
  });

  it("lets a node's next process take its previous process's lease at once (same NODE_URL)", async () => {
    await leases.take('board-1', A, 10_000);
    expect(await leases.take('board-1', { id: 'node-a-restarted', url: A.url }, 10_000)).toEqual({ taken: true, epoch: 2 });
  });

  it('says null for a board that does not exist', async () => {
    expect(await leases.take('no-such-board', A, 10_000)).toBeNull();
  });

  it('renews only the leases the node still holds, in one statement', async () => {
    await leases.take('board-1', A, 10_000);
    await leases.take('board-2', A, 10_000);
    await expire('board-2');
    await leases.take('board-2', B, 10_000);
    const kept = await leases.renew(A.id, ['board-1', 'board-2'], 10_000);
    expect([...kept]).toEqual([['board-1', 1]]);
  });

  it('frees a released lease for another node at once, and never reuses an epoch', async () => {
    await leases.take('board-1', A, 10_000);
    await leases.release('board-1', A.id, 1);
    expect(await leases.owner('board-1')).toBeNull();
    expect(await leases.take('board-1', B, 10_000)).toEqual({ taken: true, epoch: 2 });
  });
});

describe('fencing', () => {
  it('refuses the appends and compactions of a node whose lease was taken over, and keeps what it had stored', async () => {
    await leases.take('board-1', A, 10_000);
    const fenceA = { nodeId: A.id, epoch: 1 };
    await storage.appendUpdates('board-1', 'board', [new Uint8Array([1])], fenceA);
    await expire('board-1');
    await leases.take('board-1', B, 10_000);
    await expect(storage.appendUpdates('board-1', 'board', [new Uint8Array([2])], fenceA)).rejects.toBeInstanceOf(FencedError);
    await expect(storage.compact('board-1', 'board', new Uint8Array([9]), 1, fenceA)).rejects.toBeInstanceOf(FencedError);
    const stored = await storage.loadDoc('board-1', 'board');
    expect(stored.updates.map((u) => [...u])).toEqual([[1]]);
    await storage.appendUpdates('board-1', 'board', [new Uint8Array([3])], { nodeId: B.id, epoch: 2 });
  });
});

describe('a cluster node', () => {
  it('closes the rooms of a board whose lease another node took, at its next renewal', async () => {
    const node = new ClusterNode(leases, () => A.url, silentLogger, { ttlMs: 3_000, renewEveryMs: 100_000, marginMs: 500, loadsAtOnce: 2 });
    const evicted: string[] = [];
    node.onLost((id) => evicted.push(id));
    await node.claim('board-1');
    await node.claim('board-2');
    await expire('board-1');
    await leases.take('board-1', B, 10_000);
    await node.renewAll();
    expect(evicted).toEqual(['board-1']);
    expect(node.boards).toEqual(['board-2']);
    await node.close();
    expect(await leases.owner('board-2')).toBeNull();
  });

  it('closes the rooms of a lease it could not renew before the lease runs out', async () => {
    const failing = Object.assign(Object.create(leases) as PostgresLeases, {
      renew: () => Promise.reject(new Error('database unreachable')),
    });
    const node = new ClusterNode(failing, () => A.url, silentLogger, { ttlMs: 1_200, renewEveryMs: 300, marginMs: 400, loadsAtOnce: 2 });
    const evicted: { id: string; at: number }[] = [];
    node.onLost((id) => evicted.push({ id, at: performance.now() }));
    const started = performance.now();
    await node.claim('board-1');
    const owner = await leases.owner('board-1');
    await new Promise((r) => setTimeout(r, 1_400));
    expect(evicted.map((e) => e.id)).toEqual(['board-1']);
    // Before the lease ran out by the database's reckoning.
    expect(evicted[0].at - started).toBeLessThan(owner!.expiresInMs);
    await node.close();
  });

  it('loads at most `loadsAtOnce` rooms at once', async () => {
    const node = new ClusterNode(leases, () => A.url, silentLogger, { ttlMs: 3_000, renewEveryMs: 100_000, marginMs: 500, loadsAtOnce: 2 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        node.loadSlot(async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 20));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    await node.close();
  });
});
