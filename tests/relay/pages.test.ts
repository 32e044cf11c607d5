import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/Server';
import { DEFAULT_PAGE_ID } from '../../shared/doc/boardDoc';
import { geoShape, recordsView as recordsOf } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const page = (id: string) => ({ id, typeName: 'page', name: 'Page 2', index: 'a2', meta: {} }) as never;
const shape = (id: string, parentId: string) => geoShape(id, { parentId }) as never;

async function boardWithFacilitatorAndEditor() {
  server = await startTestServer();
  const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
  const facilitator = connectClient(server, board.id, board.tokens.facilitator, { ack: true });
  const editor = connectClient(server, board.id, board.tokens.editor, { ack: true });
  clients.push(facilitator, editor);
  await Promise.all([synced(facilitator), synced(editor)]);
  return { facilitator, editor };
}

const pageIds = (client: TestClient) => [...recordsOf(client.doc).map.keys()].filter((k) => k.startsWith('page:'));

describe('a board has exactly one page', () => {
  it('removes a page a facilitator adds, with the shapes put on it, for everyone, and says why', async () => {
    const { facilitator, editor } = await boardWithFacilitatorAndEditor();
    expect(pageIds(editor)).toEqual([DEFAULT_PAGE_ID]);
    facilitator.doc.transact(() => {
      recordsOf(facilitator.doc).set('page:stray', page('page:stray'));
      recordsOf(facilitator.doc).set('shape:on-stray', shape('shape:on-stray', 'page:stray'));
    });
    await eventually(() => {
      expect(pageIds(facilitator)).toEqual([DEFAULT_PAGE_ID]);
      expect(recordsOf(facilitator.doc).get('shape:on-stray')).toBeUndefined();
    });
    await eventually(() => expect(allAcked(facilitator)).toBe(true));
    expect(pageIds(editor)).toEqual([DEFAULT_PAGE_ID]);
    expect(recordsOf(editor.doc).get('shape:on-stray')).toBeUndefined();
    expect(facilitator.permissionDenied.some((r) => r.includes('one page'))).toBe(true);
  });

  it('restores the board’s page when a participant deletes it, and a shape moved off it', async () => {
    const { facilitator, editor } = await boardWithFacilitatorAndEditor();
    recordsOf(editor.doc).set('shape:card', shape('shape:card', DEFAULT_PAGE_ID));
    await eventually(() => expect(recordsOf(facilitator.doc).get('shape:card')).toMatchObject({ parentId: DEFAULT_PAGE_ID }));
    recordsOf(editor.doc).set('shape:card', shape('shape:card', 'page:elsewhere'));
    recordsOf(editor.doc).delete(DEFAULT_PAGE_ID);
    await eventually(() => {
      expect(pageIds(editor)).toEqual([DEFAULT_PAGE_ID]);
      expect(recordsOf(editor.doc).get('shape:card')).toMatchObject({ parentId: DEFAULT_PAGE_ID });
      expect(recordsOf(facilitator.doc).get('shape:card')).toMatchObject({ parentId: DEFAULT_PAGE_ID });
    });
  });

  it('leaves shapes on the board’s page alone', async () => {
    const { facilitator, editor } = await boardWithFacilitatorAndEditor();
    recordsOf(editor.doc).set('shape:card', shape('shape:card', DEFAULT_PAGE_ID));
    await eventually(() => expect(recordsOf(facilitator.doc).get('shape:card')).toMatchObject({ parentId: DEFAULT_PAGE_ID }));
    await eventually(() => expect(allAcked(editor)).toBe(true));
    expect(editor.permissionDenied).toEqual([]);
  });
});
