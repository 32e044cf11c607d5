import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { tempDir } from '../helpers/server';
import { e2eClientDir } from './globalSetup';


export interface App {
  server: ServerProcess;
  dataDir: string;
  url: string;
  /** Stops the server (SIGKILL when `crash`) and starts it again on the same port and data. */
  restart(options?: { crash?: boolean }): Promise<void>;
  createBoard(body?: Record<string, unknown>): Promise<{ id: string; links: { facilitator: string; editor: string; viewer: string } }>;
  /** A fresh browser context that records every request to another host. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Requests the pages made to any host other than the app's own. Must stay empty. */
  foreignRequests: string[];
}

export async function startApp(): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = tempDir('boards-e2e-');
  const server = await spawnServer(dataDir, 0, { CLIENT_DIR: e2eClientDir() });
  return { server, dataDir };
}

export const test = base.extend<{ app: App }>({
  app: async ({ browser }, use) => {
    let { server, dataDir } = await startApp();
    const foreignRequests: string[] = [];
    const contexts: BrowserContext[] = [];
    const app: App = {
      get server() {
        return server;
      },
      dataDir,
      get url() {
        return server.url;
      },
      foreignRequests,
      async restart(options = {}) {
        const port = server.port;
        if (options.crash) await server.kill9();
        else await server.stop();
        server = await spawnServer(dataDir, port, { CLIENT_DIR: e2eClientDir() });
      },
      async createBoard(body = {}) {
        const res = await fetch(`${server.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ template: 'blank', title: 'Welding talent pipeline', region: 'Tri-County', sector: 'Advanced manufacturing', ...body }),
        });
        expect(res.status).toBe(201);
        return (await res.json()) as Awaited<ReturnType<App['createBoard']>>;
      },
      async newContext(options = {}) {
        const context = await browser.newContext(options);
        contexts.push(context);
        const origin = new URL(server.url);
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          const own = url.hostname === origin.hostname || url.hostname === 'localhost' || url.hostname === '127.0.0.1';
          if (['data:', 'blob:'].includes(url.protocol) || (own && url.port === origin.port)) return route.continue();
          foreignRequests.push(route.request().url());
          return route.abort();
        });
        // A request the page's content security policy blocked never reaches the router; the
        // browser reports it on the console instead.
        context.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) foreignRequests.push(`blocked by CSP: ${message.text()}`);
        });
        return context;
      },
    };
    await use(app);
    for (const c of contexts) await c.close().catch(() => {});
    await server.stop();
    expect(foreignRequests, 'the app requested other hosts').toEqual([]);
  },
});

export { expect };

/** Opens a board link in a page and answers the name prompt. */
export async function openBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  const dialog = page.getByTestId('name-dialog');
  await dialog.waitFor();
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('name-input').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await page.waitForFunction(() => Boolean((window as any).__board?.editor));
}

export function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).__board.editor.getCurrentPageShapes().length);
}
