import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { recordsOf, seedBoardDoc } from '../../shared/doc/boardDoc';
import { addAction, updateAction } from '../../shared/doc/actionPlanDoc';
import { putEvidence, setRationale, setScore } from '../../shared/doc/rubricDoc';
import { reviewKey, reviewMap, setReviewAnswer, setReviewText } from '../../shared/doc/reviewDoc';
import { noteName } from '../../shared/doc/docLayout';
import { boardSchema, EXERCISES } from '../../exercises/registry';
import { templateRecords } from '../../exercises/kit/seed';
import { fixtureFor } from '../../exercises/kit/testing';
import { writeNote } from '../../tests/helpers/notes';
import { geoShape } from '../../tests/helpers/boardContent';
import { boardWriteProblem } from './documentLayout';
import { describeUpdate, UpdateRefused } from './updateStructure';

/** A server doc seeded like a new board, and a client doc synced to it. */
function boardPair(exerciseIndex = 1) {
  const exercise = EXERCISES[exerciseIndex];
  const server = new Y.Doc();
  seedBoardDoc(server, { id: 'b1', title: 'T', region: 'R', sector: 'S', createdAt: '2026-01-01T00:00:00Z' }, exercise.template, boardSchema(), templateRecords(exercise.template));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { exercise, server, client };
}

/** Runs `write` on the client and returns the problem the relay finds with each update it made (then applies them). */
function problemsOf(server: Y.Doc, client: Y.Doc, write: () => void): (string | null)[] {
  const problems: (string | null)[] = [];
  const onUpdate = (update: Uint8Array) => {
    let problem: string | null;
    try {
      problem = boardWriteProblem(server, describeUpdate(server, update));
    } catch (error) {
      problem = error instanceof UpdateRefused ? error.message : String(error);
    }
    problems.push(problem);
    if (problem === null) Y.applyUpdate(server, update);
  };
  client.on('update', onUpdate);
  try {
    write();
  } finally {
    client.off('update', onUpdate);
  }
  return problems;
}

describe('the board document layout', () => {
  it('accepts everything the app writes: records of every item type, rubric, actions, review answers and notes', () => {
    for (let i = 0; i < EXERCISES.length; i++) {
      const { exercise, server, client } = boardPair(i);
      const builder = fixtureFor(exercise);
      const ids = exercise.itemTypes.map((def, n) => builder.item(def.type, {}, { x: 10 + 300 * n, y: 10 }));
      const kinds = exercise.connectorKinds.map((k) => k.kind);
      if (ids.length >= 2) builder.connect(kinds[0] ?? null, ids[0], ids[1]);
      const records = builder.build();
      const kv = recordsOf(client);
      const problems = problemsOf(server, client, () => {
        client.transact(() => {
          for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
        });
        kv.set('shape:free', geoShape('shape:free', { text: 'free' }) as never);
        kv.delete('shape:free');
        setScore(client, '2026-05-04', 'industry-engagement', 7);
        setRationale(client, '2026-05-04', 'industry-engagement', 'Two employers on the team');
        putEvidence(client, '2026-05-04', 'industry-engagement', { id: 'e1', text: 'A fact', origin: 'team', status: 'accepted', itemIds: [] });
        const action = addAction(client, { text: 'Call the chamber', createdBy: 'Ada' });
        updateAction(client, action, { status: 'in-progress', owner: 'Ben' });
        const step = exercise.template.steps[0]?.id ?? null;
        setReviewAnswer(client, step, 'support-team.roles', 'not-yet', 'Ada');
        setReviewAnswer(client, step, 'support-team.roles', null, 'Ada');
        setReviewText(client, step, 'support-team.roles', 'We still need a convener', 'Ada');
        // An earlier app's tick.
        reviewMap(client).set(reviewKey(step, 'support-team.ties'), { checked: true, by: 'Ben', at: '2026-05-04T10:00:00.000Z' });
        writeNote(client, exercise.template.steps[0]?.id ?? null, () => {
          $getRoot().append($createHeadingNode('h2').append($createTextNode('Heard')));
          const bold = $createTextNode('one');
          bold.toggleFormat('bold');
          $getRoot().append($createParagraphNode().append($createTextNode('Employers want '), bold));
          $getRoot().append($createListNode('bullet').append($createListItemNode().append($createTextNode('Call first'))));
        });
      });
      expect(problems.filter((p) => p !== null), exercise.template.id).toEqual([]);
    }
  });

  it("accepts a map as a note element's attribute (Lexical keeps a node's state in one)", () => {
    const { server, client } = boardPair();
    const problems = problemsOf(server, client, () => {
      const root = client.get(noteName('employer-journey'), Y.XmlText) as Y.XmlText;
      const paragraph = new Y.XmlText();
      root.insertEmbed(0, paragraph);
      const state = new Y.Map();
      paragraph.setAttribute('__state', state as never);
      state.set('indent', 1);
    });
    expect(problems.every((p) => p === null)).toBe(true);
  });

  it('accepts a schema upgrade: the board schema written with records migrated to it', () => {
    const { server, client } = boardPair();
    const problems = problemsOf(server, client, () => {
      client.transact(() => {
        client.getMap('schema').set('tldraw', boardSchema().serialize());
        recordsOf(client).set('shape:new', geoShape('shape:new') as never);
      });
    });
    expect(problems).toEqual([null]);
  });

  it('refuses the whole update when one record in it is not one', () => {
    const { server, client } = boardPair();
    const kv = recordsOf(client);
    const problems = problemsOf(server, client, () => {
      client.transact(() => {
        kv.set('shape:good', geoShape('shape:good') as never);
        kv.set('shape:bad', { ...geoShape('shape:bad'), x: 'left' } as never);
      });
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^not a record of this board: shape:bad/);
  });
});

describe('where an update lands', () => {
  it('follows a neighbour in the document: an entry inserted next to a record lands in records', () => {
    const { server, client } = boardPair();
    const records = client.getArray('records');
    const before = Y.encodeStateVector(client);
    records.insert(1, [{ key: 'shape:x', val: geoShape('shape:x') }]);
    const { insertions } = describeUpdate(server, Y.encodeStateAsUpdate(client, before));
    expect(insertions.map((i) => i.place)).toEqual([{ root: 'records', path: [], sub: null }]);
  });

  it('places nested content under its parent type, in the update or in the document', () => {
    const { server, client } = boardPair();
    const before = Y.encodeStateVector(client);
    const id = addAction(client, { text: 'One', createdBy: 'Ada' });
    const first = Y.encodeStateAsUpdate(client, before);
    expect(describeUpdate(server, first).insertions.map((i) => i.place.path.map((p) => p.kind).join('/'))).toContain('map');
    Y.applyUpdate(server, first);
    const sv = Y.encodeStateVector(client);
    updateAction(client, id, { owner: 'Ben' });
    const places = describeUpdate(server, Y.encodeStateAsUpdate(client, sv)).insertions.map((i) => i.place);
    expect(places).toContainEqual({ root: 'actions', path: [{ sub: id, kind: 'map' }], sub: 'owner' });
  });

  it('places the rest of an item the document partly has where the known part is, whatever the update claims', () => {
    const { server } = boardPair();
    // Client 7's first item (clock 0) is a record entry the server has.
    const honest = new Y.Doc();
    honest.clientID = 7;
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(honest);
    honest.getArray('records').push([{ key: 'shape:x', val: geoShape('shape:x') }]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(honest, sv));
    // A forged update claims clocks 0-1 of client 7 are text in a note: Yjs would integrate
    // clock 1 right after clock 0, in the records.
    const forged = new Y.Doc();
    forged.clientID = 7;
    (forged.get(noteName('employer-journey'), Y.XmlText) as Y.XmlText).insert(0, 'xy');
    const structure = describeUpdate(server, Y.encodeStateAsUpdate(forged));
    expect(structure.insertions.map((i) => i.place)).toEqual([{ root: 'records', path: [], sub: null }]);
    expect(boardWriteProblem(server, structure)).toMatch(/^records holds/);
  });

  it('refuses an update that continues nothing the server has', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('review').set('a', 1);
    const sv = Y.encodeStateVector(client);
    client.getMap('review').set('b', 2);
    expect(() => describeUpdate(server, Y.encodeStateAsUpdate(client, sv))).toThrow(UpdateRefused);
  });
});
