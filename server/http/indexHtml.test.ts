import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../sync/relayLimits';
import { silentLogger } from '../runtime/log';
import { Relay } from '../sync/Relay';
import { MemoryStorage } from '../storage/MemoryStorage';
import { tempDir } from '../../tests/helpers/server';
import { createApp } from '../../tests/helpers/server';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

/** The HTTP app over a built client made of index.html and one asset. */
async function appWithClient(licenseKey?: string): Promise<string> {
  const clientDir = tempDir('pb-client-');
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><html><head><title>Boards</title></head><body><div id="root"></div></body></html>');
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const storage = new MemoryStorage();
  const relay = new Relay(storage, DEFAULT_LIMITS, silentLogger);
  const app = createApp({ storage, relay, logger: silentLogger, clientDir, tldrawLicenseKey: licenseKey });
  const server = http.createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(async () => {
    await relay.close();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('the app page', () => {
  it('carries the run-time licence key on every app route, revalidated on each load', async () => {
    const url = await appWithClient('tldraw-abc.def');
    for (const p of ['/', '/index.html', '/b/AAAAAAAAAAAAAAAA', '/c/AAAAAAAAAAAAAAAA', '/b/AAAAAAAAAAAAAAAA/history/s1']) {
      const res = await fetch(`${url}${p}?token=x`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<meta name="pb-tldraw-license-key" content="tldraw-abc.def" />');
    }
  });

  it('answers 304 to a matching If-None-Match, serves files as files and 404 for a missing file', async () => {
    const url = await appWithClient();
    const first = await fetch(`${url}/`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(`${url}/b/x`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const asset = await fetch(`${url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    expect((await fetch(`${url}/assets/gone-5678.js`)).status).toBe(404);
    expect((await fetch(`${url}/favicon.ico`)).status).toBe(404);
    expect(await (await fetch(`${url}/`)).text()).not.toContain('pb-tldraw-license-key');
  });
});
