import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { proxyHttp } from './proxy';

const servers: http.Server[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/**
 * An owner node in a process of its own (its timers run while this one is busy): it answers
 * `owner saw <method> <url>` and closes a connection idle for `keepAliveMs`.
 */
async function ownerProcess(keepAliveMs: number): Promise<string> {
  const source = `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => r.end('owner saw ' + q.method + ' ' + q.url)); });
    s.keepAliveTimeout = ${keepAliveMs};
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d)))));
  return `http://127.0.0.1:${port}`;
}

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Keeps this process busy (a node short of CPU): no timer or socket event runs meanwhile. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('passing a request on to the board’s owner', () => {
  it('answers a request that comes in while the owner is closing the idle connection of the one before', async () => {
    // The owner closes a connection idle for 2.5 s (Node's default is 5 s; a pooled connection
    // would be dropped on this side a second earlier, by the owner's Keep-Alive hint).
    const ownerUrl = await ownerProcess(2500);
    let unreachable: string | null = null;
    let requests = 0;
    const front = await listen(
      http.createServer((req, res) => {
        // The second request reaches a node that is busy until past the owner's idle timeout:
        // it passes the request on in the same turn, before it could read the owner's close.
        if (++requests === 2) busyFor(3800);
        proxyHttp(req, res, ownerUrl, {}, (error) => {
          unreachable = error.message;
          res.writeHead(503).end();
        });
      }),
    );
    const first = await fetch(`${front}/api/boards/b1/results`);
    expect(await first.text()).toBe('owner saw GET /api/boards/b1/results');
    const second = await fetch(`${front}/api/boards/b1/votes`, { method: 'POST', body: '{}' });
    expect(unreachable).toBeNull();
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('owner saw POST /api/boards/b1/votes');
  });
});
