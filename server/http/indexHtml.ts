import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LICENSE_KEY_META } from '../../shared/licence';

/** The app's page as the server sends it: the built index.html with the run-time settings in it. */
export interface IndexPage {
  body: Buffer;
  etag: string;
}

/**
 * Reads the built index.html once and puts the tldraw licence key (TLDRAW_LICENSE_KEY, read at
 * start) into it as `<meta name="pb-tldraw-license-key">`, where the client reads it
 * (client/board/licence.ts): one build serves every host. No inline script is needed, so the
 * page's Content-Security-Policy stays as strict as it is. Undefined when the client is not built.
 */
export function loadIndexPage(clientDir: string, licenseKey: string | undefined): IndexPage | undefined {
  let html: string;
  try {
    html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
  if (licenseKey) {
    const meta = `<meta name="${LICENSE_KEY_META}" content="${escapeAttribute(licenseKey)}" />`;
    html = html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}\n${html}`;
  }
  const body = Buffer.from(html, 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paths answered with the app's page: its own names, and every path without a file extension (the app's routes). */
export function isPagePath(pathname: string): boolean {
  if (pathname === '/' || pathname === '/index.html') return true;
  return !/\/[^/]*\.\w+$/.test(pathname) && !pathname.startsWith('/assets/');
}
