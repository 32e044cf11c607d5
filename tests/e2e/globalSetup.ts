import { execSync } from 'node:child_process';
import path from 'node:path';

/** Builds the client once for the whole browser suite. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
