import { atom } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { universeOfConnectionsTemplate as template } from '../../../exercises/universe-of-connections/template';
import type { VoteRound } from '../../../shared/doc/control';
import type { Role } from '../../../shared/roles';
import { ApiError } from '../../lib/api';
import type { ControlConnection } from '../sync/ControlConnection';
import { VotingState, type BallotApi, type VotingEnv } from './VotingState';

function round(patch: Partial<VoteRound> = {}): VoteRound {
  return {
    id: 'r1',
    stepId: 'place',
    perPerson: 2,
    perItem: 1,
    status: 'open',
    startedAt: 1,
    revealedAt: null,
    startedBy: 'Fay',
    voters: 0,
    tally: null,
    ...patch,
  };
}

function fakeControl(synced = true) {
  const voteId = atom<string | null>('voteId', null);
  const rounds = atom<ReadonlyMap<string, VoteRound>>('rounds', new Map());
  const syncedAtom = atom('synced', synced);
  const handlers = new Set<(s: boolean) => void>();
  const control = {
    voteId,
    rounds,
    synced: syncedAtom,
    currentRound() {
      const id = voteId.get();
      return id ? (rounds.get().get(id) ?? null) : null;
    },
    provider: {
      on: (_: string, h: (s: boolean) => void) => handlers.add(h),
      off: (_: string, h: (s: boolean) => void) => handlers.delete(h),
    },
    doc: { once() {} },
  };
  return {
    control: control as unknown as ControlConnection,
    setRound(r: VoteRound | null) {
      if (r) rounds.set(new Map([...rounds.get(), [r.id, r]]));
      voteId.set(r?.id ?? null);
    },
    reconnect() {
      for (const h of handlers) h(true);
    },
  };
}

interface Call {
  kind: 'get' | 'put';
  roundId: string;
  itemIds?: readonly string[];
  resolve(ids: string[]): void;
  reject(e: unknown): void;
}

/** An API whose answers the test gives by hand. */
function fakeApi() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const track = <T,>(p: Promise<T>) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return p.finally(() => inFlight--);
  };
  const api: BallotApi = {
    getBallot: (_b, roundId) => track(new Promise((resolve, reject) => calls.push({ kind: 'get', roundId, resolve, reject }))),
    putBallot: (_b, roundId, _v, _t, itemIds) => track(new Promise((resolve, reject) => calls.push({ kind: 'put', roundId, itemIds, resolve, reject }))),
  };
  return { api, calls, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(role: Role = 'editor') {
  const c = fakeControl();
  const a = fakeApi();
  const env: VotingEnv = { boardId: 'b', token: 't', role, control: c.control, template, me: () => ({ id: 'me', name: 'Me' }) };
  const state = new VotingState(env, a.api);
  return { ...c, ...a, state };
}

describe('VotingState', () => {
  it('loads my ballot when a round opens and refuses edits until then', async () => {
    const t = setup();
    t.setRound(round());
    expect(t.state.add('a', 'A')).toBe(false);
    expect(t.state.error.get()).toMatch(/loading/);
    await tick();
    expect(t.calls.map((c) => c.kind)).toEqual(['get']);
    t.calls[0].resolve(['a']);
    await tick();
    expect(t.state.loaded.get()).toBe(true);
    expect(t.state.mine.get()).toEqual(['a']);
  });

  it('sends one request at a time, the latest ballot after the one in flight', async () => {
    const t = setup();
    t.setRound(round({ perPerson: 3, perItem: null }));
    await tick();
    t.calls[0].resolve([]);
    await tick();
    expect(t.state.add('a', 'A')).toBe(true);
    expect(t.state.add('b', 'B')).toBe(true);
    expect(t.state.add('b', 'B')).toBe(true);
    expect(t.state.mine.get()).toEqual(['a', 'b', 'b']);
    expect(t.state.saving.get()).toBe(true);
    await tick();
    expect(t.calls.filter((c) => c.kind === 'put').map((c) => c.itemIds)).toEqual([['a']]);
    t.calls[1].resolve(['a']);
    await tick();
    expect(t.calls.filter((c) => c.kind === 'put').map((c) => c.itemIds)).toEqual([['a'], ['a', 'b', 'b']]);
    // The answer to the first request did not undo the later edits.
    expect(t.state.mine.get()).toEqual(['a', 'b', 'b']);
    t.calls[2].resolve(['a', 'b', 'b']);
    await tick();
    expect(t.state.saving.get()).toBe(false);
    expect(t.maxInFlight()).toBe(1);
  });

  it('refuses dots beyond the limits without asking the server', async () => {
    const t = setup();
    t.setRound(round());
    await tick();
    t.calls[0].resolve(['a']);
    await tick();
    expect(t.state.add('a', 'Chamber')).toBe(false);
    expect(t.state.error.get()).toMatch(/At most 1 dot per card: “Chamber”/);
    expect(t.state.add('b', 'B')).toBe(true);
    expect(t.state.add('c', 'C')).toBe(false);
    expect(t.state.error.get()).toMatch(/all 2 dots/);
    await tick();
    expect(t.calls.filter((c) => c.kind === 'put')).toHaveLength(1);
  });

  it('puts back the confirmed dots when the server refuses', async () => {
    const t = setup();
    t.setRound(round());
    await tick();
    t.calls[0].resolve(['a']);
    await tick();
    t.state.add('b', 'B');
    await tick();
    t.calls[1].reject(new ApiError(409, 'vote_closed', 'The vote is closed'));
    await tick();
    expect(t.state.mine.get()).toEqual(['a']);
    expect(t.state.error.get()).toMatch(/closed/);
    expect(t.state.saving.get()).toBe(false);
  });

  it('reads the ballot again on reconnect, and a new round starts empty', async () => {
    const t = setup();
    t.setRound(round());
    await tick();
    t.calls[0].resolve(['a']);
    await tick();
    t.reconnect();
    await tick();
    expect(t.calls.map((c) => c.kind)).toEqual(['get', 'get']);
    t.setRound(round({ id: 'r2' }));
    // The late answer for the old round is ignored.
    t.calls[1].resolve(['a', 'b']);
    await tick();
    expect(t.state.roundId.get()).toBe('r2');
    expect(t.state.mine.get()).toEqual([]);
    expect(t.calls[2]).toMatchObject({ kind: 'get', roundId: 'r2' });
  });

  it('drops dots on deleted cards with the next edit', async () => {
    const t = setup();
    t.setRound(round());
    await tick();
    t.calls[0].resolve(['deleted', 'a']);
    await tick();
    // Both dots used, but one is on a card that is gone: the new dot takes its place.
    expect(t.state.add('b', 'B', new Set(['deleted']))).toBe(true);
    expect(t.state.mine.get()).toEqual(['a', 'b']);
    await tick();
    expect(t.calls[1]).toMatchObject({ kind: 'put', itemIds: ['a', 'b'] });
  });

  it('says when the ballot cannot be read, and reads it again on request', async () => {
    const t = setup();
    t.setRound(round());
    await tick();
    t.calls[0].reject(new Error('offline'));
    await tick();
    expect(t.state.loaded.get()).toBe(false);
    expect(t.state.error.get()).toMatch(/could not be loaded/);
    t.state.reload();
    await tick();
    t.calls[1].resolve([]);
    await tick();
    expect(t.state.loaded.get()).toBe(true);
    expect(t.state.error.get()).toBeNull();
  });

  it('lets viewers watch only', async () => {
    const t = setup('viewer');
    t.setRound(round());
    await tick();
    t.calls[0]?.resolve([]);
    await tick();
    expect(t.state.canVote).toBe(false);
    expect(t.state.add('a', 'A')).toBe(false);
  });

  it('announces a reveal seen live, not the state found on opening (a start is the vote notice’s)', async () => {
    const c = fakeControl();
    c.setRound(round({ id: 'old', status: 'revealed', tally: {} }));
    const state = new VotingState(
      { boardId: 'b', token: 't', role: 'editor', control: c.control, template, me: () => ({ id: 'me', name: 'Me' }) },
      fakeApi().api,
    );
    expect(state.announcement.get()).toBeNull();
    c.setRound(round());
    expect(state.announcement.get()).toBeNull();
    c.setRound(round({ status: 'revealed', tally: { a: 1 } }));
    expect(state.announcement.get()?.text).toBe('Votes revealed.');
  });

  it('never asks the server for a viewer’s ballot, on a new round or a reconnect', async () => {
    const c = fakeControl();
    const { api, calls } = fakeApi();
    const state = new VotingState({ boardId: 'b', token: 't', role: 'viewer', control: c.control, template, me: () => ({ id: 'me', name: 'Me' }) }, api);
    c.setRound(round());
    await Promise.resolve();
    c.reconnect();
    await Promise.resolve();
    expect(calls).toEqual([]);
    expect(state.error.get()).toBeNull();
    expect(state.add('a', 'A')).toBe(false);
    expect(state.error.get()).toBe('Your link lets you watch the vote, not take part.');
    expect(calls).toEqual([]);
  });
});
