import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecords, recordsOf } from './boardDoc';
import { DOC_RECORDS } from './docLayout';

describe('readRecords', () => {
  it('reads the records without writing to or observing the document', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<{ key: string; val: unknown }>(DOC_RECORDS);
    // Two entries for one key, as concurrent writers can leave: the right-most wins.
    arr.push([{ key: 'shape:a', val: { id: 'shape:a', v: 1 } }, { key: 'shape:b', val: { id: 'shape:b' } }, { key: 'shape:a', val: { id: 'shape:a', v: 2 } }]);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const observersBefore = (arr as unknown as { _eH: { l: unknown[] } })._eH.l.length;
    const records = readRecords(doc);
    expect([...records.keys()].sort()).toEqual(['shape:a', 'shape:b']);
    expect(records.get('shape:a')).toEqual({ id: 'shape:a', v: 2 });
    expect(updates).toHaveLength(0);
    expect((arr as unknown as { _eH: { l: unknown[] } })._eH.l.length).toBe(observersBefore);
    // The same view YKeyValue gives an editing client.
    expect(recordsOf(doc).get('shape:a')).toEqual({ id: 'shape:a', v: 2 });
  });
});
