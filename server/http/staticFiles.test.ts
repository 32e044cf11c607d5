import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../client/build/precompress';
import type { ServerConfig } from '../../tests/helpers/server';
import { DEFAULT_LIMITS } from '../sync/relayLimits';
import { silentLogger } from '../runtime/log';
import { startServer, type RunningServer } from '../../tests/helpers/server';
import { MemoryStorage } from '../storage/MemoryStorage';
import { tempDir } from '../../tests/helpers/server';
import { IMMUTABLE_CACHE_CONTROL } from './staticFiles';

const SCRIPT = `export const board = ${JSON.stringify('a shape '.repeat(2000))};\n`;
const STYLE = `.pb-card { color: red; }\n`.repeat(200);
const PAGE = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`;
const WORKER = `/* service worker */ self.addEventListener('fetch', () => {});\n${'// padding\n'.repeat(200)}`;
const FONT = Buffer.alloc(4096, 7);

let server: RunningServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = tempDir('pb-static-');
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), PAGE);
  fs.writeFileSync(path.join(clientDir, 'sw.js'), WORKER);
  fs.writeFileSync(path.join(clientDir, 'assets/index-Ab12Cd34.js'), SCRIPT);
  fs.writeFileSync(path.join(clientDir, 'assets/index-Ef56Gh78.css'), STYLE);
  fs.writeFileSync(path.join(clientDir, 'assets/Font-Ij90Kl12.woff2'), FONT);
  await precompressDir(clientDir);
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    clientDir,
    sqliteSynchronous: 'NORMAL',
    limits: DEFAULT_LIMITS,
  };
  server = await startServer(config, silentLogger, new MemoryStorage());
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  raw: Buffer;
}

/** A GET whose body is kept as sent (fetch would decode it and hide Content-Encoding's effect). */
function get(pathname: string, acceptEncoding?: string, extra: http.OutgoingHttpHeaders = {}): Promise<RawResponse> {
  const headers: http.OutgoingHttpHeaders = { ...extra };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decoded(res: RawResponse): string {
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(res.raw).toString('utf8');
    case 'gzip':
      return zlib.gunzipSync(res.raw).toString('utf8');
    default:
      return res.raw.toString('utf8');
  }
}

describe('the build writes compressed copies', () => {
  it('writes .br and .gz beside scripts, styles and the service worker, but not beside fonts', () => {
    for (const f of ['assets/index-Ab12Cd34.js', 'assets/index-Ef56Gh78.css', 'sw.js']) {
      expect(fs.existsSync(path.join(clientDir, `${f}.br`)), f).toBe(true);
      expect(fs.existsSync(path.join(clientDir, `${f}.gz`)), f).toBe(true);
    }
    expect(fs.existsSync(path.join(clientDir, 'assets/Font-Ij90Kl12.woff2.br'))).toBe(false);
  });
});

describe('static files: compression per Accept-Encoding', () => {
  it('sends brotli to a browser that accepts it, smaller than the file, with Vary', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.raw.length).toBeLessThan(SCRIPT.length / 10);
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await get('/assets/index-Ef56Gh78.css', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toMatch(/text\/css/);
    expect(decoded(res)).toBe(STYLE);
  });

  it('sends the file as it is when no encoding is accepted', async () => {
    for (const accept of [undefined, 'identity']) {
      const res = await get('/assets/index-Ab12Cd34.js', accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.raw.toString('utf8')).toBe(SCRIPT);
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
    }
  });

  it('sends fonts as they are (already compressed)', async () => {
    const res = await get('/assets/Font-Ij90Kl12.woff2', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.raw.equals(FONT)).toBe(true);
  });
});

describe('static files: cache headers per kind', () => {
  it('keeps hashed assets a year without revalidation, compressed or not', async () => {
    for (const [file, accept] of [
      ['/assets/index-Ab12Cd34.js', 'br'],
      ['/assets/index-Ab12Cd34.js', 'gzip'],
      ['/assets/index-Ab12Cd34.js', undefined],
      ['/assets/index-Ef56Gh78.css', 'br'],
      ['/assets/Font-Ij90Kl12.woff2', 'br'],
    ] as const) {
      const res = await get(file, accept);
      expect(res.headers['cache-control'], `${file} ${accept}`).toBe(IMMUTABLE_CACHE_CONTROL);
    }
  });

  it('has the service worker revalidated on every visit', async () => {
    for (const accept of ['br', 'gzip', undefined]) {
      const res = await get('/sw.js', accept);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(decoded(res)).toBe(WORKER);
    }
  });

  it('has the app page revalidated, at its own path and at an app route', async () => {
    for (const p of ['/', '/index.html', '/b/some-board']) {
      const res = await get(p, 'br, gzip');
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-type'], p).toMatch(/text\/html/);
      expect(decoded(res), p).toBe(PAGE);
    }
  });

  it('answers a revalidation of an unchanged service worker with 304 and no body', async () => {
    const first = await get('/sw.js', 'br');
    const again = await get('/sw.js', 'br', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
  });

  it('answers a missing asset with 404, not the app page', async () => {
    const res = await get('/assets/gone-Zz99.js', 'br');
    expect(res.status).toBe(404);
  });
});
