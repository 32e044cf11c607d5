import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, VoterKeyStatus } from '../../shared/protocol';
import { silentLogger } from '../runtime/log';
import type { Connection } from './Connection';
import { MemoryStorage } from '../storage/MemoryStorage';
import { prepareBoard } from '../boards/boardLinks';
import { VOTER_KEY_GRACE_MS, VoterKeys } from './voterKeys';

/** A stand-in for a board connection: what VoterKeys reads, and the frames it is sent. */
function fakeConnection(boardId: string, id: string) {
  const sent: Uint8Array[] = [];
  const conn = { id, boardId, role: 'editor', closed: false, origin: { tokenHash: 'link', address: '192.0.2.1' }, send: (f: Uint8Array) => sent.push(f) };
  return { conn: conn as unknown as Connection, sent };
}

const ask = (previous = '') => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.VoterKey);
  encoding.writeVarString(e, previous);
  return encoding.toUint8Array(e);
};
const keyIn = (frame: Uint8Array) => {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  expect(decoding.readVarUint(d)).toBe(VoterKeyStatus.Issued);
  return decoding.readVarString(d);
};

describe('voter keys', () => {
  it('count for ballots while a connection holds them, and for a grace period after the last one closed', async () => {
    const storage = new MemoryStorage();
    const prepared = prepareBoard({ template: 'blank', title: 'T', region: 'R', sector: 'S' });
    await storage.createBoard(prepared.row, prepared.tokenRows, prepared.state);
    let now = 1_000_000;
    const keys = new VoterKeys(storage, { perLink: 10, perAddress: 10 }, silentLogger, () => now);
    const { conn, sent } = fakeConnection(prepared.row.id, 'c1');
    await keys.request(conn, ask());
    const key = keyIn(sent[0]);
    const ballot = keys.ballotIdOf(prepared.row.id, key);
    expect(ballot).toMatch(/^k[0-9a-f]{40}$/);
    expect(keys.ballotIdOf('another-board', key)).toBeNull();
    keys.release(conn);
    now += VOTER_KEY_GRACE_MS - 1;
    expect(keys.ballotIdOf(prepared.row.id, key)).toBe(ballot);
    now += 2;
    expect(keys.ballotIdOf(prepared.row.id, key)).toBeNull();
    // The browser comes back with its key: the same ballot again.
    const again = fakeConnection(prepared.row.id, 'c2');
    await keys.request(again.conn, ask(key));
    expect(keyIn(again.sent[0])).toBe(key);
    expect(keys.ballotIdOf(prepared.row.id, key)).toBe(ballot);
  });
});
