import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/Server';
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

describe('locked records and other changes', () => {
  it('lets a participant rewrite a locked record\'s other props (as a schema migration does)', async () => {
    const { facilitator, editor } = await boardWithLockedShape();
    recordsView(editor.doc).set('shape:locked', { ...(recordsView(editor.doc).get('shape:locked') as object), meta: { migrated: true } } as never);
    await eventually(() => expect(recordsView(facilitator.doc).get('shape:locked')).toMatchObject({ x: 100, isLocked: true, meta: { migrated: true } }));
    expect(editor.permissionDenied).toEqual([]);
  });
});
