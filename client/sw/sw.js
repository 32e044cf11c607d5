/*
 * The app shell's service worker, so a board opens without a connection (the board itself comes
 * from IndexedDB, see client/board/localCopy.ts). Hand-written; the build (client/sw/plugin.ts)
 * replaces the two placeholders below and emits it as /sw.js. Only production builds register it.
 *
 * - Navigations: network first (a new deploy is seen at once), falling back to the cached
 *   index.html when the network fails, answers 502-504, or has not answered within a few seconds.
 * - /assets/…: content-hashed, so immutable: cache first. The build's scripts, styles, fonts,
 *   icons and English translations are fetched at install; the rest are kept as they are used.
 * - Nothing else is touched: /api/, /ws/, /healthz and every other request go to the network as
 *   if there were no service worker, and no request ever goes to another host.
 */

const BUILD = '__PB_BUILD__';
/** Everything the build produced under /assets/, and which of it to fetch at install. */
const MANIFEST = /** @type {{ assets: string[], precache: string[] }} */ (__PB_MANIFEST__);

const SHELL_CACHE = `pb-shell-${BUILD}`;
const ASSET_CACHE = 'pb-assets';
const SHELL_URL = '/index.html';
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.add(new Request(SHELL_URL, { cache: 'reload' }));
      const assets = await caches.open(ASSET_CACHE);
      // Hashed names: what an earlier version already cached is the same file.
      for (const url of MANIFEST.precache) {
        if (await assets.match(url)) continue;
        const res = await fetch(new Request(url, { cache: 'reload' }));
        if (res.ok) await assets.put(url, res);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('pb-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      // Files of earlier builds that this one no longer has.
      const keep = new Set(MANIFEST.assets);
      const assets = await caches.open(ASSET_CACHE);
      for (const req of await assets.keys()) {
        if (!keep.has(new URL(req.url).pathname)) await assets.delete(req);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/') || url.pathname === '/healthz') return;
  if (req.mode === 'navigate') {
    event.respondWith(navigation(req));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(req, url.pathname));
  }
});

/** @param {Request} req */
async function navigation(req) {
  const network = fetch(req);
  const cachedShell = () => caches.open(SHELL_CACHE).then((c) => c.match(SHELL_URL));
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), NAVIGATION_TIMEOUT_MS);
  });
  try {
    const res = await Promise.race([network, timeout]);
    if (res === 'timeout') {
      const shell = await cachedShell();
      return shell ?? (await network);
    }
    if (res.status >= 502 && res.status <= 504) return (await cachedShell()) ?? res;
    return res;
  } catch (e) {
    const shell = await cachedShell();
    if (shell) return shell;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {Request} req
 * @param {string} path
 */
async function asset(req, path) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(path);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.status === 200) await cache.put(path, res.clone());
  return res;
}
