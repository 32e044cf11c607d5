import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, readActions, removeAction, updateAction } from '../../../shared/doc/actionPlanDoc';
import { ActionPlanState } from './ActionPlanState';

const states: ActionPlanState[] = [];
afterEach(() => {
  for (const s of states.splice(0)) s.dispose();
});

function newPlan(doc = new Y.Doc(), name = 'Ada') {
  let shown = 0;
  const plan = new ActionPlanState(doc, { authorName: () => name, onShow: () => shown++ });
  states.push(plan);
  return { doc, plan, shown: () => shown };
}

/** Two docs that forward every update to each other, like two browsers on one board. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return [a, b];
}

describe('the action plan of one tab', () => {
  it('follows the document: rows written by someone else appear, change and go', () => {
    const [docA, docB] = linkedDocs();
    const { plan } = newPlan(docA);
    const id = addAction(docB, { text: 'Host the launch', createdBy: 'Bo' });
    expect(plan.rows.get().map((r) => r.text)).toEqual(['Host the launch']);
    updateAction(docB, id, { status: 'in-progress' });
    expect(plan.rows.get()[0].status).toBe('in-progress');
    removeAction(docB, id);
    expect(plan.rows.get()).toEqual([]);
  });

  it('adds an action in the author\'s name, then opens the plan on it', () => {
    const { doc, plan, shown } = newPlan(undefined, 'Ada');
    const id = plan.add({ text: 'Send the invitations', owner: 'Kim' }, 'owner');
    expect(id).not.toBeNull();
    expect(readActions(doc)[0]).toMatchObject({ id, text: 'Send the invitations', owner: 'Kim', createdBy: 'Ada' });
    expect(shown()).toBe(1);
    expect(plan.reveal.get()).toMatchObject({ id, focus: 'owner' });
  });

  it('refuses a bad write with a message and leaves the document as it was', () => {
    const { doc, plan } = newPlan();
    const id = plan.add({ text: 'Send the invitations' })!;
    const before = Y.encodeStateAsUpdate(doc);
    expect(plan.update(id, { status: 'finished' as never })).toBe(false);
    expect(plan.error.get()).toMatch(/^Not saved: status must be one of/);
    expect(plan.add({ text: 'x'.repeat(2001) })).toBeNull();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(plan.update(id, { status: 'done' })).toBe(true);
    expect(plan.error.get()).toBeNull();
  });

  it('says so when the action was removed by someone else while being edited', () => {
    const [docA, docB] = linkedDocs();
    const { plan } = newPlan(docA);
    const id = plan.add({ text: 'Build the list' })!;
    removeAction(docB, id);
    expect(plan.update(id, { owner: 'Kim' })).toBe(false);
    expect(plan.error.get()).toBe('This action was removed by someone else.');
  });

  it('undoes a removal with every field as it was, for everyone', () => {
    const [docA, docB] = linkedDocs();
    const { plan } = newPlan(docA);
    const id = plan.add({ text: 'Recruit champions', owner: 'Kim', due: '2026-04-01', sourceItemId: 'shape:x', sourceTitle: 'Champions' })!;
    plan.update(id, { status: 'blocked', priorityArea: 'Launch' });
    const [before] = readActions(docA);
    plan.remove(id);
    expect(readActions(docB)).toEqual([]);
    expect(plan.removed.get()).toEqual({ id, text: 'Recruit champions' });
    expect(plan.undoRemove()).toBe(id);
    expect(readActions(docA)).toEqual([before]);
    expect(readActions(docB)).toEqual([before]);
    expect(plan.removed.get()).toBeNull();
  });

  it('undo takes back only the removal, not edits made since', () => {
    const { doc, plan } = newPlan();
    const keep = plan.add({ text: 'Keep me' })!;
    const gone = plan.add({ text: 'Remove me' })!;
    plan.remove(gone);
    plan.update(keep, { owner: 'Lee' });
    plan.undoRemove();
    // Both were added in the same millisecond: their order is the ids', so compare as a set.
    expect(readActions(doc).map((r) => [r.text, r.owner]).sort()).toEqual([
      ['Keep me', 'Lee'],
      ['Remove me', ''],
    ]);
    expect(plan.undoRemove()).toBeNull();
  });

  it('clears filters that would hide a row it is asked to show', () => {
    const { plan } = newPlan();
    const id = plan.add({ text: 'Quick win', status: 'not-started' })!;
    plan.filter.set({ status: 'done', owner: { kind: 'all' } });
    expect(plan.visible.get()).toEqual([]);
    plan.show(id);
    expect(plan.filter.get()).toEqual({ status: 'all', owner: { kind: 'all' } });
    expect(plan.visible.get().map((r) => r.id)).toEqual([id]);
  });

  it('finds the action promoted from an item', () => {
    const { plan } = newPlan();
    const id = plan.add({ text: 'From a sticky', sourceItemId: 'shape:s1', sourceTitle: 'From a sticky' });
    expect(plan.actionFor('shape:s1')?.id).toBe(id);
    expect(plan.actionFor('shape:other')).toBeUndefined();
  });

  it('stops following the document once disposed', () => {
    const { doc, plan } = newPlan();
    plan.dispose();
    addAction(doc, { text: 'Later', createdBy: 'Bo' });
    expect(plan.rows.get()).toEqual([]);
  });
});
