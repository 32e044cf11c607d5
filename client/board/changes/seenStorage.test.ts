import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { atom } from 'tldraw';
import { changeVocabulary } from '../../../exercises/kit/changeVocabulary';
import { fixtureFor } from '../../../exercises/kit/testing';
import { manyTablesManyKnocks } from '../../../exercises/many-tables-many-knocks';
import { getItemType } from '../../../exercises/registry';
import { recordsOf } from '../../../shared/doc/boardDoc';
import type { SeenSummary } from '../../../shared/doc/changes';
import { SEEN_PREFIX } from '../../lib/offlineCache';
import { readSeen, writeSeen, type KeyValueStorage } from './seenStorage';
import { SinceLastVisit } from './SinceLastVisit';

/** localStorage in memory, optionally with a quota in characters (keys + values). */
class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    let used = k.length + v.length;
    for (const [key, value] of this.map) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const summary = (at: string, n = 1): SeenSummary => ({
  v: 1,
  at,
  e: Object.fromEntries(Array.from({ length: n }, (_, i) => [`shape:${i}`, `iabc Card ${i}`])),
});

describe('seen summary storage', () => {
  it('stores and reads a board summary under pb.seen.<id>, and reads junk as none', () => {
    const storage = new MemoryStorage();
    expect(readSeen('b1', storage)).toBeNull();
    expect(writeSeen('b1', summary('2026-03-01T00:00:00.000Z'), storage)).toBe(true);
    expect(readSeen('b1', storage)).toEqual(summary('2026-03-01T00:00:00.000Z'));
    expect(storage.getItem(`${SEEN_PREFIX}b1`)).toContain('Card 0');
    storage.setItem(`${SEEN_PREFIX}b2`, '{not json');
    expect(readSeen('b2', storage)).toBeNull();
    expect(readSeen('b1', null)).toBeNull();
  });

  it('drops the summaries of the boards seen longest ago when storage is full, and nothing else', () => {
    const one = JSON.stringify(summary('2026-01-01T00:00:00.000Z', 20)).length + `${SEEN_PREFIX}bX`.length;
    const storage = new MemoryStorage(one * 3 + 200);
    storage.setItem('pb.user', '{"id":"u"}');
    writeSeen('old', summary('2026-01-01T00:00:00.000Z', 20), storage);
    writeSeen('mid', summary('2026-02-01T00:00:00.000Z', 20), storage);
    writeSeen('new', summary('2026-03-01T00:00:00.000Z', 20), storage);
    expect(writeSeen('now', summary('2026-04-01T00:00:00.000Z', 20), storage)).toBe(true);
    expect(readSeen('old', storage)).toBeNull();
    expect(readSeen('mid', storage)).not.toBeNull();
    expect(readSeen('now', storage)).not.toBeNull();
    expect(storage.getItem('pb.user')).toBe('{"id":"u"}');
    // Larger than the whole quota: refused, after dropping what it could.
    expect(writeSeen('huge', summary('2026-05-01T00:00:00.000Z', 400), storage)).toBe(false);
    expect(storage.getItem('pb.user')).toBe('{"id":"u"}');
  });
});

describe('SinceLastVisit', () => {
  const vocab = changeVocabulary(manyTablesManyKnocks, getItemType);

  function board() {
    const f = fixtureFor(manyTablesManyKnocks);
    const a = f.item('table', { name: 'Advisory committee' }, { zone: 'tables', x: 40, y: 80 });
    const doc = new Y.Doc();
    const kv = recordsOf(doc);
    for (const r of f.build()) kv.set(r.id as string, r as never);
    return { doc, kv, f, a };
  }

  it('compares only after the first sync, saves only after comparing, and shows nothing on a first visit', () => {
    const storage = new MemoryStorage();
    const { doc } = board();
    const synced = atom('synced', false);
    const s = new SinceLastVisit('b1', doc, synced, vocab, storage);
    s.save();
    expect(readSeen('b1', storage)).toBeNull();
    synced.set(true);
    expect(s.changes.get()).toBeNull();
    expect(s.open.get()).toBe(false);
    s.dispose();
    expect(Object.keys(readSeen('b1', storage)!.e)).toHaveLength(1);
  });

  it('opens the notice with what changed since the last visit and highlights the cards until dismissed', () => {
    const storage = new MemoryStorage();
    const { doc, kv, f, a } = board();
    const first = new SinceLastVisit('b1', doc, atom('synced', true), vocab, storage);
    first.dispose();

    const b = f.item('gap', { text: 'No table for small shops' }, { zone: 'tables', x: 40, y: 500 });
    kv.set(b, f.build().find((r) => r.id === b) as never);
    const before = readSeen('b1', storage);
    const synced = atom('synced', false);
    const second = new SinceLastVisit('b1', doc, synced, vocab, storage);
    expect(second.open.get()).toBe(false);
    // Leaving before the server answered keeps the previous visit's summary.
    second.save();
    expect(readSeen('b1', storage)).toEqual(before);
    synced.set(true);
    expect(second.open.get()).toBe(true);
    expect(second.changes.get()).toEqual({ added: [{ id: b, kind: 'item', title: 'No table for small shops' }], changed: [], removed: [] });
    expect([...second.highlights.get()]).toEqual([[b, 'added']]);
    second.dismiss();
    expect(second.highlights.get().size).toBe(0);
    second.dispose();
    expect(Object.keys(readSeen('b1', storage)!.e).sort()).toEqual([a, b].sort());
  });
});
