import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { openSqliteStorage } from '../../server/migrations';
import { prepareBoard } from '../../server/boards/boardLinks';
import { recordsOf } from '../../shared/doc/boardDoc';
import { boardSchema } from '../../exercises/registry';
import { geoShape } from '../helpers/boardContent';
import { rawSocket } from '../helpers/clients';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { capturingLogger, createTestBoard, startTestServer, tempDir } from '../helpers/server';

/** The server's log stays one JSON object per line, and a client cannot flood it. */

let server: RunningServer | undefined;
const procs: ServerProcess[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const p of procs.splice(0)) await p.stop();
});

describe('the log', () => {
  it('summarises a flood of malformed frames instead of writing a line for each', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    const board = await createTestBoard(server);
    for (let i = 0; i < 60; i++) {
      const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}`);
      raw.ws.send(new Uint8Array([77, 1, 2, 3]));
      await raw.closed;
    }
    const malformed = () => lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'conn.malformed');
    expect(malformed()).toHaveLength(1);
    await server.close();
    // The count follows when the interval ends (here: at shutdown).
    expect(malformed().at(-1)).toMatchObject({ board: board.id, repeated: 59 });
    server = undefined;
  });

  it('is JSON lines only, even when tldraw reports a record it cannot migrate', async () => {
    const dataDir = tempDir();
    // A board saved by an older app, holding a record its migrations trip over.
    const storage = openSqliteStorage(`${dataDir}/boards.sqlite`);
    const prepared = prepareBoard({ template: 'blank', title: 'Old', region: 'R', sector: 'S' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, prepared.state);
    const current = boardSchema().serialize();
    doc.getMap('schema').set('tldraw', { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 9 } });
    recordsOf(doc).set('shape:odd', { ...geoShape('shape:odd'), props: null } as never);
    await storage.createBoard(prepared.row, prepared.tokenRows, Y.encodeStateAsUpdate(doc));
    await storage.close();

    const proc = await spawnServer(dataDir);
    procs.push(proc);
    const res = await fetch(`${proc.url}/api/boards/${prepared.row.id}/results?token=${prepared.tokens.viewer}`);
    expect(res.status).toBe(200);
    await proc.stop();
    const lines = proc
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('Boards are served on'));
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ event: 'console', level: 'error', message: expect.stringContaining('Error migrating') }));
  }, 30_000);
});
