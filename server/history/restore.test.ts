import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { DOC_RECORDS, noteName } from '../../shared/doc/docLayout';
import { addAction, readActions, removeAction, updateAction } from '../../shared/doc/actionPlanDoc';
import { readRubric, setRationale, setScore } from '../../shared/doc/rubricDoc';
import { readReview, setReviewAnswer } from '../../shared/doc/reviewDoc';
import { readNote } from '../../shared/doc/notes';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { noteEditor, writeNote } from '../../tests/helpers/notes';
import { addRubricAndActions, boardDoc, boardRow } from '../exports/testing';
import { cloneType, docContent, restoreDocContent, typeJson } from './restore';

const ORIGIN = 'server';

/** A filled Many tables board: the exercise fixture, rubric, actions, review answers and two notes. */
function filledBoard() {
  const { records, ids } = manyTablesFixture();
  const doc = boardDoc(manyTablesManyKnocks, boardRow(manyTablesManyKnocks), records);
  addRubricAndActions(doc, ids.knockVeterans, 'Veterans outreach');
  setReviewAnswer(doc, 'employer-journey', 'industry-scope.sectors-agreed', 'yes', 'Ada', new Date('2026-04-20T10:00:00Z'));
  writeNote(doc, 'employer-journey', () => {
    const bold = $createTextNode('one front door');
    bold.toggleFormat('bold');
    $getRoot().append(
      $createHeadingNode('h2').append($createTextNode('What employers say')),
      $createParagraphNode().append($createTextNode('They want '), bold, $createTextNode('.')),
      $createListNode('bullet').append($createListItemNode().append($createTextNode('fewer surveys'))),
      $createParagraphNode().append($createLinkNode('https://example.org/survey').append($createTextNode('survey'))),
    );
  });
  writeNote(doc, 'map-tables', () => $getRoot().append($createParagraphNode().append($createTextNode('Tables first'))));
  return { doc, ids };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A client-like replica of `doc` that exchanges updates both ways from now on. */
function replicaOf(doc: Y.Doc): { replica: Y.Doc; sync(): void } {
  const replica = copyOf(doc);
  return {
    replica,
    sync() {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc)));
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(replica)));
    },
  };
}

const noteTextOf = (doc: Y.Doc, step: string) => JSON.stringify(readNote(doc, step));

/** Everything the board's panels read, in their own terms. */
function readable(doc: Y.Doc) {
  return {
    records: Object.fromEntries([...readRecords(doc)].sort(([a], [b]) => (a < b ? -1 : 1))),
    rubric: readRubric(doc),
    actions: readActions(doc),
    review: [...readReview(doc)].map(([step, ticks]) => [step, [...ticks]]),
    notes: ['employer-journey', 'map-tables', 'map-knocks'].map((s) => noteTextOf(doc, s)),
  };
}

/** Changes every part of the board after the snapshot was taken. */
function changeEverything(doc: Y.Doc, ids: ReturnType<typeof manyTablesFixture>['ids']) {
  const kv = recordsOf(doc);
  doc.transact(() => {
    // A shape added since, one deleted, one with changed props, a zone moved (server writes may).
    const sticky = kv.get(ids.sticky as never) as unknown as Record<string, unknown>;
    kv.set('shape:new-since', { ...sticky, id: 'shape:new-since', y: 9999, props: { ...(sticky.props as object), richText: undefined } } as never);
    kv.delete(ids.knockVeterans);
    const table = kv.get(ids.tableAdvisory as never) as unknown as { props: Record<string, unknown> };
    kv.set(ids.tableAdvisory, { ...table, x: 12345, props: { ...table.props, name: 'Renamed' } } as never);
    const zone = kv.get('shape:zone-tables' as never) as unknown as Record<string, unknown>;
    kv.set('shape:zone-tables', { ...zone, x: -1 } as never);
  });
  kv.destroy?.();
  setScore(doc, '2026-04-20', 'industry-engagement', 9);
  setScore(doc, '2026-06-01', 'career-pathways', 2);
  setRationale(doc, '2026-04-20', 'industry-engagement', 'Rewritten');
  updateAction(doc, 'action:one', { owner: 'Someone else', status: 'done' });
  removeAction(doc, 'action:two');
  addAction(doc, { text: 'Added later', createdBy: 'Bo' }, new Date('2026-05-01T00:00:00Z'), 'action:three');
  setReviewAnswer(doc, 'employer-journey', 'industry-scope.sectors-agreed', 'no', 'Bo');
  setReviewAnswer(doc, 'map-knocks', 'launch.critical-mass', 'yes', 'Bo');
  writeNote(doc, 'employer-journey', () => {
    $getRoot().getFirstChild()?.remove();
    $getRoot().append($createParagraphNode().append($createTextNode('Written after the snapshot')));
  });
  writeNote(doc, 'map-knocks', () => $getRoot().append($createParagraphNode().append($createTextNode('A new note'))));
  writeNote(doc, 'map-tables', () => $getRoot().clear());
}

describe('restoreDocContent', () => {
  it('makes every part of a board equal to the snapshot: shapes, rubric, actions, review and notes', () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    const before = readable(snapshot);
    changeEverything(live, ids);
    const changed = readable(live);
    expect(changed).not.toEqual(before);
    expect(readRecords(live).has('shape:new-since')).toBe(true);

    const summary = restoreDocContent(live, snapshot, ORIGIN);

    const records = readRecords(live);
    expect(records.has('shape:new-since')).toBe(false); // added since: removed
    expect(records.get(ids.knockVeterans)).toEqual(readRecords(snapshot).get(ids.knockVeterans)); // deleted since: back
    expect(records.get(ids.tableAdvisory)).toMatchObject({ x: (readRecords(snapshot).get(ids.tableAdvisory) as { x?: number } | undefined)?.x, props: { name: 'Manufacturing Advisory Committee' } });
    expect(records.get('shape:zone-tables' as never)).toEqual(readRecords(snapshot).get('shape:zone-tables' as never));
    expect(readRubric(live)).toEqual(before.rubric);
    expect(readActions(live)).toEqual(before.actions);
    expect(readable(live).review).toEqual(before.review);
    expect(noteTextOf(live, 'employer-journey')).toBe(before.notes[0]);
    expect(noteTextOf(live, 'map-tables')).toBe(before.notes[1]);
    expect(readNote(live, 'map-knocks')).toEqual([]);
    expect(readable(live)).toEqual(before);
    expect(docContent(live)).toEqual(docContent(snapshot));
    expect(summary).toMatchObject({ recordsSet: 3, recordsDeleted: 1, notesReplaced: 3, skipped: [] });
    expect(summary.mapChanges).toBeGreaterThan(0);
  });

  it('writes one update with the given origin, and nothing at all when the content is already equal', () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    changeEverything(live, ids);
    const origins: unknown[] = [];
    live.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    restoreDocContent(live, snapshot, ORIGIN);
    expect(origins).toEqual([ORIGIN]);
    const again = restoreDocContent(live, snapshot, ORIGIN);
    expect(origins).toEqual([ORIGIN]);
    expect(again).toEqual({ recordsSet: 0, recordsDeleted: 0, mapChanges: 0, notesReplaced: 0, skipped: [] });
  });

  it('never rewrites history: a replica that has the state before converges from the update alone', () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    changeEverything(live, ids);
    const { replica } = replicaOf(live);
    const replicaBefore = copyOf(live);
    const changedState = docContent(replica);
    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    restoreDocContent(live, snapshot, ORIGIN);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(replica, updates[0]);
    expect(docContent(replica)).toEqual(docContent(snapshot));
    // Undoing: the state before (what the pre-restore snapshot keeps) restores back exactly.
    const preRestore = new Y.Doc();
    Y.applyUpdate(preRestore, Y.encodeStateAsUpdate(replicaBefore));
    restoreDocContent(live, preRestore, ORIGIN);
    expect(docContent(live)).toEqual(changedState);
  });

  it('converges with a client that edits during the restore', () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    changeEverything(live, ids);
    const { replica, sync } = replicaOf(live);
    // The client moves a shape the snapshot has, adds its own, and types in a note, concurrently.
    const kv = recordsOf(replica);
    const moved = { ...(kv.get(ids.tableCouncil as never) as object), x: 777 };
    replica.transact(() => {
      kv.set(ids.tableCouncil, moved as never);
      kv.set('shape:concurrent', { ...(moved as object), id: 'shape:concurrent' } as never);
    });
    updateAction(replica, 'action:one', { text: 'Typed meanwhile' });
    restoreDocContent(live, snapshot, ORIGIN);
    sync();
    // Both converge, and the client's concurrent edits survive on top of the restored board.
    expect(docContent(live)).toEqual(docContent(replica));
    expect(readRecords(live).get(ids.tableCouncil as never)).toMatchObject({ x: 777 });
    expect(readRecords(live).has('shape:concurrent')).toBe(true);
    expect(readRecords(live).has('shape:new-since')).toBe(false);
    expect(readActions(live).find((a) => a.id === 'action:one')).toMatchObject({ text: 'Typed meanwhile', owner: 'Maria', status: 'in-progress' });
    // The client's own YKeyValue view agrees with the document.
    expect(new Map([...kv.map].map(([k, v]) => [k, v.val]))).toEqual(readRecords(replica));
    kv.destroy?.();
  });

  it('keeps a YKeyValue observing the target (the relay LockGuard, a client binding) in step, duplicates included', () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    changeEverything(live, ids);
    // A duplicate entry (as concurrent writes leave until a YKeyValue cleans it up).
    const array = live.getArray<{ key: string; val: unknown }>(DOC_RECORDS);
    const table = readRecords(live).get(ids.tableCouncil as never);
    array.insert(0, [{ key: ids.tableCouncil, val: { ...(table as object), x: -5 } }]);
    const kv = recordsOf(live);
    const seen = new Map<string, string>();
    kv.on('change', (changes: Map<string, { action: string }>) => {
      for (const [k, c] of changes) seen.set(k, c.action);
    });
    restoreDocContent(live, snapshot, ORIGIN);
    expect(new Map([...kv.map].map(([k, v]) => [k, v.val]))).toEqual(readRecords(snapshot));
    expect(array.length).toBe(readRecords(snapshot).size);
    expect(seen.get('shape:new-since')).toBe('delete');
    expect(seen.get(ids.knockVeterans)).toBe('add');
    expect(seen.get(ids.tableAdvisory)).toBe('update');
    kv.destroy?.();
  });

  it('keeps records the caller asks to keep (tldraw user records)', () => {
    const { doc: live } = filledBoard();
    const snapshot = copyOf(live);
    const kv = recordsOf(live);
    kv.set('user:ada', { id: 'user:ada', typeName: 'user', name: 'Ada' } as never);
    kv.destroy?.();
    restoreDocContent(live, snapshot, ORIGIN, { keepRecord: (_id, v) => (v as { typeName?: string }).typeName === 'user' });
    expect(readRecords(live).get('user:ada' as never)).toMatchObject({ name: 'Ada' });
    restoreDocContent(live, snapshot, ORIGIN);
    expect(readRecords(live).has('user:ada' as never)).toBe(false);
  });

  it('restores a note so that a Lexical editor bound to it (as in the Notes tab) shows the snapshot', async () => {
    const { doc: live, ids } = filledBoard();
    const snapshot = copyOf(live);
    changeEverything(live, ids);
    const { editor, handle } = noteEditor(live, 'employer-journey');
    const text = () => editor.getEditorState().read(() => $getRoot().getTextContent());
    expect(text()).toContain('Written after the snapshot');
    restoreDocContent(live, snapshot, ORIGIN);
    // Lexical commits updates from Yjs events on a microtask.
    await new Promise((r) => setTimeout(r, 0));
    expect(text()).not.toContain('Written after the snapshot');
    expect(text()).toContain('What employers say');
    expect(text()).toContain('one front door');
    // Typing on after the restore works and lands in the restored note.
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('After restore'))), { discrete: true });
    expect(noteTextOf(live, 'employer-journey')).toContain('After restore');
    handle.dispose();
  });

  it('copies shared types deeply, attributes and embeds included', () => {
    const doc = new Y.Doc();
    const note = doc.get(noteName("x"), Y.XmlText) as Y.XmlText;
    const para = new Y.XmlText();
    note.insertEmbed(0, para);
    para.setAttribute('__type', 'paragraph');
    const props = new Y.Map<unknown>();
    para.insertEmbed(0, props);
    props.set('__format', 1);
    para.insert(1, 'Hello', { bold: true });
    const copyDoc = new Y.Doc();
    copyDoc.getMap('holder').set('note', cloneType(note));
    expect(typeJson(copyDoc.getMap('holder').get('note'))).toEqual(typeJson(note));
  });
});
