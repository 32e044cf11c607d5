import * as Y from 'yjs';
import { createTLStore, defaultBindingUtils, type TLStore } from 'tldraw';
import { recordsOf } from '../../../shared/doc/boardDoc';
import { ALL_SHAPE_UTILS } from '../shapes';
import { loadDocIntoStore } from '../sync/storeBinding';

/**
 * Builds a tldraw store from a snapshot's state through the board page's own loading and
 * migration path (`loadDocIntoStore` on a Y.Doc made from the update), never writing anywhere:
 * the doc is local to this page and nothing connects to the server.
 */
export function storeFromSnapshot(state: Uint8Array): { kind: 'ok'; store: TLStore } | { kind: 'newer' | 'empty' } | { kind: 'error'; message: string } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const kv = recordsOf(doc);
  const store = createTLStore({ shapeUtils: ALL_SHAPE_UTILS, bindingUtils: defaultBindingUtils });
  const result = loadDocIntoStore(doc, kv, store, false);
  kv.destroy?.();
  doc.destroy();
  return result.kind === 'ok' ? { kind: 'ok', store } : result;
}
