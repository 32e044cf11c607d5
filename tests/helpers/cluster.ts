import net from 'node:net';
import pg from 'pg';
import type { RunningServer } from '../../server/Server';
import { freshDatabase, type TestDatabase } from './postgres';
import { spawnServer, type ServerProcess } from './process';
import { tempDir } from './server';

/** Lease timings for tests that need no realistic failover time: a dead node's boards move after 3 s. */
export const FAST_LEASES = { LEASE_TTL_MS: '3000', LEASE_RENEW_MS: '1000' };

export interface TestCluster {
  db: TestDatabase;
  /** The app nodes, by index; a killed node's slot keeps its process until restarted. */
  nodes: ServerProcess[];
  /** Starts node `i` again on its own port (so with its own NODE_URL). */
  restart(i: number): Promise<ServerProcess>;
  /** The live lease of a board: the node URL and epoch, or null. */
  lease(boardId: string): Promise<{ nodeUrl: string; nodeId: string; epoch: number } | null>;
  /** Runs SQL on the cluster's database (a test stealing a lease). */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

/**
 * `count` app nodes in their own processes on 127.0.0.1, one fresh PostgreSQL database (or the
 * given URL of it, e.g. through a TCP proxy the test cuts), each node with its own port.
 */
export async function startCluster(count: number, env: Record<string, string> = {}, options: { databaseUrl?: string; db?: TestDatabase } = {}): Promise<TestCluster> {
  const db = options.db ?? (await freshDatabase());
  const databaseUrl = options.databaseUrl ?? db.url;
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  // An idle connection ended by the server (a PostgreSQL restart, the database dropped) is
  // discarded by the pool and the next query connects again; unheard, it would fail the run.
  pool.on('error', () => {});
  const start = (port = 0) => spawnServer(tempDir('boards-node-'), port, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env });
  // One after the other: the first migrates the database, the others find it done.
  const nodes: ServerProcess[] = [];
  for (let i = 0; i < count; i++) nodes.push(await start());
  return {
    db,
    nodes,
    async restart(i) {
      nodes[i] = await start(nodes[i].port);
      return nodes[i];
    },
    async lease(boardId) {
      const { rows } = await pool.query(
        `SELECT node_url AS "nodeUrl", node_id AS "nodeId", epoch FROM board_leases WHERE board_id = $1 AND expires_at > now()`,
        [boardId],
      );
      return rows[0] ? { ...rows[0], epoch: Number(rows[0].epoch) } : null;
    },
    query: (sql, params) => pool.query(sql, params),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      await pool.end();
      if (!options.db) await db.drop();
    },
  };
}

/** What connectClient and createTestBoard need of a server: its URL. */
export function asServer(url: string): RunningServer {
  return { url } as RunningServer;
}

/**
 * A TCP front for the app nodes, as a load balancer would be: each connection goes to the next
 * node in turn; a node that refuses (dead) is skipped. Clients connected through it reconnect
 * "to any node" after theirs died.
 */
export class Balancer {
  private server: net.Server;
  private next = 0;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private backends: () => number[]) {
    this.server = net.createServer((client) => this.route(client, 0));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  private route(client: net.Socket, tried: number): void {
    const ports = this.backends();
    if (tried >= ports.length) return void client.destroy();
    const port = ports[this.next++ % ports.length];
    const upstream = net.connect(port, '127.0.0.1');
    client.pause();
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.sockets.add(client).add(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      if (!connected) this.route(client, tried + 1);
      else client.destroy();
    });
    upstream.once('close', () => {
      if (connected) client.destroy();
    });
    client.once('close', () => upstream.destroy());
    client.once('error', () => upstream.destroy());
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
