import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecords, recordsOf } from './boardDoc';
import { DOC_RECORDS } from './docLayout';

describe('readRecords', () => {
  it('reads the records without writing to or observing the document', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<{ key: string; val: unknown }>(DOC_RECORDS);
    // Two entries for one key, as concurrent writers can leave: the right-most wins.
    arr.push([
      { key: 'shape:a', val: { id: 'shape:a', typeName: 'shape', v: 1 } },
      { key: 'shape:b', val: { id: 'shape:b', typeName: 'shape' } },
      { key: 'shape:a', val: { id: 'shape:a', typeName: 'shape', v: 2 } },
    ]);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const observersBefore = (arr as unknown as { _eH: { l: unknown[] } })._eH.l.length;
    const records = readRecords(doc);
    expect([...records.keys()].sort()).toEqual(['shape:a', 'shape:b']);
    expect(records.get('shape:a')).toEqual({ id: 'shape:a', typeName: 'shape', v: 2 });
    expect(updates).toHaveLength(0);
    expect((arr as unknown as { _eH: { l: unknown[] } })._eH.l.length).toBe(observersBefore);
    // The same view YKeyValue gives an editing client.
    expect(recordsOf(doc).get('shape:a')).toEqual({ id: 'shape:a', typeName: 'shape', v: 2 });
  });

  it('skips entries that are not records: no pair, no record as val, a record under another key', () => {
    const doc = new Y.Doc();
    doc.getArray<unknown>(DOC_RECORDS).push([
      null,
      7,
      { key: 'shape:a' },
      { key: 'shape:b', val: 'text' },
      { key: 'shape:c', val: { id: 'shape:d', typeName: 'shape' } },
      { key: 'shape:e', val: { id: 'shape:e' } },
      { key: 'shape:ok', val: { id: 'shape:ok', typeName: 'shape' } },
    ]);
    expect([...readRecords(doc).keys()]).toEqual(['shape:ok']);
  });
});
