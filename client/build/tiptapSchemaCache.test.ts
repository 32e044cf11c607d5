import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHED_GET_SCHEMA_SOURCE,
  cacheGetSchema,
  GET_SCHEMA_SOURCE,
  HTML_FROM_FRAGMENT_SOURCE,
  isTiptapCore,
  SHARED_DOCUMENT_HTML_FROM_FRAGMENT_SOURCE,
} from './tiptapSchemaCache';

/** The installed @tiptap/core ES bundle, as the browser build reads it. */
function installedBundle(): { file: string; source: string } {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@tiptap/core')), 'index.js');
  return { file, source: fs.readFileSync(file, 'utf8') };
}

/** The rewritten getSchema, run with counting stand-ins for tiptap's schema builders. */
function cachedGetSchema() {
  const built: unknown[] = [];
  const make = new Function(
    'getSchemaByResolvedExtensions',
    'resolveExtensions',
    `${CACHED_GET_SCHEMA_SOURCE}\nreturn getSchema;`,
  ) as (build: (resolved: unknown, editor: unknown) => object, resolve: (e: unknown) => unknown) => (extensions: unknown, editor?: unknown) => object;
  const getSchema = make(
    (resolved, editor) => {
      const schema = { resolved, editor };
      built.push(schema);
      return schema;
    },
    (extensions) => ({ from: extensions }),
  );
  return { getSchema, built };
}

describe('the tiptap schema cache', () => {
  it('finds getSchema exactly once in the installed @tiptap/core and rewrites it', () => {
    const { file, source } = installedBundle();
    expect(isTiptapCore(file)).toBe(true);
    const rewritten = cacheGetSchema(source);
    expect(rewritten).toContain('const schemaByExtensions = new WeakMap();');
    expect(rewritten).not.toContain(GET_SCHEMA_SOURCE);
    expect(rewritten).toContain('(htmlFragmentDocument ??= document.implementation.createHTMLDocument())');
    expect(rewritten).not.toContain(HTML_FROM_FRAGMENT_SOURCE);
    expect(rewritten.length - source.length).toBe(
      CACHED_GET_SCHEMA_SOURCE.length - GET_SCHEMA_SOURCE.length + SHARED_DOCUMENT_HTML_FROM_FRAGMENT_SOURCE.length - HTML_FROM_FRAGMENT_SOURCE.length,
    );
  });

  it('refuses a bundle whose getSchema is not the expected one, so a tiptap upgrade cannot drop the cache unnoticed', () => {
    expect(() => cacheGetSchema('function getSchema(extensions) { return build(extensions); }')).toThrow(/getSchema is not where/);
    expect(() => cacheGetSchema(`${GET_SCHEMA_SOURCE}\n${GET_SCHEMA_SOURCE}`)).toThrow(/getSchema is not where/);
    expect(() => cacheGetSchema(GET_SCHEMA_SOURCE)).toThrow(/getHTMLFromFragment is not where/);
  });

  it('builds the schema once per extension list, and anew for another list or with an editor', () => {
    const { getSchema, built } = cachedGetSchema();
    const defaults = [{ name: 'starterKit' }];
    const first = getSchema(defaults);
    expect(getSchema(defaults)).toBe(first);
    expect(built).toHaveLength(1);
    const other = getSchema([{ name: 'starterKit' }]);
    expect(other).not.toBe(first);
    expect(built).toHaveLength(2);
    const editor = {};
    expect(getSchema(defaults, editor)).toEqual({ resolved: { from: defaults }, editor });
    expect(getSchema(defaults, editor)).not.toBe(getSchema(defaults, editor));
    // One for each of the three calls with an editor.
    expect(built).toHaveLength(5);
  });

  it('only touches @tiptap/core bundle files', () => {
    expect(isTiptapCore('/x/node_modules/@tiptap/core/dist/index.js?v=1')).toBe(true);
    expect(isTiptapCore('/x/node_modules/@tiptap/core/dist/index.cjs')).toBe(false);
    expect(isTiptapCore('/x/node_modules/@tiptap/html/dist/index.js')).toBe(false);
  });
});
