import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RunningServer } from '../../server/Server';
import { MessageType } from '../../shared/protocol';
import { geoShape, recordsView } from '../helpers/boardContent';
import { allAcked, connectClient, rawSocket, synced, voterKeySocket } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer, type TestBoard } from '../helpers/server';

/**
 * Ballot stuffing: a ballot belongs to a voter key the server issued over a board socket, one
 * per connection, at most a few per link and per address, and it counts only while a
 * connection holds the key. A client can no longer invent voters.
 */

let server: RunningServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  await server?.close();
  server = undefined;
});

async function keyOver(board: TestBoard, token: string, options: { previous?: string; from?: string } = {}) {
  const answer = await voterKeySocket(server!, board.id, token, options.previous ?? '', options.from ? { 'x-forwarded-for': options.from } : {});
  sockets.push(answer.ws);
  return answer;
}

async function startRound(board: TestBoard): Promise<{ round: string; item: string }> {
  const editor = connectClient(server!, board.id, board.tokens.editor, { ack: true });
  await synced(editor);
  recordsView(editor.doc).set('shape:card', geoShape('shape:card', { text: 'Vote for me' }) as never);
  await eventually(() => expect(allAcked(editor)).toBe(true));
  editor.destroy();
  const res = await fetch(`${server!.url}/api/boards/${board.id}/votes?token=${board.tokens.facilitator}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stepId: 'map-knocks', perPerson: 1 }),
  });
  return { round: ((await res.json()) as any).round.id, item: 'shape:card' };
}

function putBallot(board: TestBoard, round: string, voter: string, key: string, itemIds: string[]) {
  return fetch(`${server!.url}/api/boards/${board.id}/votes/${round}/ballots/${voter}?token=${board.tokens.editor}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-voter-key': key },
    body: JSON.stringify({ itemIds }),
  });
}

describe('ballot stuffing', () => {
  it('refuses 500 ballots an editor link casts with voter ids and keys it made up', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    const { round, item } = await startRound(board);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const res = await putBallot(board, round, `bot${i}`, `made-up-key-${String(i).padStart(6, '0')}`, [item]);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect([...statuses]).toEqual([[403, 500]]);
    // A real voter is not crowded out.
    const real = await keyOver(board, board.tokens.editor);
    expect((await putBallot(board, round, 'ada', real.key!, [item])).status).toBe(200);
  });

  it('gives one key per connection, the same key back to a browser that reconnects, and none to a viewer', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    // Asking three times on one socket: one key.
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    sockets.push(raw.ws);
    const ask = encoding.createEncoder();
    encoding.writeVarUint(ask, MessageType.VoterKey);
    encoding.writeVarString(ask, '');
    for (let i = 0; i < 3; i++) raw.ws.send(encoding.toUint8Array(ask));
    const keys = await eventually(() => {
      const answers = raw.messages.filter((m) => m[0] === MessageType.VoterKey);
      expect(answers).toHaveLength(3);
      return answers.map((m) => {
        const d = decoding.createDecoder(new Uint8Array(m));
        decoding.readVarUint(d);
        decoding.readVarUint(d);
        return decoding.readVarString(d);
      });
    });
    expect(new Set(keys).size).toBe(1);
    // Another connection gets another key; a browser that reconnects with its key keeps it.
    const first = await keyOver(board, board.tokens.editor);
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.key).not.toBe(keys[0]);
    const resumed = await keyOver(board, board.tokens.editor, { previous: first.key! });
    expect(resumed.key).toBe(first.key);
    const viewer = await keyOver(board, board.tokens.viewer);
    expect(viewer.key).toBeNull();
    expect(viewer.refusal).toBe('This link can watch votes, not take part.');
  });

  it('issues at most VOTER_KEYS_PER_ADDRESS keys to one address and VOTER_KEYS_PER_LINK to one link', async () => {
    server = await startTestServer({ config: { trustProxy: true, voterKeyCaps: { perLink: 8, perAddress: 5 } } });
    const board = await createTestBoard(server);
    const fromOneAddress = [];
    for (let i = 0; i < 7; i++) fromOneAddress.push(await keyOver(board, board.tokens.editor, { from: '203.0.113.5' }));
    expect(fromOneAddress.filter((a) => a.key).length).toBe(5);
    expect(fromOneAddress.at(-1)!.refusal).toBe('5 people have already voted on this board from this network.');
    // Other addresses, same link: three more, then the link is full.
    const elsewhere = [];
    for (let i = 0; i < 4; i++) elsewhere.push(await keyOver(board, board.tokens.editor, { from: `198.51.100.${i + 1}` }));
    expect(elsewhere.filter((a) => a.key).length).toBe(3);
    expect(elsewhere.at(-1)!.refusal).toBe('This link has already given 8 people a vote on this board.');
    // Another link of the board has its own count.
    expect((await keyOver(board, board.tokens.facilitator, { from: '198.51.100.9' })).key).not.toBeNull();
  });
});
