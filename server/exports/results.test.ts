import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { recordsOf } from '../../shared/doc/boardDoc';
import { writeNote } from '../../tests/helpers/notes';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { extractFixture } from '../../exercises/kit/testing';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const results = async (id: string, token?: string) => {
  const res = await fetch(`${server.url}/api/boards/${id}/results${token === undefined ? '' : `?token=${token}`}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/boards/:id/results', () => {
  it('answers the results of a board nobody has open, for every role', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { title: 'Quiet board', region: 'Hill Country', sector: 'Logistics' });
    for (const token of Object.values(board.tokens)) {
      const { status, body } = await results(board.id, token);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        resultsVersion: 1,
        templateId: 'blank',
        templateVersion: 1,
        board: { id: board.id, title: 'Quiet board', region: 'Hill Country', sector: 'Logistics' },
        items: [],
        connections: [],
        figures: [],
        steps: [],
      });
    }
    expect(server.relay.rooms.has(board.id)).toBe(false);
  });

  it('reflects live edits of an open board', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const c = connectClient(server, board.id, board.tokens.editor, { ack: true });
    clients.push(c);
    await synced(c);
    writeNote(c.doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Written live'))));
    await eventually(() => expect(allAcked(c)).toBe(true));
    expect((await results(board.id, board.tokens.viewer)).body.notes).toMatchObject([{ text: 'Written live' }]);
  });

  it('refuses a missing or wrong token with 401 and an unknown board with 404', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    expect((await results(board.id)).status).toBe(401);
    expect((await results(board.id, 'nope')).status).toBe(401);
    expect((await results('AAAAAAAAAAAAAAAA', board.tokens.editor)).status).toBe(404);
  });

  it('extracts typed items, connections and figures written by a client, from the live room and from storage', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const c = connectClient(server, board.id, board.tokens.editor, { ack: true });
    clients.push(c);
    await synced(c);
    const { records } = manyTablesFixture();
    const kv = recordsOf(c.doc);
    c.doc.transact(() => {
      for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
    });
    await eventually(() => expect(allAcked(c)).toBe(true));
    const expected = extractFixture(manyTablesManyKnocks, records).results;
    expect(expected.items.length).toBeGreaterThan(10);
    const live = (await results(board.id, board.tokens.viewer)).body;
    expect(live.templateId).toBe('many-tables-many-knocks');
    expect(live.items).toEqual(expected.items);
    expect(live.connections).toEqual(expected.connections);
    expect(live.figures).toEqual(expected.figures);
    c.destroy();
    await eventually(() => expect(server.relay.rooms.has(board.id)).toBe(false));
    const stored = (await results(board.id, board.tokens.viewer)).body;
    expect(stored.figures).toEqual(expected.figures);
    expect(stored.items).toHaveLength(expected.items.length);
  });
});
