import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalCopy } from './localCopy';

/**
 * The save tracking trusts `Y.snapshotContainsUpdate(confirmed, update)` to tell whether what the
 * local copy brought (one update: stored updates applied in one transaction) was all known to the
 * server when the confirmed snapshot was taken, deletions included.
 */
describe('local copy and the confirmed snapshot', () => {
  function edited() {
    const doc = new Y.Doc();
    const arr = doc.getArray<string>('records');
    arr.push(['a', 'b', 'c', 'd']);
    arr.delete(1, 1);
    doc.getMap('schema').set('tldraw', { v: 1 });
    return { doc, arr };
  }

  /** What loading `stored` into a fresh doc brings, as the update of that one transaction. */
  function loadUpdate(stored: Uint8Array): Uint8Array {
    const fresh = new Y.Doc();
    let update: Uint8Array | null = null;
    fresh.on('update', (u: Uint8Array) => {
      update = u;
    });
    Y.transact(fresh, () => Y.applyUpdate(fresh, stored), 'local-copy', false);
    return update!;
  }

  it('contains a copy that holds nothing newer, and not one with a later insert or deletion', () => {
    const { doc, arr } = edited();
    const confirmed = Y.decodeSnapshot(Y.encodeSnapshot(Y.snapshot(doc)));
    expect(Y.snapshotContainsUpdate(confirmed, loadUpdate(Y.encodeStateAsUpdate(doc)))).toBe(true);

    arr.delete(0, 1);
    expect(Y.snapshotContainsUpdate(confirmed, loadUpdate(Y.encodeStateAsUpdate(doc)))).toBe(false);

    const { doc: doc2, arr: arr2 } = edited();
    const confirmed2 = Y.snapshot(doc2);
    arr2.push(['e']);
    expect(Y.snapshotContainsUpdate(confirmed2, loadUpdate(Y.encodeStateAsUpdate(doc2)))).toBe(false);
  });

  it('a copy older than the snapshot is contained too (its updates lagged behind)', () => {
    const { doc, arr } = edited();
    const older = Y.encodeStateAsUpdate(doc);
    arr.delete(0, 2);
    arr.push(['z']);
    expect(Y.snapshotContainsUpdate(Y.snapshot(doc), loadUpdate(older))).toBe(true);
  });

  it('without IndexedDB there is no copy and nothing breaks', async () => {
    const copy = new LocalCopy('pb-board-test', new Y.Doc());
    expect(copy.persistence).toBeNull();
    expect(copy.state.get()).toBe('unavailable');
    expect(await copy.confirmed).toBeNull();
    copy.writeConfirmed();
    copy.destroy();
  });
});
