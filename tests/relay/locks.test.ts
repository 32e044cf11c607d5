import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/Server';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { boardSchema } from '../../exercises/registry';
import { changeStoredBoard } from '../../server/cohorts/testing';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { geoShape, recordsView } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const shape = (id: string, x: number, isLocked: boolean) => geoShape(id, { x, isLocked }) as never;

async function boardWithLockedShape() {
  server = await startTestServer();
  const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
  const facilitator = connectClient(server, board.id, board.tokens.facilitator, { ack: true });
  const editor = connectClient(server, board.id, board.tokens.editor, { ack: true });
  clients.push(facilitator, editor);
  await Promise.all([synced(facilitator), synced(editor)]);
  recordsView(facilitator.doc).set('shape:locked', shape('shape:locked', 100, true));
  await eventually(() => expect(recordsView(editor.doc).get('shape:locked')).toMatchObject({ x: 100 }));
  return { board, facilitator, editor };
}

describe('locked records', () => {
  it('undoes a participant moving a locked shape, for everyone, and tells them why', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(editor.doc).set('shape:locked', shape('shape:locked', 999, true));
    await eventually(() => {
      expect(recordsView(editor.doc).get('shape:locked')).toMatchObject({ x: 100, isLocked: true });
      expect(recordsView(facilitator.doc).get('shape:locked')).toMatchObject({ x: 100, isLocked: true });
    });
    expect(editor.permissionDenied.some((r) => r.startsWith('Locked'))).toBe(true);
  });

  it('restores a locked shape a participant deleted or unlocked', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(editor.doc).delete('shape:locked');
    await eventually(() => expect(recordsView(editor.doc).get('shape:locked')).toMatchObject({ x: 100, isLocked: true }));
    recordsView(editor.doc).set('shape:locked', shape('shape:locked', 100, false));
    await eventually(() => expect(recordsView(facilitator.doc).get('shape:locked')).toMatchObject({ isLocked: true }));
    await eventually(() => expect(recordsView(editor.doc).get('shape:locked')).toMatchObject({ isLocked: true }));
  });

  it('keeps the seeded template zones locked against participants', async () => {
    const { editor } = await boardWithLockedShape();
    const zoneId = [...recordsView(editor.doc).map.keys()].find((k) => k.startsWith('shape:zone-'))!;
    expect(recordsView(editor.doc).get(zoneId)).toMatchObject({ isLocked: true });
    recordsView(editor.doc).delete(zoneId);
    await eventually(() => expect(recordsView(editor.doc).get(zoneId)).toMatchObject({ isLocked: true }));
    const room = server.relay.rooms.get(editor.provider.roomname)!;
    expect(recordsView(room.doc).get(zoneId)).toMatchObject({ isLocked: true });
  });

  it('lets a participant edit unlocked shapes but not lock them', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(editor.doc).set('shape:free', shape('shape:free', 5, false));
    recordsView(editor.doc).set('shape:free', shape('shape:free', 50, false));
    await eventually(() => expect(recordsView(facilitator.doc).get('shape:free')).toMatchObject({ x: 50, isLocked: false }));
    recordsView(editor.doc).set('shape:free', shape('shape:free', 60, true));
    await eventually(() => expect(recordsView(facilitator.doc).get('shape:free')).toMatchObject({ x: 60, isLocked: false }));
    await eventually(() => expect(recordsView(editor.doc).get('shape:free')).toMatchObject({ x: 60, isLocked: false }));
  });

  it('lets the facilitator move, unlock and delete a locked shape', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(facilitator.doc).set('shape:locked', shape('shape:locked', 300, true));
    await eventually(() => expect(recordsView(editor.doc).get('shape:locked')).toMatchObject({ x: 300 }));
    recordsView(facilitator.doc).delete('shape:locked');
    await eventually(() => expect(allAcked(facilitator)).toBe(true));
    await eventually(() => expect(recordsView(editor.doc).get('shape:locked')).toBeUndefined());
    expect(facilitator.permissionDenied).toEqual([]);
  });
});

describe('locked means every property', () => {
  const zoneOf = (doc: Parameters<typeof recordsView>[0]) => {
    const id = [...recordsView(doc).map.keys()].find((k) => k.startsWith('shape:zone-'))!;
    return { id, zone: recordsView(doc).get(id) as unknown as { props: Record<string, unknown>; type: string; meta: Record<string, unknown> } };
  };

  it.each([
    ['label', (z: Record<string, any>) => ({ ...z, props: { ...z.props, label: 'Mallory was here' } })],
    ['zoneId', (z: Record<string, any>) => ({ ...z, props: { ...z.props, zoneId: 'elsewhere' } })],
    ['colour', (z: Record<string, any>) => ({ ...z, props: { ...z.props, color: 'red' } })],
    ['meta', (z: Record<string, any>) => ({ ...z, meta: { note: 'mine now' } })],
    [
      'type',
      (z: Record<string, any>) => {
        const geo = geoShape(z.id, { x: z.x, y: z.y, isLocked: true, parentId: z.parentId });
        // Same place and size: only what it is changes.
        return { ...geo, index: z.index, props: { ...geo.props, w: z.props.w, h: z.props.h } };
      },
    ],
  ])("undoes a participant's change to a locked zone's %s", async (_what, change) => {
    const { facilitator, editor } = await boardWithLockedShape();
    const { id, zone } = zoneOf(editor.doc);
    recordsView(editor.doc).set(id, change(zone as never) as never);
    await eventually(() => {
      expect(recordsView(editor.doc).get(id)).toEqual(zone);
      expect(recordsView(facilitator.doc).get(id)).toEqual(zone);
    });
    expect(editor.permissionDenied.some((r) => r.startsWith('Locked'))).toBe(true);
  });

  it("keeps a participant's schema upgrade that rewrites a locked record to its migration, and undoes one that also moves it", async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const current = boardSchema().serialize();
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 9 } };
    // A board last written by an app from before rich text: a locked geo shape with plain text.
    const { richText: _richText, flipX: _flipX, flipY: _flipY, ...props } = geoShape('shape:old').props;
    const old = { ...geoShape('shape:old', { isLocked: true }), props: { ...props, text: 'Saved by the old app' } };
    const migrated = boardSchema().migratePersistedRecord(old as never, older as never, 'up');
    if (migrated.type !== 'success') throw new Error('the fixture must migrate');
    /** A board with the old record, and an editor writing the schema upgrade with `record`. */
    const upgradeWith = async (record: unknown) => {
      const board = await createTestBoard(server);
      await changeStoredBoard(storage, board.id, (doc) => {
        doc.getMap('schema').set('tldraw', older);
        recordsOf(doc).set('shape:old', old as never);
      });
      const editor = connectClient(server, board.id, board.tokens.editor, { ack: true });
      clients.push(editor);
      await synced(editor);
      editor.doc.transact(() => {
        editor.doc.getMap('schema').set('tldraw', current);
        recordsView(editor.doc).set('shape:old', record as never);
      });
      await eventually(() => expect(allAcked(editor)).toBe(true));
      return { editor, room: server.relay.rooms.get(board.id)! };
    };

    const honest = await upgradeWith(migrated.value);
    expect(readRecords(honest.room.doc).get('shape:old' as never)).toEqual(migrated.value);
    expect(honest.room.doc.getMap('schema').get('tldraw')).toEqual(current);
    expect(honest.editor.permissionDenied).toEqual([]);

    const cheat = await upgradeWith({ ...migrated.value, x: 999 });
    // Put back as its migration (the board is on the new schema now), not as the old record.
    await eventually(() => expect(recordsView(cheat.editor.doc).get('shape:old')).toEqual(migrated.value));
    expect(readRecords(cheat.room.doc).get('shape:old' as never)).toEqual(migrated.value);
    expect(cheat.editor.permissionDenied.some((r) => r.startsWith('Locked'))).toBe(true);
  });

  it('keeps the page and the document records against anyone, and removes a page a participant adds with what they put on it', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(editor.doc).delete('page:page');
    recordsView(facilitator.doc).delete('document:document');
    await eventually(() => {
      expect(recordsView(editor.doc).get('page:page')).toMatchObject({ typeName: 'page' });
      expect(recordsView(editor.doc).get('document:document')).toMatchObject({ typeName: 'document' });
    });
    expect(editor.permissionDenied).toContain("The board's page and document cannot be removed.");
    editor.doc.transact(() => {
      recordsView(editor.doc).set('page:second', { id: 'page:second', typeName: 'page', name: 'Second', index: 'a2', meta: {} } as never);
      recordsView(editor.doc).set('shape:elsewhere', geoShape('shape:elsewhere', { parentId: 'page:second' }) as never);
      recordsView(editor.doc).set('shape:locked', { ...(recordsView(editor.doc).get('shape:locked') as object), parentId: 'page:second' } as never);
    });
    await eventually(() => {
      const room = server.relay.rooms.get(editor.provider.roomname)!;
      const records = readRecords(room.doc);
      expect([...records.values()].filter((r) => r.typeName === 'page').map((r) => r.id)).toEqual(['page:page']);
      expect(records.has('shape:elsewhere' as never)).toBe(false);
      expect(records.get('shape:locked' as never)).toMatchObject({ parentId: 'page:page', x: 100 });
      expect(recordsView(editor.doc).has('page:second')).toBe(false);
    });
    expect(editor.permissionDenied).toContain('A board has one page: new pages are not kept.');
  });
});
