import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { api, changeStoredBoard } from '../../server/cohorts/testing';
import { EXERCISES } from '../../exercises/registry';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { fixtureFor } from '../../exercises/kit/testing';
import { geoShape, recordsView } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';

/**
 * Every template's board, written by an ordinary editor over a real socket: the relay's
 * document-layout check accepts everything the app writes for it (its worked example, an item of
 * every type, a connector of every kind), and its readers skip junk stored in it.
 */

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

/** The exercise's worked example (exercises/<id>/fixtures.ts), when it has one. */
async function workedExample(exercise: ExerciseDef): Promise<Record<string, unknown>[]> {
  const id = exercise.template.id;
  if (id === 'blank') return [];
  const module = (await import(`../../exercises/${id}/fixtures.ts`)) as Record<string, unknown>;
  const make = Object.entries(module).find(([name, v]) => name.endsWith('Fixture') && typeof v === 'function')?.[1] as () => { records: Record<string, unknown>[] };
  return make().records;
}

/** An item of every type of the palette, and a connector of every kind between two of them. */
function everyKind(exercise: ExerciseDef): Record<string, unknown>[] {
  const f = fixtureFor(exercise);
  const ids = exercise.itemTypes.map((def, n) => f.item(def.type, {}, { x: 5000 + 300 * n, y: 5000 }));
  for (const kind of exercise.connectorKinds) f.connect(kind.kind, ids[0] ?? null, ids[1] ?? ids[0] ?? null);
  f.sticky('A sticky note', { x: 5000, y: 5400 });
  return f.build();
}

/** Writes the records (template zones left out: the board has them) in one transaction. */
function write(doc: Y.Doc, records: readonly Record<string, unknown>[]): number {
  const kv = recordsView(doc);
  let written = 0;
  doc.transact(() => {
    for (const r of records) {
      if (r.typeName === 'shape' && r.type === 'pb-zone') continue;
      if (kv.has(r.id as string)) continue;
      kv.set(r.id as string, r as never);
      written++;
    }
  });
  return written;
}

describe.each(EXERCISES.map((e) => [e.template.id, e] as const))('a %s board', (template, exercise) => {
  it('takes its worked example, every item type and connector kind from an editor, and answers results and exports', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template });
    const editor = connectClient(server, board.id, board.tokens.editor, { ack: true });
    clients.push(editor);
    await synced(editor);

    expect(write(editor.doc, await workedExample(exercise))).toBeGreaterThanOrEqual(template === 'blank' ? 0 : 1);
    expect(write(editor.doc, everyKind(exercise))).toBeGreaterThan(0);
    // Moving and removing cards, as people do.
    const kv = recordsView(editor.doc);
    const shapes = [...kv.map.entries()].filter(([, e]) => (e.val as { typeName?: string }).typeName === 'shape' && (e.val as { type?: string }).type !== 'pb-zone');
    const [movedId, moved] = shapes[0];
    kv.set(movedId, { ...(moved.val as object), x: 1234, y: 567 } as never);
    kv.delete(shapes.at(-1)![0]);

    await eventually(() => expect(allAcked(editor)).toBe(true), 10_000);
    expect(editor.permissionDenied).toEqual([]);
    expect(editor.closes).toEqual([]);

    const results = await api(server, 'GET', `/api/boards/${board.id}/results`, board.tokens.viewer);
    expect(results.status).toBe(200);
    expect(results.body.items.length).toBeGreaterThanOrEqual(template === 'blank' ? 0 : 1);
    for (const format of ['json', 'csv', 'md', 'html']) {
      expect((await api(server, 'GET', `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).status, format).toBe(200);
    }

    // Stored junk (as a board written before the relay checked writes could hold) is skipped.
    editor.destroy();
    await eventually(() => expect(server!.relay.rooms.has(board.id)).toBe(false));
    const items = results.body.items.length;
    const someItem = shapes.find(([, e]) => (e.val as { type?: string }).type?.startsWith('pb-item'))?.[1].val as Record<string, unknown> | undefined;
    await changeStoredBoard(server.storage, board.id, (doc) => {
      doc.getMap('board').set('title', 42);
      doc.getArray('records').push([
        null,
        { key: 'shape:bare', val: { ...geoShape('shape:bare'), props: undefined } },
        ...(someItem ? [{ key: 'shape:broken-item', val: { ...someItem, id: 'shape:broken-item', props: { ...(someItem.props as object), fields: 'junk' } } }] : []),
      ]);
    });
    const after = await api(server, 'GET', `/api/boards/${board.id}/results`, board.tokens.viewer);
    expect(after.status).toBe(200);
    expect(after.body.items).toHaveLength(items);
    for (const format of ['json', 'csv', 'md', 'html']) {
      expect((await api(server, 'GET', `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).status, format).toBe(200);
    }
    const facilitator = connectClient(server, board.id, board.tokens.facilitator);
    clients.push(facilitator);
    await synced(facilitator);
    // Opening repairs what the browser could not read: the null entry is gone.
    expect(facilitator.doc.getArray('records').toArray()).not.toContain(null);
  }, 30_000);
});
