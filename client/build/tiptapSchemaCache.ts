import type { Plugin } from 'vite';

/**
 * tldraw draws every rich-text label (geo shapes, notes, text) from HTML made by tiptap's
 * `generateHTML(doc, extensions)`, and that function builds the whole ProseMirror schema again
 * from the extension list on every call: about 1 ms per label, most of the time a board of a
 * few thousand labelled shapes spends drawing them, on every visit. The extension list tldraw
 * passes is one constant array (or the editor's configured one), so the schema can be built once
 * per list.
 *
 * This build step rewrites `getSchema` in @tiptap/core's bundle so that, called without an
 * editor, it keeps the schema it built for each extension array (a WeakMap: an array no longer
 * used lets its schema go). Calls with an editor are unchanged. If the installed @tiptap/core
 * no longer has the expected function, the build fails and says so, rather than shipping
 * without the cache unnoticed.
 */
export const GET_SCHEMA_SOURCE = `function getSchema(extensions, editor) {
\treturn getSchemaByResolvedExtensions(resolveExtensions(extensions), editor);
}`;

export const CACHED_GET_SCHEMA_SOURCE = `const schemaByExtensions = new WeakMap();
function getSchema(extensions, editor) {
\tif (editor !== undefined || !Array.isArray(extensions)) return getSchemaByResolvedExtensions(resolveExtensions(extensions), editor);
\tlet schema = schemaByExtensions.get(extensions);
\tif (schema === undefined) schemaByExtensions.set(extensions, schema = getSchemaByResolvedExtensions(resolveExtensions(extensions), editor));
\treturn schema;
}`;

/** True for @tiptap/core's ES module bundle (the one the browser build uses). */
export function isTiptapCore(id: string): boolean {
  return /[\\/]node_modules[\\/]@tiptap[\\/]core[\\/]dist[\\/]index\.js$/.test(id.split('?')[0]);
}

/**
 * `getHTMLFromFragment` (what generateHTML ends with) also makes a whole new HTML document per
 * call only to serialise a fragment into a detached `div`; one document, made on first use, serves
 * every call (the `div` is new each time and never attached, so nothing is shared between calls).
 */
export const HTML_FROM_FRAGMENT_SOURCE = `function getHTMLFromFragment(fragment, schema) {
	const documentFragment = DOMSerializer.fromSchema(schema).serializeFragment(fragment);
	const container = document.implementation.createHTMLDocument().createElement("div");`;

export const SHARED_DOCUMENT_HTML_FROM_FRAGMENT_SOURCE = `let htmlFragmentDocument;
function getHTMLFromFragment(fragment, schema) {
	const documentFragment = DOMSerializer.fromSchema(schema).serializeFragment(fragment);
	const container = (htmlFragmentDocument ??= document.implementation.createHTMLDocument()).createElement("div");`;

/** Replaces the one occurrence of `find` in `source`; throws when there is none or more than one. */
function replaceOnce(source: string, find: string, replacement: string, what: string): string {
  const at = source.indexOf(find);
  if (at < 0 || source.indexOf(find, at + 1) >= 0) {
    throw new Error(`@tiptap/core: ${what} is not where the schema cache expects it (client/build/tiptapSchemaCache.ts); update the rewrite`);
  }
  return source.slice(0, at) + replacement + source.slice(at + find.length);
}

/**
 * The bundle's source with `getSchema` cached per extension list and `getHTMLFromFragment` on one
 * document; throws when either is not there to rewrite.
 */
export function cacheGetSchema(source: string): string {
  const cached = replaceOnce(source, GET_SCHEMA_SOURCE, CACHED_GET_SCHEMA_SOURCE, 'getSchema');
  return replaceOnce(cached, HTML_FROM_FRAGMENT_SOURCE, SHARED_DOCUMENT_HTML_FROM_FRAGMENT_SOURCE, 'getHTMLFromFragment');
}

export function tiptapSchemaCache(): Plugin {
  let rewritten = false;
  return {
    name: 'pb-tiptap-schema-cache',
    apply: 'build',
    transform(code, id) {
      if (!isTiptapCore(id)) return null;
      rewritten = true;
      return { code: cacheGetSchema(code), map: null };
    },
    buildEnd(error) {
      if (!error && !rewritten) this.error('@tiptap/core was not in the build: the schema cache (client/build/tiptapSchemaCache.ts) rewrote nothing');
    },
  };
}
