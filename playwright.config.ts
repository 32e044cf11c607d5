import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium); Playwright's own browser download is
 * never used. Each test file starts its own server processes (tests/e2e/app.ts) so that it can
 * restart them; the client is built once in globalSetup.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI so a timing hiccup on a loaded machine does not block a landing; a retried
  // test is reported as flaky in the output, and a real failure still fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
