import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { addAction, readActions, updateAction } from '../../shared/doc/actionPlanDoc';
import { readRubric, setScore } from '../../shared/doc/rubricDoc';
import { readNote } from '../../shared/doc/notes';
import type { SnapshotInfo } from '../../shared/api/history';
import type { ServerConfig } from '../../tests/helpers/server';
import { DEFAULT_LIMITS } from '../sync/relayLimits';
import { silentLogger } from '../runtime/log';
import { startServer, type RunningServer } from '../../tests/helpers/server';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { Storage } from '../storage/Storage';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { writeNote } from '../../tests/helpers/notes';
import { createTestBoard, sqliteIn, tempDir, type TestBoard } from '../../tests/helpers/server';
import { geoShape } from '../../tests/helpers/boardContent';
import { docContent } from './restore';
import { utcMinute } from './HistoryService';
import { snapshotStore } from './snapshotStore';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});
const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};

/** The real server with a short unload grace; `autoSnapshotAfterMs` as given (default: the server's). */
function start(options: { autoSnapshotAfterMs?: number; storage?: Storage } = {}): Promise<RunningServer> {
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    clientDir: '/nonexistent',
    sqliteSynchronous: 'NORMAL',
    limits: { ...DEFAULT_LIMITS, unloadGraceMs: 50 },
    autoSnapshotAfterMs: options.autoSnapshotAfterMs,
  };
  return startServer(config, silentLogger, options.storage ?? new MemoryStorage());
}

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const url = `${server!.url}${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? ((await res.json()) as any) : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: payload };
}

const snapshots = (b: TestBoard) => `/api/boards/${b.id}/snapshots`;
const stateOf = (b: TestBoard, sid: string) => `/api/boards/${b.id}/snapshots/${sid}/state`;
const restoreOf = (b: TestBoard, sid: string) => `/api/boards/${b.id}/snapshots/${sid}/restore`;

function shape(id: string, text: string, x = 0) {
  return geoShape(id, { text, x });
}

/** Writes as a client would, and waits until the server has stored it. */
async function write(c: TestClient, fn: (doc: Y.Doc) => void) {
  fn(c.doc);
  await eventually(() => expect(allAcked(c)).toBe(true));
}

function put(doc: Y.Doc, ...records: ReturnType<typeof shape>[]) {
  const kv = recordsOf(doc);
  doc.transact(() => {
    for (const r of records) kv.set(r.id, r as never);
  });
  kv.destroy?.();
}

function remove(doc: Y.Doc, id: string) {
  const kv = recordsOf(doc);
  kv.delete(id);
  kv.destroy?.();
}

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('board history API', () => {
  it('saves, lists, serves and restores snapshots; connected clients see the restore live and converge', async () => {
    server = await start();
    const b = await createTestBoard(server);
    const fac = client(server, b.id, b.tokens.facilitator, { ack: true });
    const ed = client(server, b.id, b.tokens.editor, { ack: true });
    await Promise.all([synced(fac), synced(ed)]);
    await write(fac, (doc) => {
      put(doc, shape('shape:a', 'Card A'));
      setScore(doc, '2026-05-04', 'industry-engagement', 4);
      addAction(doc, { text: 'Call the chamber', owner: 'Fran', createdBy: 'Fran' }, new Date('2026-05-04T10:00:00Z'), 'action:one');
      writeNote(doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Agreed: one front door'))));
    });
    await eventually(() => expect(readRecords(ed.doc).has('shape:a' as never)).toBe(true));
    const atSave = docContent(fac.doc);

    // Save: facilitator only; the name is required and at most 80 characters.
    const created = await call('POST', snapshots(b), b.tokens.facilitator, { name: '  After the first session ', by: 'Fran' });
    expect(created.status).toBe(201);
    const saved = created.body.snapshot as SnapshotInfo;
    expect(saved).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), name: 'After the first session', kind: 'manual', createdAt: expect.any(String), createdBy: 'Fran' });
    expect(Date.now() - Date.parse(saved.createdAt)).toBeLessThan(10_000);

    // The state is the board as it was: the read-only view builds a doc from it.
    const state = await call('GET', stateOf(b, saved.id), b.tokens.viewer);
    expect(state.status).toBe(200);
    expect(state.headers.get('content-type')).toBe('application/octet-stream');
    expect(state.headers.get('cache-control')).toBe('no-store');
    expect(docContent(docOf(state.body))).toEqual(atSave);

    // The editor deletes A and adds B; the facilitator changes the rubric, the action and the note.
    await write(ed, (doc) => {
      remove(doc, 'shape:a');
      put(doc, shape('shape:b', 'Card B', 300));
    });
    await write(fac, (doc) => {
      setScore(doc, '2026-05-04', 'industry-engagement', 9);
      updateAction(doc, 'action:one', { status: 'done' });
      writeNote(doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Second thoughts'))));
    });
    await eventually(() => expect(docContent(ed.doc)).toEqual(docContent(fac.doc)));
    const beforeRestore = docContent(ed.doc);
    expect(beforeRestore).not.toEqual(atSave);

    const restored = await call('POST', restoreOf(b, saved.id), b.tokens.facilitator, { by: 'Fran' });
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toEqual(saved);
    const pre = restored.body.preRestore as SnapshotInfo;
    expect(pre).toMatchObject({ kind: 'pre-restore', name: 'Before restoring “After the first session”', createdBy: 'Fran' });

    // Both clients see the snapshot's board live, and converge with the server.
    for (const c of [fac, ed]) {
      await eventually(() => expect(docContent(c.doc)).toEqual(atSave));
      expect(readRecords(c.doc).has('shape:a' as never)).toBe(true);
      expect(readRecords(c.doc).has('shape:b' as never)).toBe(false);
      expect(readRubric(c.doc)[0].scores['industry-engagement']?.score).toBe(4);
      expect(readActions(c.doc)[0].status).toBe('not-started');
      expect(JSON.stringify(readNote(c.doc, null))).not.toContain('Second thoughts');
    }
    expect(docContent(server.relay.rooms.get(b.id)!.doc)).toEqual(atSave);

    // The pre-restore snapshot is exactly the board before the restore.
    const preState = await call('GET', stateOf(b, pre.id), b.tokens.editor);
    expect(docContent(docOf(preState.body))).toEqual(beforeRestore);

    // Listed newest first, for every role.
    for (const token of [b.tokens.viewer, b.tokens.editor, b.tokens.facilitator]) {
      const listed = await call('GET', snapshots(b), token);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ snapshots: [pre, saved] });
    }

    // Restoring the pre-restore snapshot undoes the restore; nothing was lost.
    expect((await call('POST', restoreOf(b, pre.id), b.tokens.facilitator)).status).toBe(200);
    for (const c of [fac, ed]) await eventually(() => expect(docContent(c.doc)).toEqual(beforeRestore));
    const after = (await call('GET', snapshots(b), b.tokens.viewer)).body.snapshots as SnapshotInfo[];
    expect(after.map((s) => s.kind)).toEqual(['pre-restore', 'pre-restore', 'manual']);
    expect(after[0]).toMatchObject({ name: 'Before restoring “Before restoring “After the first session””', createdBy: null });
  });

  it('refuses by role and token, and answers 404 for unknown boards and snapshots', async () => {
    server = await start();
    const b = await createTestBoard(server);
    const other = await createTestBoard(server);
    const ok = await call('POST', snapshots(b), b.tokens.facilitator, { name: 'One' });
    const sid = ok.body.snapshot.id as string;

    const expectError = (r: { status: number; body: any }, status: number, code?: string, field?: string) => {
      expect(r.status).toBe(status);
      expect(r.body.error).toMatchObject({ ...(code ? { code } : {}), message: expect.any(String), ...(field ? { field } : {}) });
    };
    expectError(await call('GET', snapshots(b), null), 401, 'invalid_token');
    expectError(await call('GET', snapshots(b), 'wrong'), 401, 'invalid_token');
    expectError(await call('GET', snapshots(b), other.tokens.facilitator), 401);
    expectError(await call('GET', stateOf(b, sid), null), 401);
    expectError(await call('POST', restoreOf(b, sid), null), 401);
    expectError(await call('POST', snapshots(b), b.tokens.editor, { name: 'Nope' }), 403, 'forbidden');
    expectError(await call('POST', snapshots(b), b.tokens.viewer, { name: 'Nope' }), 403, 'forbidden');
    expectError(await call('POST', restoreOf(b, sid), b.tokens.editor), 403, 'forbidden');
    expectError(await call('POST', restoreOf(b, sid), b.tokens.viewer), 403, 'forbidden');

    expectError(await call('GET', '/api/boards/AAAAAAAAAAAAAAAA/snapshots', b.tokens.viewer), 404, 'board_not_found');
    expectError(await call('GET', '/api/boards/not-a-board/snapshots', b.tokens.viewer), 404, 'board_not_found');
    expectError(await call('GET', stateOf(b, 'AAAAAAAAAAAAAAAA'), b.tokens.viewer), 404, 'snapshot_not_found');
    expectError(await call('GET', stateOf(b, '..'), b.tokens.viewer), 404);
    expectError(await call('GET', stateOf(other, sid), other.tokens.viewer), 404, 'snapshot_not_found');
    expectError(await call('POST', restoreOf(b, 'AAAAAAAAAAAAAAAA'), b.tokens.facilitator), 404, 'snapshot_not_found');

    expectError(await call('POST', snapshots(b), b.tokens.facilitator, {}), 400, 'invalid_request', 'name');
    expectError(await call('POST', snapshots(b), b.tokens.facilitator, { name: '   ' }), 400, 'invalid_request', 'name');
    expectError(await call('POST', snapshots(b), b.tokens.facilitator, { name: 'x'.repeat(81) }), 400, 'invalid_request', 'name');
    expectError(await call('POST', snapshots(b), b.tokens.facilitator, { name: 'Ok', extra: 1 }), 400, 'invalid_request', 'extra');
    expectError(await call('POST', restoreOf(b, sid), b.tokens.facilitator, { by: 7 }), 400, 'invalid_request', 'by');
    expectError(await call('DELETE', snapshots(b), b.tokens.facilitator), 405);
    expect((await call('POST', snapshots(b), b.tokens.facilitator, { name: 'x'.repeat(80) })).status).toBe(201);
    // Nothing was written by the refused calls.
    expect((await call('GET', snapshots(b), b.tokens.viewer)).body.snapshots).toHaveLength(2);
  });

  it('saves and restores a board nobody has open, from and into storage', async () => {
    const dir = tempDir();
    server = await start({ storage: sqliteIn(dir) });
    const b = await createTestBoard(server);
    const fac = client(server, b.id, b.tokens.facilitator, { ack: true });
    await synced(fac);
    // A locked record the facilitator moves later: the restore (a server write) puts it back.
    await write(fac, (doc) => put(doc, { ...shape('shape:a', 'Card A'), isLocked: true }));
    fac.destroy();
    await eventually(() => expect(server!.relay.rooms.has(b.id)).toBe(false));

    const saved = (await call('POST', snapshots(b), b.tokens.facilitator, { name: 'Closed board' })).body.snapshot as SnapshotInfo;
    expect(server.relay.rooms.has(b.id)).toBe(false); // saved from storage, no room loaded
    expect(readRecords(docOf((await call('GET', stateOf(b, saved.id), b.tokens.viewer)).body)).get('shape:a' as never)).toMatchObject({ ...shape('shape:a', 'Card A'), isLocked: true });

    const again = client(server, b.id, b.tokens.facilitator, { ack: true });
    await synced(again);
    await write(again, (doc) => put(doc, { ...shape('shape:a', 'Moved', 500), isLocked: true }, shape('shape:b', 'Card B')));
    again.destroy();
    await eventually(() => expect(server!.relay.rooms.has(b.id)).toBe(false));

    expect((await call('POST', restoreOf(b, saved.id), b.tokens.facilitator)).status).toBe(200);
    await server.close();
    server = await start({ storage: sqliteIn(dir) });
    const reader = client(server, b.id, b.tokens.viewer);
    await synced(reader);
    expect(readRecords(reader.doc).get('shape:a' as never)).toMatchObject({ x: 0, isLocked: true, props: shape('shape:a', 'Card A').props });
    expect(readRecords(reader.doc).has('shape:b' as never)).toBe(false);
  });

  it('takes an automatic snapshot when a long enough session with writes ends, and none otherwise', async () => {
    server = await start({ autoSnapshotAfterMs: 100 });
    const list = async (b: TestBoard) => (await call('GET', snapshots(b), b.tokens.viewer)).body.snapshots as SnapshotInfo[];
    const unloaded = (b: TestBoard) => eventually(() => expect(server!.relay.rooms.has(b.id)).toBe(false));

    // Written to, open long enough: one auto snapshot of the state at the end.
    const long = await createTestBoard(server);
    const a = client(server, long.id, long.tokens.editor, { ack: true });
    await synced(a);
    await write(a, (doc) => put(doc, shape('shape:early', 'Early')));
    await new Promise((r) => setTimeout(r, 150));
    await write(a, (doc) => put(doc, shape('shape:late', 'Late')));
    const endState = docContent(a.doc);
    const before = Date.now();
    a.destroy();
    await unloaded(long);
    const autos = await list(long);
    expect(autos).toHaveLength(1);
    expect(autos[0]).toMatchObject({ kind: 'auto', createdBy: null, name: expect.stringMatching(/^Session ended \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/) });
    expect([utcMinute(before), utcMinute(Date.now())].map((m) => `Session ended ${m}`)).toContain(autos[0].name);
    expect(docContent(docOf((await call('GET', stateOf(long, autos[0].id), long.tokens.viewer)).body))).toEqual(endState);

    // Another long session that only writes tldraw's per-person `user` record (what opening a
    // board with an editing link does) changes no content: no second snapshot. A real change does.
    const userRecord = (name: string) => ({ id: 'user:ada', typeName: 'user', name, color: '#e03131', imageUrl: '', meta: {} }) as unknown as ReturnType<typeof shape>;
    const b = client(server, long.id, long.tokens.editor, { ack: true });
    await synced(b);
    await write(b, (doc) => put(doc, userRecord('Ada')));
    await new Promise((r) => setTimeout(r, 150));
    await write(b, (doc) => put(doc, userRecord('Ada L.')));
    b.destroy();
    await unloaded(long);
    expect(await list(long)).toHaveLength(1);
    const c = client(server, long.id, long.tokens.editor, { ack: true });
    await synced(c);
    await write(c, (doc) => put(doc, shape('shape:third', 'Third session')));
    await new Promise((r) => setTimeout(r, 150));
    await write(c, (doc) => put(doc, shape('shape:third', 'Third session, edited')));
    c.destroy();
    await unloaded(long);
    expect((await list(long)).map((s) => s.kind)).toEqual(['auto', 'auto']);

    // Open long enough but nobody wrote: none.
    const idle = await createTestBoard(server);
    const v = client(server, idle.id, idle.tokens.editor);
    await synced(v);
    await new Promise((r) => setTimeout(r, 150));
    v.destroy();
    await unloaded(idle);
    expect(await list(idle)).toEqual([]);

    // A viewer's refused writes do not count either.
    const viewed = await createTestBoard(server);
    const viewer = client(server, viewed.id, viewed.tokens.viewer);
    await synced(viewer);
    put(viewer.doc, shape('shape:x', 'Refused'));
    await eventually(() => expect(viewer.permissionDenied.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 150));
    viewer.destroy();
    await unloaded(viewed);
    expect(await list(viewed)).toEqual([]);
  });

  it('keeps both "Before restoring" snapshots of two restores made at the 200-snapshot cap', async () => {
    const storage = new MemoryStorage();
    server = await start({ storage });
    const b = await createTestBoard(server);
    const created = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const { compacted } = await storage.loadDoc(b.id, 'board');
    for (let i = 0; i < 200; i++) {
      await storage.feature(snapshotStore).add(b.id, { id: `saved${String(i).padStart(3, '0')}`, name: `Saved ${i}`, kind: 'manual', createdAt: created(i), createdBy: null }, compacted!);
    }
    const first = await call('POST', restoreOf(b, 'saved000'), b.tokens.facilitator);
    const second = await call('POST', restoreOf(b, 'saved001'), b.tokens.facilitator);
    expect([first.status, second.status]).toEqual([200, 200]);
    const kept = (await call('GET', snapshots(b), b.tokens.viewer)).body.snapshots as SnapshotInfo[];
    const ids = kept.map((s) => s.id);
    expect(ids).toContain(first.body.preRestore.id);
    expect(ids).toContain(second.body.preRestore.id);
    expect(kept.length).toBeLessThanOrEqual(201);
  });

  it('takes no automatic snapshot after a short session', async () => {
    server = await start({ autoSnapshotAfterMs: 60_000 });
    const b = await createTestBoard(server);
    const a = client(server, b.id, b.tokens.editor, { ack: true });
    await synced(a);
    await write(a, (doc) => put(doc, shape('shape:quick', 'Quick')));
    a.destroy();
    await eventually(() => expect(server!.relay.rooms.has(b.id)).toBe(false));
    expect((await call('GET', snapshots(b), b.tokens.viewer)).body.snapshots).toEqual([]);
  });
});
