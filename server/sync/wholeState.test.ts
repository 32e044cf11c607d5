import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { WholeState } from './wholeState';

/** What a client that had nothing holds after the frames, and the sync message type of each. */
function receive(frames: Uint8Array[]): { doc: Y.Doc; types: number[] } {
  const doc = new Y.Doc();
  const types: number[] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    expect(decoding.readVarUint(d)).toBe(MessageType.Sync);
    types.push(decoding.readVarUint(d));
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  return { doc, types };
}

/** A server document loaded from a stored state and a log of `log` updates, with its WholeState. */
function loadedRoom(log: number) {
  const writer = new Y.Doc();
  const map = writer.getMap<number>('m');
  map.set('base', 0);
  const compacted = Y.encodeStateAsUpdate(writer);
  const updates: Uint8Array[] = [];
  for (let i = 0; i < log; i++) {
    const sv = Y.encodeStateVector(writer);
    map.set(`k${i}`, i);
    updates.push(Y.encodeStateAsUpdate(writer, sv));
  }
  const doc = new Y.Doc();
  for (const u of [compacted, ...updates]) Y.applyUpdate(doc, u);
  const whole = new WholeState(doc);
  whole.loaded(compacted, updates);
  doc.on('update', (u: Uint8Array) => whole.applied(u));
  return { doc, whole, compacted };
}

describe('the whole document for a client that has nothing', () => {
  it('is the stored state as it was loaded: one sync step 2 carrying the stored bytes themselves, no encoding of the document', () => {
    const { doc, whole, compacted } = loadedRoom(0);
    const frames = whole.frames();
    const { doc: got, types } = receive(frames);
    expect(types).toEqual([syncProtocol.messageYjsSyncStep2]);
    expect(got.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    const d = decoding.createDecoder(frames[0]);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    expect(decoding.readVarUint8Array(d)).toEqual(compacted);
    // Made once: the next first visit gets the very same frame.
    expect(whole.frames()[0]).toBe(frames[0]);
  });

  it('sends the log and every later update in order, the sync step 2 last, so a client counting itself synced has all of it', () => {
    const { doc, whole } = loadedRoom(5);
    doc.getMap<number>('m').set('later', 99);
    doc.getMap<number>('m').delete('k0');
    const { doc: got, types } = receive(whole.frames());
    expect(types.at(-1)).toBe(syncProtocol.messageYjsSyncStep2);
    expect(types.slice(0, -1).every((t) => t === syncProtocol.messageYjsUpdate)).toBe(true);
    expect(types).toHaveLength(1 + 5 + 2);
    expect(got.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(got.getMap('m').has('k0')).toBe(false);
  });

  it('starts over from a compaction’s encoding, and from a fresh encoding when the updates pile up', () => {
    const { doc, whole } = loadedRoom(3);
    whole.encoded(Y.encodeStateAsUpdate(doc));
    doc.getMap<number>('m').set('after', 1);
    expect(receive(whole.frames()).types).toHaveLength(2);

    for (let i = 0; i < 1_001; i++) doc.getMap<number>('m').set('n', i);
    const { doc: got, types } = receive(whole.frames());
    expect(types).toEqual([syncProtocol.messageYjsSyncStep2]);
    expect(got.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });
});
