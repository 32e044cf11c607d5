import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol';
import { SaveTracker, snapshotHolds } from './saveTracking';

/**
 * The save tracker on its own, with the local copy (IndexedDB) in the picture: what a board
 * reopened from this browser's copy says before and after the server acknowledges it.
 */

const LOCAL_COPY = Symbol('local copy');
const SERVER = Symbol('server');
const STEP2 = new Uint8Array([MessageType.Sync, 1, 0]);
const UPDATE = new Uint8Array([MessageType.Sync, 2, 0]);

/** A doc whose transactions reach the tracker by origin, as BoardConnection routes them. */
function trackedDoc(socketOpen = true) {
  const doc = new Y.Doc();
  let open = socketOpen;
  let allSaved = 0;
  const tracker = new SaveTracker(
    doc,
    () => open,
    () => allSaved++,
  );
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === SERVER) tracker.serverContent(tr);
    else if (tr.origin === LOCAL_COPY) tracker.localCopyLoaded(tr);
    else tracker.localEdit(tr);
  });
  return {
    doc,
    tracker,
    allSavedCalls: () => allSaved,
    setOpen(v: boolean) {
      open = v;
    },
  };
}

/** Content an earlier visit kept in this browser: someone's edits as one update. */
function earlierVisit(write: (doc: Y.Doc) => void): Uint8Array {
  const before = new Y.Doc();
  write(before);
  return Y.encodeStateAsUpdate(before);
}

describe('saving with a local copy', () => {
  it('counts content loaded from the local copy as unsaved from an earlier visit until the frame carrying it is acknowledged', () => {
    const { doc, tracker } = trackedDoc();
    const generation = tracker.socketCreated();
    tracker.frameSent(generation, STEP2);
    Y.applyUpdate(doc, earlierVisit((d) => d.getMap('m').set('offline', 'written on the train')), LOCAL_COPY);
    expect(tracker.save.get()).toEqual({ unsaved: true, pending: 0, earlier: true });

    // y-websocket sends the loaded content in the next update frame (frame 2 on this socket).
    tracker.frameSent(generation, UPDATE);
    tracker.ack(new Map(), 1);
    expect(tracker.save.get().earlier).toBe(true);
    tracker.ack(Y.decodeStateVector(Y.encodeStateVector(doc)), 2);
    expect(tracker.save.get()).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('treats a local copy the confirmed snapshot contains as saved, without waiting for the server', () => {
    const kept = earlierVisit((d) => d.getMap('m').set('a', 'saved before closing'));
    const confirmedDoc = new Y.Doc({ gc: false });
    Y.applyUpdate(confirmedDoc, kept);
    const confirmed = Y.snapshot(confirmedDoc);

    const { doc, tracker } = trackedDoc(false);
    Y.applyUpdate(doc, kept, LOCAL_COPY);
    expect(tracker.save.get().unsaved).toBe(true);
    tracker.confirm(confirmed);
    expect(tracker.save.get()).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('treats a local copy whose deletions the confirmed snapshot also holds as saved', () => {
    const kept = earlierVisit((d) => {
      const m = d.getMap<string>('m');
      for (let i = 0; i < 20; i++) m.set(`k${i}`, 'x'.repeat(i));
      for (let i = 5; i < 15; i++) m.delete(`k${i}`);
    });
    const confirmedDoc = new Y.Doc({ gc: false });
    Y.applyUpdate(confirmedDoc, kept);
    const confirmed = Y.snapshot(confirmedDoc);

    const { doc, tracker } = trackedDoc(false);
    Y.applyUpdate(doc, kept, LOCAL_COPY);
    expect(tracker.save.get()).toEqual({ unsaved: true, pending: 0, earlier: true });
    tracker.confirm(confirmed);
    expect(tracker.save.get()).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('keeps edits made offline after the confirmed snapshot unsaved, and sends them with the next socket’s first sync step 2', () => {
    const kept = earlierVisit((d) => d.getMap('m').set('a', 'saved'));
    const confirmedDoc = new Y.Doc({ gc: false });
    Y.applyUpdate(confirmedDoc, kept);
    const confirmed = Y.snapshot(confirmedDoc);
    const later = earlierVisit((d) => {
      Y.applyUpdate(d, kept);
      d.getMap('m').delete('a');
    });

    const { doc, tracker, setOpen } = trackedDoc(false);
    Y.applyUpdate(doc, later, LOCAL_COPY);
    tracker.confirm(confirmed);
    // The deletion happened after the snapshot: the snapshot does not contain it.
    expect(tracker.save.get()).toEqual({ unsaved: true, pending: 0, earlier: true });

    setOpen(true);
    const generation = tracker.socketCreated();
    tracker.frameSent(generation, STEP2);
    tracker.ack(Y.decodeStateVector(Y.encodeStateVector(doc)), 1);
    expect(tracker.save.get()).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('tells the connection each time nothing is left unsaved, so the local copy can say so for the next visit', () => {
    const { doc, tracker, allSavedCalls } = trackedDoc();
    tracker.socketCreated();
    doc.getMap('m').set('mine', 'x');
    const before = allSavedCalls();
    tracker.ack(Y.decodeStateVector(Y.encodeStateVector(doc)), 0);
    expect(allSavedCalls()).toBeGreaterThan(before);
    expect(tracker.save.get().unsaved).toBe(false);
  });

  it('counts content relayed by the server as known to it', () => {
    const { doc, tracker } = trackedDoc();
    Y.applyUpdate(doc, earlierVisit((d) => d.getMap('m').set('theirs', 'y')), SERVER);
    expect(tracker.save.get().unsaved).toBe(false);
  });
});

describe('a snapshot holding what a load added', () => {
  const deleteSet = (ranges: [number, number][]) => {
    const ds = (Y.snapshot(new Y.Doc()) as unknown as { ds: { clients: Map<number, { clock: number; len: number }[]> } }).ds;
    ds.clients.set(7, ranges.map(([clock, len]) => ({ clock, len })));
    return ds as unknown as Y.Transaction['deleteSet'];
  };
  const snapshotWith = (sv: [number, number][], ranges: [number, number][]) => ({ sv: new Map(sv), ds: deleteSet(ranges) }) as unknown as Y.Snapshot;

  it('holds content up to each reached clock and deletions inside its ranges, and nothing past them', () => {
    const snap = snapshotWith([[7, 30]], [[0, 5], [10, 10]]);
    expect(snapshotHolds(snap, new Map([[7, 30]]), deleteSet([[1, 3], [12, 8]]))).toBe(true);
    expect(snapshotHolds(snap, new Map([[7, 31]]), deleteSet([]))).toBe(false);
    expect(snapshotHolds(snap, new Map([[8, 1]]), deleteSet([]))).toBe(false);
    expect(snapshotHolds(snap, new Map(), deleteSet([[3, 5]]))).toBe(false);
    expect(snapshotHolds(snap, new Map(), deleteSet([[19, 2]]))).toBe(false);
    expect(snapshotHolds(snap, new Map(), deleteSet([[6, 1]]))).toBe(false);
  });
});
