import { afterEach, describe, expect, it } from 'vitest';
import { entries } from '../../tests/helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { startNodes } from '../../tests/helpers/nodes';
import type { RunningServer } from '../../tests/helpers/server';
import { openSse, type SseEvent } from '../dashboard/testing';
import { addTestBoard, createTestPartnership, tokenOf } from './testing';

// Two app nodes on one PostgreSQL database: the boards' sockets end at node A, the partnership
// page is served by node B.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

const boardsOf = (e: SseEvent) => (JSON.parse(e.data) as { boards: string[] }).boards;

async function editorOn(server: RunningServer, boardId: string, link: string): Promise<TestClient> {
  const c = connectClient(server, boardId, tokenOf(link), { ack: true });
  cleanups.push(() => c.destroy());
  await synced(c);
  return c;
}

describe('a partnership page on another node', () => {
  it('hears of edits made on node A to its boards, and of a board added on node A, then of edits to that one', async () => {
    const started = await startNodes(2);
    cleanups.push(() => started.close());
    const [a, b] = started.nodes;
    const partnership = await createTestPartnership(a);
    const first = await addTestBoard(a, partnership);
    const s = await openSse(`${b.url}/api/partnerships/${partnership.id}/live?token=${encodeURIComponent(partnership.lead)}`);
    cleanups.push(() => s.close());
    expect(s.status).toBe(200);
    await s.next((e) => e.event === 'changed');

    const editor = await editorOn(a, first.id, first.links.editor);
    let mark = s.events.length;
    entries(editor.doc).set('agenda', 'Who is missing?');
    await eventually(() => expect(allAcked(editor)).toBe(true));
    await s.next((e) => e.event === 'changed' && boardsOf(e).includes(first.id), 8000, mark);

    mark = s.events.length;
    const second = await addTestBoard(a, partnership, { title: 'Second meeting' });
    await s.next((e) => e.event === 'changed' && boardsOf(e).length === 0, 8000, mark);
    const other = await editorOn(a, second.id, second.links.editor);
    mark = s.events.length;
    entries(other.doc).set('agenda', 'Next steps');
    await s.next((e) => e.event === 'changed' && boardsOf(e).includes(second.id), 8000, mark);
  });
});
