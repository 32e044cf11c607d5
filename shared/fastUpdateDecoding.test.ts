import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyUpdateFast, readAnyFast, readVarStringFast } from './fastUpdateDecoding';

const VALUES: unknown[] = [
  '',
  'shape:abc123',
  'x'.repeat(64),
  'y'.repeat(65),
  'z'.repeat(5000),
  'Café für Zoë',
  'ok then é',
  '🙂 emoji',
  `${'a'.repeat(63)}é`,
  0,
  -1,
  2 ** 31,
  -(2 ** 40),
  0.5,
  Math.PI,
  -1e300,
  12345678901234567890n,
  true,
  false,
  null,
  undefined,
  new Uint8Array([1, 2, 3]),
  [],
  {},
  { id: 'shape:1', props: { w: 100, richText: { type: 'doc', content: [{ type: 'text', text: 'Nächste Schritte' }] } }, tags: ['a', 'ü', 3, null] },
  { 'ключ': 'значение', '': '', nested: [[[]], [{}]] },
];

function encodeAny(value: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeAny(e, value as never);
  encoding.writeVarString(e, 'after');
  return encoding.toUint8Array(e);
}

describe('fast Yjs update decoding', () => {
  it('reads every kind of value exactly as lib0 does, and consumes the same bytes', () => {
    for (const value of VALUES) {
      const bytes = encodeAny(value);
      const ours = decoding.createDecoder(bytes);
      const theirs = decoding.createDecoder(bytes);
      expect(readAnyFast(ours)).toEqual(decoding.readAny(theirs));
      expect(ours.pos).toBe(theirs.pos);
      expect(readVarStringFast(ours)).toBe('after');
    }
  });

  it('refuses a string that runs past the end of the data, and an unknown value type', () => {
    const bytes = encodeAny('a string of some length');
    expect(() => readAnyFast(decoding.createDecoder(bytes.subarray(0, 10)))).toThrow(RangeError);
    expect(() => readAnyFast(decoding.createDecoder(new Uint8Array([42])))).toThrow(/unknown value type 42/);
  });

  it('applies a board-like update to the same document state as Y.applyUpdate', () => {
    const source = new Y.Doc();
    const records = source.getArray<{ key: string; val: unknown }>('records');
    source.transact(() => {
      for (let i = 0; i < 200; i++) records.push([{ key: `shape:${i}`, val: { id: `shape:${i}`, x: i * 1.5, props: { text: i % 7 ? `Item ${i}` : `Élément ${i} ✓` } } }]);
      source.getMap('schema').set('tldraw', { schemaVersion: 2, sequences: { 'com.tldraw.shape': 4 } });
      source.getMap('meta').set('Größe', 'groß');
      source.getText('notes').insert(0, 'Notes: plain and ünïcödé text');
    });
    records.delete(3, 2);
    const update = Y.encodeStateAsUpdate(source);

    const slow = new Y.Doc();
    Y.applyUpdate(slow, update);
    const fast = new Y.Doc();
    const origins: unknown[] = [];
    fast.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    applyUpdateFast(fast, update, 'loader');
    expect(origins).toEqual(['loader']);

    expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(slow));
    for (const d of [fast, slow]) {
      d.getArray('records');
      d.getMap('schema');
      d.getMap('meta');
      d.getText('notes');
    }
    expect(fast.toJSON()).toEqual(slow.toJSON());
    expect(fast.getArray('records').length).toBe(198);
  });
});
