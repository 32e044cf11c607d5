import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/Server';
import { allAcked, connectClient, synced } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { buildServer, runToExit, spawnServer } from '../helpers/process';
import { tempDir } from '../helpers/server';
import { entries } from '../helpers/boardContent';

let build: ReturnType<typeof buildServer>;
beforeAll(() => {
  build = buildServer();
});
afterAll(() => build?.remove());

describe('the built server (npm run build, run with plain node)', () => {
  it('serves boards, health, readiness and metrics, and stops gracefully on SIGTERM', async () => {
    const dataDir = tempDir();
    const server = await spawnServer(dataDir, 0, { LOG_LEVEL: 'info' }, build.main);
    try {
      expect(server.child.spawnargs).toEqual([process.execPath, build.main]);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, storage: 'sqlite' });
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ready: true, storage: 'sqlite' });
      const created = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ template: 'many-tables-many-knocks', title: 'Built', region: 'North', sector: 'Care' }),
      });
      expect(created.status).toBe(201);
      const board = (await created.json()) as { id: string; links: { editor: string } };
      const token = new URL(board.links.editor).searchParams.get('token')!;
      const client = connectClient({ url: server.url } as RunningServer, board.id, token, { ack: true });
      await synced(client);
      entries(client.doc).set('hello', 'world');
      await eventually(() => expect(allAcked(client)).toBe(true));
      client.destroy();
      // Exports run on a worker thread, which the built server finds bundled beside it.
      const exported = await fetch(`${server.url}/api/boards/${board.id}/export?format=json&token=${token}`);
      expect(exported.status).toBe(200);
      expect(((await exported.json()) as { board?: { title?: string } }).board?.title).toBe('Built');
      const schema = await fetch(`${server.url}/api/export-schema.json`);
      expect(((await schema.json()) as { title?: string }).title).toBeTruthy();
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/^pb_updates_stored_total\{doc="board"\} [1-9]/m);
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
    expect(server.output()).toContain('"event":"server.stop"');
    expect(server.output()).toContain('"event":"http.request"');
  });

  it('has the copy to PostgreSQL beside it (npm run migrate-to-postgres), which says how it is used', async () => {
    const help = await runToExit([build.migrate, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run migrate-to-postgres');
    const refused = await runToExit([build.migrate, 'mysql://nowhere'], { DATABASE_URL: '' });
    expect(refused.status).toBe(2);
  });
});
