import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { RunningServer } from '../../server/Server';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import type { Storage } from '../../server/storage/Storage';
import { readRecords } from '../../shared/doc/boardDoc';
import { CloseCodes, isTerminalClose } from '../../shared/closeCodes';
import { boardSchema } from '../../exercises/registry';
import { api, changeStoredBoard, createTestCohort } from '../../server/cohorts/testing';
import { geoShape, recordsView } from '../helpers/boardContent';
import { connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { capturingLogger, createTestBoard, startTestServer, type TestBoard } from '../helpers/server';

/**
 * Writes a hostile editor could send with an ordinary y-websocket client or raw frames, and
 * what the relay does with them: a write that does not fit the board document's layout is
 * refused whole before it touches the document (permission denied, then close 4422), and a
 * board stored with junk from before still opens and still answers its results and exports.
 */

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

function client(boardId: string, token: string, options: { ack?: boolean } = {}): TestClient {
  const c = connectClient(server!, boardId, token, options);
  clients.push(c);
  return c;
}

const zoneIdOf = (doc: Y.Doc) => [...readRecords(doc).keys()].find((k) => k.startsWith('shape:zone-'))!;

/** Opens the board as its facilitator and resolves once it is synced (throws if the room cannot load). */
async function opens(board: TestBoard): Promise<TestClient> {
  const c = client(board.id, board.tokens.facilitator);
  await synced(c);
  return c;
}

/** An editor whose next write is refused: resolves with the reason and the close code it got. */
async function refusedWrite(board: TestBoard, write: (doc: Y.Doc) => void): Promise<{ reason: string; code: number }> {
  const editor = client(board.id, board.tokens.editor);
  await synced(editor);
  write(editor.doc);
  await eventually(() => expect(editor.closes.length).toBeGreaterThan(0));
  editor.provider.disconnect();
  return { reason: editor.permissionDenied.at(-1) ?? '', code: editor.closes[0].code };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

describe('an editor cannot brick a board', () => {
  it('refuses an update that pushes null into the records, with the locked zone it also deletes, and the board loads after a restart', async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const editor = client(board.id, board.tokens.editor);
    await synced(editor);
    const zoneId = zoneIdOf(editor.doc);
    // One update: a null entry, and the locked zone's entry deleted (no YKeyValue on this doc:
    // it would trip over the null itself).
    const records = editor.doc.getArray<{ key: string } | null>('records');
    editor.doc.transact(() => {
      records.push([null]);
      records.delete(records.toArray().findIndex((e) => e?.key === zoneId), 1);
    });
    await eventually(() => expect(editor.closes.map((c) => c.code)).toContain(CloseCodes.ChangeRefused.code));
    expect(editor.permissionDenied.at(-1)).toMatch(/^This change was refused: records holds/);
    const room = server.relay.rooms.get(board.id)!;
    expect(room.doc.getArray('records').toArray()).not.toContain(null);
    expect(readRecords(room.doc).get(zoneId as never)).toMatchObject({ isLocked: true });

    await server.close();
    server = await startTestServer({ storage });
    const facilitator = await opens(board);
    expect(readRecords(facilitator.doc).get(zoneId as never)).toMatchObject({ isLocked: true });
    expect(facilitator.closes).toEqual([]);
  });

  it('refuses raw update frames that could only be applied later, unchecked (missing dependencies, gaps, future deletions)', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const attacker = new Y.Doc();

    attacker.getArray('records').push([{ key: 'shape:a', val: geoShape('shape:a') }]);
    const sv = Y.encodeStateVector(attacker);
    attacker.getArray('records').push([null]);
    // The second half alone depends on the first, which the server never got.
    const dependent = Y.encodeStateAsUpdate(attacker, sv);
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    raw.ws.send(updateFrame(dependent));
    // Out of step, not refused for good: an honest client whose edit overtook its sync heals by
    // reconnecting (its sync step 2 then carries both halves); this one has nothing to bring.
    expect((await raw.closed).code).toBe(CloseCodes.OutOfStep.code);
    expect(isTerminalClose(CloseCodes.OutOfStep.code)).toBe(false);

    // A deletion of content that does not exist yet (it would delete someone's next edit).
    const ds = encoding.createEncoder();
    encoding.writeVarUint(ds, 0); // no structs
    encoding.writeVarUint(ds, 1); // one client in the delete set
    encoding.writeVarUint(ds, 123456);
    encoding.writeVarUint(ds, 1);
    encoding.writeVarUint(ds, 0);
    encoding.writeVarUint(ds, 50);
    const raw2 = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    raw2.ws.send(updateFrame(encoding.toUint8Array(ds)));
    expect((await raw2.closed).code).toBe(CloseCodes.OutOfStep.code);
    const stored = await server.storage.loadDoc(board.id, 'board');
    expect(stored.updates).toHaveLength(0);
  });

  it('opens a board stored with a null entry in its records: the entry is removed and logged', async () => {
    const storage = new MemoryStorage();
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ storage, logger });
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    await changeStoredBoard(storage, board.id, (doc) => doc.getArray('records').push([null, 7, { key: 'shape:x' }]));
    const facilitator = await opens(board);
    await eventually(() => expect(facilitator.doc.getArray('records').toArray().every((e) => e && typeof e === 'object' && 'val' in e)).toBe(true));
    expect(readRecords(facilitator.doc).get(zoneIdOf(facilitator.doc) as never)).toMatchObject({ isLocked: true });
    const repaired = lines.map((l) => JSON.parse(l)).find((l) => l.event === 'board.repaired');
    expect(repaired).toMatchObject({ board: board.id, removedEntries: 3, removedKeys: ['shape:x'], schemaReset: false });
  });

  it('lets the facilitator restore a snapshot of a board whose stored state cannot be loaded', async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const board = await createTestBoard(server);
    const facilitator = await opens(board);
    recordsView(facilitator.doc).set('shape:kept', geoShape('shape:kept', { text: 'Kept' }) as never);
    await eventually(() => expect(readRecords(server!.relay.rooms.get(board.id)!.doc).has('shape:kept' as never)).toBe(true));
    const saved = await api(server, 'POST', `/api/boards/${board.id}/snapshots`, board.tokens.facilitator, { name: 'Good state' });
    expect(saved.status).toBe(201);
    facilitator.destroy();
    await eventually(() => expect(server!.relay.rooms.has(board.id)).toBe(false));
    // The stored state is damaged: every load fails.
    const { lastSeq } = await storage.loadDoc(board.id, 'board');
    await storage.compact(board.id, 'board', new Uint8Array([1, 2, 3, 250, 251, 252]), lastSeq);
    const broken = client(board.id, board.tokens.editor);
    await eventually(() => expect(broken.closes.map((c) => c.code)).toContain(CloseCodes.LoadFailed.code));
    broken.destroy();

    const restored = await api(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.body.snapshot.id}/restore`, board.tokens.facilitator);
    expect(restored.status).toBe(200);
    expect(restored.body.preRestore).toMatchObject({ kind: 'pre-restore' });
    const again = await opens(board);
    expect(readRecords(again.doc).get('shape:kept' as never)).toMatchObject({ props: { richText: geoShape('shape:kept', { text: 'Kept' }).props.richText } });
  });
});

describe('junk an editor writes never reaches the readers', () => {
  const current = boardSchema().serialize();
  const cases: [string, (doc: Y.Doc) => void][] = [
    ['a non-string board title', (doc) => doc.getMap('board').set('title', 42)],
    ['a string as schema.tldraw', (doc) => doc.getMap('schema').set('tldraw', 'v9')],
    ['a "newer" schema.tldraw', (doc) => doc.getMap('schema').set('tldraw', { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 999 } })],
    ['deleting schema.tldraw', (doc) => doc.getMap('schema').delete('tldraw')],
    ['a shape without props', (doc) => recordsView(doc).set('shape:bare', { ...geoShape('shape:bare'), props: undefined } as never)],
    ['a shape of an unknown type', (doc) => recordsView(doc).set('shape:odd', { ...geoShape('shape:odd'), type: 'not-a-shape' } as never)],
    ['a record under another key', (doc) => recordsView(doc).set('shape:one', geoShape('shape:two') as never)],
    ['an instance (session) record', (doc) => recordsView(doc).set('instance:instance', { id: 'instance:instance', typeName: 'instance' } as never)],
    ['a top-level type outside the layout', (doc) => doc.getMap('mine').set('x', 1)],
    ['a rubric score of 11', (doc) => doc.getMap('rubric').set('2026-05-04|industry-engagement|score', 11)],
    ['an action that is not a map', (doc) => doc.getMap('actions').set('action:1', 'text')],
    ['a review tick without a name', (doc) => doc.getMap('review').set('board|support-team.roles', { checked: true })],
    ['a review answer that is not yes, no or not yet', (doc) => doc.getMap('review').set('board|support-team.roles', { answer: 'maybe', checked: false, by: 'M', at: '2026-01-01T00:00:00.000Z' })],
    ['a review answer text of 100,000 characters', (doc) => doc.getMap('review').set('board|support-team.roles|text', { text: 'x'.repeat(100_000), by: 'M', at: '2026-01-01T00:00:00.000Z' })],
    ['a nested map in a record list', (doc) => doc.getArray('records').push([new Y.Map()])],
    ['a note outside every step', (doc) => (doc.get('note:nowhere', Y.XmlText) as Y.XmlText).insert(0, 'hello')],
  ];
  it.each(cases)('refuses %s and keeps the board readable', async (_name, write) => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const { reason, code } = await refusedWrite(board, write);
    expect(code).toBe(CloseCodes.ChangeRefused.code);
    expect(reason).toMatch(/^This change was refused: /);
    for (const format of ['json', 'csv', 'md', 'html']) {
      expect((await api(server, 'GET', `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).status).toBe(200);
    }
    expect((await api(server, 'GET', `/api/boards/${board.id}/results`, board.tokens.viewer)).body.board.title).toBe('Test board');
    const facilitator = await opens(board);
    expect(facilitator.doc.getMap('schema').get('tldraw')).toEqual(current);
  });

  it('answers results, every export, the comparison and the zip of a cohort whose board was stored with junk', async () => {
    const storage: Storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const cohort = await createTestCohort(server, { teams: ['North', 'South'] });
    const [north] = cohort.boards;
    await changeStoredBoard(storage, north.id, (doc) => {
      doc.getMap('board').set('title', 42);
      doc.getMap('board').set('templateVersion', 'one');
      doc.getArray('records').push([{ key: 'shape:bare', val: { ...geoShape('shape:bare'), props: undefined } }, { key: 'shape:n', val: null }]);
      doc.getMap('rubric').set('2026-05-04|industry-engagement|score', 'ten');
      doc.getMap('actions').set('action:junk', 'not a map' as never);
      doc.getMap('review').set('board|x.y', 5);
    });
    const results = await api(server, 'GET', `/api/boards/${north.id}/results`, north.tokens.viewer);
    expect(results.status).toBe(200);
    expect(results.body.board.title).toBe('Spring Academy · North');
    for (const format of ['json', 'csv', 'md', 'html']) {
      expect((await api(server, 'GET', `/api/boards/${north.id}/export?format=${format}`, north.tokens.viewer)).status).toBe(200);
    }
    expect((await api(server, 'GET', `/api/cohorts/${cohort.id}/comparison`, cohort.trainer)).status).toBe(200);
    expect((await api(server, 'GET', `/api/cohorts/${cohort.id}/export`, cohort.trainer)).status).toBe(200);
  });

  it('answers the results of a board whose schema.tldraw was stored as a string', async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    await changeStoredBoard(storage, board.id, (doc) => doc.getMap('schema').set('tldraw', 'v9'));
    expect((await api(server, 'GET', `/api/boards/${board.id}/results`, board.tokens.viewer)).status).toBe(200);
    // Opening it repairs the schema, so browsers can load it.
    const facilitator = await opens(board);
    await eventually(() => expect(facilitator.doc.getMap('schema').get('tldraw')).toEqual(boardSchema().serialize()));
  });
});
