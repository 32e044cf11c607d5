import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** What the service worker fetches at install: everything needed to open a board offline. */
function precached(fileName: string): boolean {
  // Scripts and styles, tldraw's fonts and icon sprite, and its default (English) translation;
  // the other languages are cached the first time they are used.
  return /\.(js|css|woff2?|svg)$/.test(fileName) || /^assets\/main-[\w-]+\.json$/.test(fileName);
}

/**
 * Emits client/sw/sw.js as /sw.js in production builds, with the build's asset list and a build
 * id (a hash of every emitted file name and of index.html) in place of its placeholders. A new
 * build gives a new sw.js, which the browser installs at the next visit.
 */
export function serviceWorker(): Plugin {
  const source = path.resolve(import.meta.dirname, 'sw.js');
  return {
    name: 'pb-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(`${f}\n`);
      const html = bundle['index.html'];
      if (html && html.type === 'asset') hash.update(html.source);
      const manifest = { assets: files.map((f) => `/${f}`), precache: files.filter(precached).map((f) => `/${f}`) };
      const code = fs
        .readFileSync(source, 'utf8')
        .replace("'__PB_BUILD__'", JSON.stringify(hash.digest('hex').slice(0, 12)))
        .replace('__PB_MANIFEST__', JSON.stringify(manifest));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
