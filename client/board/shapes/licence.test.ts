import { describe, expect, it } from 'vitest';
import { loadIndexPage } from '../../../server/http/indexHtml';
import { licenceKey } from './licence';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A page with the given `<meta name content>` pairs, as far as licenceKey looks at it. */
function pageWith(meta: Record<string, string>): Pick<Document, 'querySelector'> {
  return {
    querySelector: ((selector: string) => {
      const name = /^meta\[name="([^"]+)"\]$/.exec(selector)?.[1];
      return name && name in meta ? ({ getAttribute: (a: string) => (a === 'content' ? meta[name] : null) } as unknown as Element) : null;
    }) as Document['querySelector'],
  };
}

describe('the tldraw licence key', () => {
  it('is the one the server put in the page, before the build-time one', () => {
    expect(licenceKey(pageWith({ 'pb-tldraw-license-key': 'run-time-key' }), 'build-time-key')).toBe('run-time-key');
  });

  it('falls back to the build-time key, and is undefined without either', () => {
    expect(licenceKey(pageWith({}), 'build-time-key')).toBe('build-time-key');
    expect(licenceKey(pageWith({ 'pb-tldraw-license-key': '  ' }), undefined)).toBeUndefined();
    expect(licenceKey(undefined, '')).toBeUndefined();
  });

  it('reaches the page through the server: TLDRAW_LICENSE_KEY as a meta tag, escaped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-index-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
    const page = loadIndexPage(dir, 'tldraw-key"<script>');
    const html = page!.body.toString('utf8');
    expect(html).toContain('<meta name="pb-tldraw-license-key" content="tldraw-key&quot;&lt;script&gt;" /></head>');
    expect(html).not.toContain('<script>');
    expect(loadIndexPage(dir, undefined)!.body.toString('utf8')).not.toContain('pb-tldraw-license-key');
    expect(loadIndexPage(path.join(dir, 'missing'), 'k')).toBeUndefined();
  });
});
