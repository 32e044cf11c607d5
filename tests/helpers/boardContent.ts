import type * as Y from 'yjs';
import { DEFAULT_PAGE_ID, recordsOf } from '../../shared/doc/boardDoc';

/**
 * Valid board content for relay tests. The relay refuses writes that do not fit the board
 * document's layout (server/sync/documentLayout.ts), so tests write real tldraw records.
 */

export interface ShapeOptions {
  x?: number;
  y?: number;
  isLocked?: boolean;
  text?: string;
  meta?: Record<string, unknown>;
  parentId?: string;
}

/** A tldraw geo (rectangle) shape record that passes the board schema's validators. */
export function geoShape(id: string, options: ShapeOptions = {}) {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x: options.x ?? 0,
    y: options.y ?? 0,
    rotation: 0,
    index: 'a5',
    parentId: options.parentId ?? DEFAULT_PAGE_ID,
    isLocked: options.isLocked ?? false,
    opacity: 1,
    meta: options.meta ?? {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 100,
      h: 100,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: { type: 'doc', content: options.text ? [{ type: 'paragraph', content: [{ type: 'text', text: options.text }] }] : [{ type: 'paragraph' }] },
    },
  };
}

const PREFIX = 'shape:entry-';
const views = new WeakMap<Y.Doc, ReturnType<typeof recordsOf>>();

/** One YKeyValue per doc: several on one array would each clean up duplicates. */
export function recordsView(doc: Y.Doc): ReturnType<typeof recordsOf> {
  let view = views.get(doc);
  if (!view) views.set(doc, (view = recordsOf(doc)));
  return view;
}

/**
 * A key-value view over a board's records for tests that only need "some content": `set(k, v)`
 * writes a geo shape `shape:entry-<k>` carrying `v` in its meta, `get(k)` reads it back. Every
 * write is a valid record, so the relay accepts it like a browser's.
 */
export function entries(doc: Y.Doc) {
  const kv = () => recordsView(doc);
  const read = () => {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of kv().map) if (key.startsWith(PREFIX)) out[key.slice(PREFIX.length)] = (entry.val as { meta?: { value?: unknown } }).meta?.value;
    return out;
  };
  return {
    set(key: string, value: unknown) {
      kv().set(`${PREFIX}${key}`, geoShape(`${PREFIX}${key}`, { meta: { value } }) as never);
    },
    get(key: string): unknown {
      return read()[key];
    },
    delete(key: string) {
      kv().delete(`${PREFIX}${key}`);
    },
    get size() {
      return Object.keys(read()).length;
    },
    toJSON: read,
  };
}
