import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './client/sw/plugin.js';
import { precompress } from './client/build/precompress.js';
import { tiptapSchemaCache } from './client/build/tiptapSchemaCache.js';

/** Where the Node server listens during development (`npm start`); the dev server proxies to it. */
const API_TARGET = process.env.VITE_API_TARGET ?? 'http://localhost:8080';

/**
 * The built app may only talk to its own origin: tldraw's fonts, icons and translations are
 * bundled from @tldraw/assets, and this policy makes the browser refuse anything else (including
 * tldraw's licence ping to its CDN when no key is configured). Only added to production builds:
 * the dev server relies on inline scripts for hot reloading.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'pb-content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  root: 'client',
  base: '/',
  envDir: '..',
  publicDir: false,
  // serviceWorker(): /sw.js, the offline app shell (client/sw/sw.js; production builds only).
  // precompress(): .br and .gz beside every text file, served by the Node server (server/http/staticFiles.ts).
  // tiptapSchemaCache(): labels' HTML without building tiptap's schema again for each (client/build/).
  plugins: [react(), contentSecurityPolicy(), tiptapSchemaCache(), serviceWorker(), precompress()],
  resolve: {
    // One copy of each: two copies of yjs break `instanceof` checks between the provider and the doc.
    dedupe: ['yjs', 'react', 'react-dom'],
  },
  optimizeDeps: {
    // Its `?url` imports must go through Vite's asset pipeline, not the dependency pre-bundler.
    exclude: ['@tldraw/assets'],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // tldraw's own bundle is large; a warning per build is noise.
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/healthz': { target: API_TARGET, changeOrigin: false },
      '/ws': { target: API_TARGET, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/healthz': { target: API_TARGET, changeOrigin: false },
      '/ws': { target: API_TARGET, ws: true, changeOrigin: false },
    },
  },
});
