import type { BoardPlacement } from '../../server/sync/boardPlacement';
import { freshDatabase, type TestDatabase } from './postgres';
import { openPostgresStorage, type RunningServer, startTestServer } from './server';

export interface TestNodes {
  db: TestDatabase;
  nodes: RunningServer[];
  /** Stops every node, then drops the database. */
  close(): Promise<void>;
}

/**
 * App nodes in this process on one fresh PostgreSQL database, each with its own store, relay and
 * event bus (LISTEN/NOTIFY), as separate machines would be. `placements[i]` says which boards node
 * i owns (default: every board, as one process).
 */
export async function startNodes(count: number, placements: (BoardPlacement | undefined)[] = []): Promise<TestNodes> {
  const db = await freshDatabase();
  const nodes: RunningServer[] = [];
  const close = async () => {
    for (const node of nodes.reverse()) await node.close();
    await db.drop();
  };
  try {
    for (let i = 0; i < count; i++) {
      nodes.push(await startTestServer({ storage: await openPostgresStorage(db.url, { maxConnections: 4 }), placement: placements[i] }));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { db, nodes, close };
}

/** Node 0 owns the boards in `owned` and node 1 knows it; nobody owns the others. */
export function ownership(owned: Set<string>): [BoardPlacement, BoardPlacement] {
  return [{ ownerOf: async (id) => (owned.has(id) ? 'here' : 'none') }, { ownerOf: async (id) => (owned.has(id) ? 'elsewhere' : 'none') }];
}
