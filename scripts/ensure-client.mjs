// Builds the client once when it is missing, so that `npm start` works on a fresh checkout.
// `npm run build` rebuilds it after changes.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('dist/client/index.html')) {
  console.log('Building the client (first start only)...');
  execSync('npx vite build', { stdio: 'inherit' });
}
