import { execSync } from 'node:child_process';
import path from 'node:path';

/** Where the browser suite builds and serves the client (E2E_CLIENT_DIR, for parallel runs). */
export function e2eClientDir(): string {
  const root = path.resolve(import.meta.dirname, '../..');
  return path.resolve(root, process.env.E2E_CLIENT_DIR ?? 'dist/client');
}

/** Builds the client once for the whole browser suite. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execSync(`npx vite build --logLevel warn --emptyOutDir --outDir ${JSON.stringify(e2eClientDir())}`, { cwd: root, stdio: 'inherit' });
}
