import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActionRow } from '../actionPlan';
import { actionsMap, addAction, readActions, removeAction, updateAction } from './actionPlanDoc';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const T1 = new Date('2026-03-02T09:05:00.000Z');
const T2 = new Date('2026-03-02T09:10:00.000Z');

/** A doc with one action promoted from a sticky; returns the doc and the action's id. */
function docWithAction(): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc();
  const id = addAction(
    doc,
    { text: 'Recruit two business champions', owner: 'Maria', sourceItemId: 'shape:abc', sourceTitle: 'Champions', createdBy: 'Ada' },
    T0,
    'action:one',
  );
  return { doc, id };
}

/** The whole document as bytes, to show that a refused write changed nothing. */
function snapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/** Counts the updates a doc emits while `fn` runs. */
function updatesDuring(doc: Y.Doc, fn: () => void): number {
  let n = 0;
  const count = () => n++;
  doc.on('update', count);
  try {
    fn();
  } finally {
    doc.off('update', count);
  }
  return n;
}

/**
 * Two docs holding the same state, like two browsers on one board. Their client ids decide which
 * of two concurrent writes to one field wins (the higher), so tests can try both orders.
 */
function twoPeers(source: Y.Doc, ids: [number, number] = [1001, 1002]): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = ids[0];
  b.clientID = ids[1];
  Y.applyUpdate(a, Y.encodeStateAsUpdate(source));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(source));
  return [a, b];
}

/** Exchanges what each doc has that the other lacks. */
function sync(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe('addAction', () => {
  it('stores every field and reads it back as a plain row', () => {
    const { doc, id } = docWithAction();
    expect(id).toBe('action:one');
    expect(readActions(doc)).toEqual<ActionRow[]>([
      {
        id: 'action:one',
        text: 'Recruit two business champions',
        owner: 'Maria',
        due: '',
        status: 'not-started',
        priorityArea: '',
        sourceItemId: 'shape:abc',
        sourceTitle: 'Champions',
        createdAt: T0.toISOString(),
        createdBy: 'Ada',
        updatedAt: T0.toISOString(),
      },
    ]);
  });

  it('gives each new action its own id', () => {
    const doc = new Y.Doc();
    const a = addAction(doc, { text: 'Build the invitation list', createdBy: 'Ada' });
    const b = addAction(doc, { text: 'Send the invitations', createdBy: 'Ada' });
    expect(a).toMatch(/^action:[0-9a-f]{18}$/);
    expect(b).not.toBe(a);
    expect(readActions(doc).map((r) => r.id).sort()).toEqual([a, b].sort());
  });

  it('keeps each action in its own map under "actions"', () => {
    const { doc, id } = docWithAction();
    const entry = doc.getMap('actions').get(id);
    expect(entry).toBeInstanceOf(Y.Map);
    expect((entry as Y.Map<unknown>).get('owner')).toBe('Maria');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a status that is not one of the four', { status: 'finished' }, /status must be one of not-started, in-progress, done, blocked/],
    ['text that is not a string', { text: 42 }, /text must be text/],
    ['text over 2000 characters', { text: 'x'.repeat(2001) }, /text must be at most 2000 characters/],
    ['an owner that is not a string', { owner: 7 }, /owner must be text/],
    ['no author', { createdBy: undefined }, /createdBy must be text/],
  ])('refuses %s and leaves the document unchanged', (_what, change, message) => {
    const { doc } = docWithAction();
    const before = snapshot(doc);
    const input = { text: 'Set the next quarterly meeting', createdBy: 'Bo', ...change } as Parameters<typeof addAction>[1];
    const emitted = updatesDuring(doc, () => expect(() => addAction(doc, input, T1)).toThrow(message));
    expect(emitted).toBe(0);
    expect(snapshot(doc)).toEqual(before);
    expect(readActions(doc)).toHaveLength(1);
  });

  it('accepts text of exactly 2000 characters', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'x'.repeat(2000), createdBy: 'Ada' });
    expect(readActions(doc)[0].text).toHaveLength(2000);
  });
});

describe('updateAction', () => {
  it('changes only the given fields and stamps updatedAt', () => {
    const { doc, id } = docWithAction();
    updateAction(doc, id, { status: 'in-progress', due: 'within 60 days' }, T1);
    const [row] = readActions(doc);
    expect(row).toMatchObject({
      text: 'Recruit two business champions',
      owner: 'Maria',
      status: 'in-progress',
      due: 'within 60 days',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('can clear a field to the empty string', () => {
    const { doc, id } = docWithAction();
    updateAction(doc, id, { owner: '' }, T1);
    expect(readActions(doc)[0].owner).toBe('');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown status', { status: 'finished' }, /status must be one of/],
    ['a field that is not editable (the source)', { sourceItemId: 'shape:other' }, /sourceItemId cannot be changed/],
    ['a field that is not editable (the author)', { createdBy: 'Mallory' }, /createdBy cannot be changed/],
    ['a field the row does not have', { colour: 'red' }, /colour cannot be changed/],
    ['a value that is not text', { owner: 7 }, /owner must be text/],
    ['an undefined value', { due: undefined }, /due must be text/],
    ['text over 2000 characters', { priorityArea: 'p'.repeat(2001) }, /priorityArea must be at most 2000 characters/],
  ])('refuses %s and leaves the document unchanged', (_what, change, message) => {
    const { doc, id } = docWithAction();
    const before = snapshot(doc);
    const emitted = updatesDuring(doc, () => expect(() => updateAction(doc, id, change as never, T1)).toThrow(message));
    expect(emitted).toBe(0);
    expect(snapshot(doc)).toEqual(before);
  });

  it('applies none of the changes when one of them is bad', () => {
    const { doc, id } = docWithAction();
    const before = snapshot(doc);
    expect(() => updateAction(doc, id, { owner: 'Kim', status: 'finished' as never }, T1)).toThrow(TypeError);
    expect(readActions(doc)[0]).toMatchObject({ owner: 'Maria', status: 'not-started', updatedAt: T0.toISOString() });
    expect(snapshot(doc)).toEqual(before);
  });

  it('refuses an unknown id without touching the document', () => {
    const { doc } = docWithAction();
    const before = snapshot(doc);
    expect(() => updateAction(doc, 'action:nope', { owner: 'Kim' }, T1)).toThrow(/no action action:nope/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('refuses an id whose entry is not an action map', () => {
    const { doc } = docWithAction();
    actionsMap(doc).set('action:broken', 'not a map' as never);
    expect(() => updateAction(doc, 'action:broken', { owner: 'Kim' }, T1)).toThrow(/no action action:broken/);
  });
});

describe('removeAction', () => {
  it('removes the action', () => {
    const { doc, id } = docWithAction();
    addAction(doc, { text: 'Send the invitations', createdBy: 'Ada' }, T1, 'action:two');
    removeAction(doc, id);
    expect(readActions(doc).map((r) => r.id)).toEqual(['action:two']);
  });

  it('does nothing for an unknown id (someone else removed it first)', () => {
    const { doc } = docWithAction();
    const before = snapshot(doc);
    const emitted = updatesDuring(doc, () => removeAction(doc, 'action:nope'));
    expect(emitted).toBe(0);
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('readActions', () => {
  it('lists actions oldest first, whatever order they were stored in', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'third', createdBy: 'Ada' }, T2, 'action:a');
    addAction(doc, { text: 'first', createdBy: 'Ada' }, T0, 'action:b');
    addAction(doc, { text: 'second', createdBy: 'Ada' }, T1, 'action:c');
    expect(readActions(doc).map((r) => r.text)).toEqual(['first', 'second', 'third']);
  });

  it('orders actions created at the same moment by id', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'z', createdBy: 'Ada' }, T0, 'action:2');
    addAction(doc, { text: 'y', createdBy: 'Ada' }, T0, 'action:1');
    addAction(doc, { text: 'x', createdBy: 'Ada' }, T0, 'action:3');
    expect(readActions(doc).map((r) => r.id)).toEqual(['action:1', 'action:2', 'action:3']);
  });

  it('keeps the order after an edit (updatedAt does not move a row)', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'first', createdBy: 'Ada' }, T0, 'action:a');
    addAction(doc, { text: 'second', createdBy: 'Ada' }, T1, 'action:b');
    updateAction(doc, 'action:a', { status: 'done' }, T2);
    expect(readActions(doc).map((r) => r.text)).toEqual(['first', 'second']);
  });

  it('reads damaged entries safely: non-maps are skipped, odd values read as empty', () => {
    const doc = new Y.Doc();
    const map = actionsMap(doc);
    doc.transact(() => {
      map.set('action:junk', 42 as never);
      const m = new Y.Map<unknown>();
      m.set('text', 'Odd one');
      m.set('status', 'finished');
      m.set('owner', 12);
      map.set('action:odd', m);
    });
    expect(readActions(doc)).toEqual([
      expect.objectContaining({ id: 'action:odd', text: 'Odd one', status: 'not-started', owner: '', due: '', createdAt: '' }),
    ]);
  });

  it('is empty for a board without an action plan', () => {
    expect(readActions(new Y.Doc())).toEqual([]);
  });
});

describe('two people editing one action at the same time', () => {
  it('keeps both edits when they change different fields', () => {
    const { doc, id } = docWithAction();
    const [a, b] = twoPeers(doc);
    updateAction(a, id, { owner: 'Kim' }, T1);
    updateAction(b, id, { status: 'blocked', due: '2026-04-30' }, T2);
    sync(a, b);
    for (const peer of [a, b]) {
      expect(readActions(peer)[0]).toMatchObject({ owner: 'Kim', status: 'blocked', due: '2026-04-30', text: 'Recruit two business champions' });
    }
    expect(readActions(a)).toEqual(readActions(b));
  });

  it.each<[number, number]>([
    [1001, 1002],
    [1002, 1001],
  ])('does not overwrite a concurrent change with an unchanged value (client ids %i, %i)', (idA, idB) => {
    const { doc, id } = docWithAction();
    const [a, b] = twoPeers(doc, [idA, idB]);
    // A resubmits the owner it already had, along with a status change; B renames the owner.
    updateAction(a, id, { owner: 'Maria', status: 'done' }, T1);
    updateAction(b, id, { owner: 'Kim' }, T2);
    sync(a, b);
    expect(readActions(a)[0]).toMatchObject({ owner: 'Kim', status: 'done' });
    expect(readActions(b)[0]).toMatchObject({ owner: 'Kim', status: 'done' });
  });

  it('agrees on one value when both change the same field', () => {
    const { doc, id } = docWithAction();
    const [a, b] = twoPeers(doc);
    updateAction(a, id, { owner: 'Kim' }, T1);
    updateAction(b, id, { owner: 'Lee' }, T2);
    sync(a, b);
    expect(['Kim', 'Lee']).toContain(readActions(a)[0].owner);
    expect(readActions(a)[0].owner).toBe(readActions(b)[0].owner);
  });

  it('keeps actions added by both', () => {
    const [a, b] = twoPeers(new Y.Doc());
    addAction(a, { text: 'Host the launch', createdBy: 'Ada' }, T0, 'action:a');
    addAction(b, { text: 'Follow up by phone', createdBy: 'Bo' }, T1, 'action:b');
    sync(a, b);
    expect(readActions(a).map((r) => r.text)).toEqual(['Host the launch', 'Follow up by phone']);
    expect(readActions(b)).toEqual(readActions(a));
  });

  it('removes the action for both when one removes it while the other edits it', () => {
    const { doc, id } = docWithAction();
    const [a, b] = twoPeers(doc);
    removeAction(a, id);
    updateAction(b, id, { owner: 'Kim' }, T1);
    sync(a, b);
    expect(readActions(a)).toEqual([]);
    expect(readActions(b)).toEqual([]);
  });
});
