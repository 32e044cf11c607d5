import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw';
import fixture from '../../../tests/fixtures/board-geo-plain-text.json';
import { recordsOf } from '../../../shared/doc/boardDoc';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../../shared/doc/docLayout';
import { loadDocIntoStore } from './storeBinding';

function docFrom(schema: unknown, records: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, schema);
    const kv = recordsOf(doc);
    for (const [id, rec] of Object.entries(records)) kv.set(id, rec as never);
  });
  return doc;
}

const newStore = () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });

describe('loading a board saved by an older version', () => {
  it('migrates its records, and writes them and the new schema back when allowed to write', () => {
    const doc = docFrom(fixture.schema, fixture.records);
    const store = newStore();
    const result = loadDocIntoStore(doc, recordsOf(doc), store, true);
    expect(result).toEqual({ kind: 'ok', relation: 'older', upgraded: true });
    const shape = store.get('shape:employer-quote' as never) as any;
    expect(shape.props.text).toBeUndefined();
    expect(JSON.stringify(shape.props.richText)).toContain('Employers say: too many calls');
    const written = recordsOf(doc).get('shape:employer-quote') as any;
    expect(written.props.richText).toEqual(shape.props.richText);
    expect(doc.getMap(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY)).toEqual(store.schema.serialize());
  });

  it('migrates in memory only for a viewer, leaving the document as it was', () => {
    const doc = docFrom(fixture.schema, fixture.records);
    const store = newStore();
    const result = loadDocIntoStore(doc, recordsOf(doc), store, false);
    expect(result).toMatchObject({ kind: 'ok', upgraded: false });
    expect((store.get('shape:employer-quote' as never) as any).props.richText).toBeDefined();
    expect((recordsOf(doc).get('shape:employer-quote') as any).props.text).toBe('Employers say: too many calls');
  });

  it('refuses a board written with a newer schema and writes nothing', () => {
    const newer = structuredClone(newStore().schema.serialize()) as any;
    newer.sequences['com.tldraw.shape.geo'] += 1;
    newer.sequences['com.example.future'] = 1;
    const doc = docFrom(newer, fixture.records);
    const before = Y.encodeStateAsUpdate(doc);
    expect(loadDocIntoStore(doc, recordsOf(doc), newStore(), true)).toEqual({ kind: 'newer' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('loading a board holding junk an older server stored', () => {
  it('leaves out a record the schema refuses, shows the others and keeps the document as it was', () => {
    const ours = newStore().schema.serialize();
    const good = fixture.records['shape:employer-quote' as keyof typeof fixture.records];
    const doc = docFrom(fixture.schema, fixture.records);
    recordsOf(doc).set('shape:bare', { id: 'shape:bare', typeName: 'shape', type: 'geo', x: 0, y: 0 } as never);
    const store = newStore();
    const result = loadDocIntoStore(doc, recordsOf(doc), store, true);
    expect(result).toMatchObject({ kind: 'ok', upgraded: true, skipped: ['shape:bare'] });
    expect(store.get('shape:bare' as never)).toBeUndefined();
    expect(store.get('shape:employer-quote' as never)).toBeDefined();
    expect(good).toBeDefined();
    // The junk stays where it was (only the server's restore or repair removes anything).
    expect(recordsOf(doc).get('shape:bare')).toMatchObject({ type: 'geo' });
    expect(doc.getMap(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY)).toEqual(ours);
  });
});
