import { describe, expect, it } from 'vitest';
import { silentLogger } from '../runtime/log';
import { MAX_PARTICIPANT_NAME, ParticipantRecorder, participantFromAwareness } from './ParticipantRecorder';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { Storage } from '../storage/Storage';
import { participantStore } from './participantStore';

const user = (u: Record<string, unknown>) => ({ user: { id: 'abc123', name: 'Maria', color: '#FF802B', role: 'editor', ...u }, presence: { cursor: { x: 1, y: 1 } } });

describe('participantFromAwareness', () => {
  it('keeps only the id, the cleaned name and the role of the link', () => {
    expect(participantFromAwareness(user({}), 'viewer')).toEqual({ userId: 'abc123', name: 'Maria', role: 'viewer' });
    expect(participantFromAwareness(user({ name: '  Ana \n\t María  ' }), 'editor')?.name).toBe('Ana María');
    expect(participantFromAwareness(user({ name: 'x\u0000y' }), 'editor')?.name).toBe('x y');
  });

  it('cuts long names (by character, not in the middle of an emoji)', () => {
    const name = `${'é'.repeat(MAX_PARTICIPANT_NAME - 1)}🚀tail`;
    expect(participantFromAwareness(user({ name }), 'editor')?.name).toBe(`${'é'.repeat(MAX_PARTICIPANT_NAME - 1)}🚀`);
  });

  it.each([
    ['no state', null],
    ['no user', { presence: {} }],
    ['a user that is not an object', { user: 'Maria' }],
    ['an empty name', user({ name: '   ' })],
    ['a name that is not text', user({ name: 42 })],
    ['an id that is not a plain random id', user({ id: 'abc 123' })],
    ['an over-long id', user({ id: 'a'.repeat(65) })],
    ['a missing id', user({ id: undefined })],
  ])('ignores a state with %s', (_what, state) => {
    expect(participantFromAwareness(state, 'editor')).toBeNull();
  });

  it('ignores an unknown role', () => {
    expect(participantFromAwareness(user({}), 'owner' as never)).toBeNull();
  });
});

function countingStorage() {
  const storage = new MemoryStorage();
  const calls: { name: string; role: string; at: string }[] = [];
  const participants = storage.feature(participantStore);
  const record = participants.record.bind(participants);
  participants.record = (boardId, p, at) => {
    calls.push({ name: p.name, role: p.role, at });
    return record(boardId, p, at);
  };
  return { storage, calls };
}

async function withBoard(storage: Storage) {
  await storage.createBoard({ id: 'b1', title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' }, [], new Uint8Array([0, 0]));
}

describe('ParticipantRecorder', () => {
  it('writes once per client per interval, but at once when the name or role changes', async () => {
    const { storage, calls } = countingStorage();
    await withBoard(storage);
    let now = 1_000_000;
    const rec = new ParticipantRecorder('b1', storage, silentLogger, 60_000, () => now);
    rec.seen(1, user({}), 'editor');
    for (let i = 0; i < 50; i++) {
      now += 100;
      rec.seen(1, user({}), 'editor'); // cursor moves
    }
    expect(calls).toHaveLength(1);
    rec.seen(1, user({ name: 'Maria G.' }), 'editor');
    expect(calls.map((c) => c.name)).toEqual(['Maria', 'Maria G.']);
    now += 60_000;
    rec.seen(1, user({ name: 'Maria G.' }), 'editor');
    expect(calls).toHaveLength(3);
    expect(calls[2].at).toBe(new Date(now).toISOString());
  });

  it('tracks clients apart and writes the last-seen time once more when a client leaves', async () => {
    const { storage, calls } = countingStorage();
    await withBoard(storage);
    let now = Date.parse('2026-04-20T09:00:00Z');
    const rec = new ParticipantRecorder('b1', storage, silentLogger, 60_000, () => now);
    rec.seen(1, user({}), 'editor');
    rec.seen(2, user({ id: 'other9', name: 'Lee' }), 'viewer');
    now += 5_000;
    rec.gone(1);
    rec.gone(1); // already forgotten
    rec.gone(3); // never seen
    expect(calls.map((c) => c.name)).toEqual(['Maria', 'Lee', 'Maria']);
    await new Promise((r) => setTimeout(r, 0));
    expect(await storage.feature(participantStore).list('b1')).toEqual([
      { userId: 'abc123', name: 'Maria', role: 'editor', firstSeen: '2026-04-20T09:00:00.000Z', lastSeen: '2026-04-20T09:00:05.000Z' },
      { userId: 'other9', name: 'Lee', role: 'viewer', firstSeen: '2026-04-20T09:00:00.000Z', lastSeen: '2026-04-20T09:00:00.000Z' },
    ]);
  });

  it('writes nothing for states that name nobody', async () => {
    const { storage, calls } = countingStorage();
    await withBoard(storage);
    const rec = new ParticipantRecorder('b1', storage, silentLogger);
    rec.seen(1, { presence: {} }, 'editor');
    rec.seen(2, null, 'editor');
    rec.gone(1);
    expect(calls).toEqual([]);
  });

  it('logs a failed write instead of throwing into the relay', async () => {
    const storage = new MemoryStorage(); // no board b1: the write fails
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (event: string) => void warnings.push(event) };
    new ParticipantRecorder('b1', storage, logger).seen(1, user({}), 'editor');
    await new Promise((r) => setTimeout(r, 0));
    expect(warnings).toEqual(['participant.store_failed']);
  });
});
