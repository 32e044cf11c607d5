import { describe, expect, it } from 'vitest';
import { CoveredUpdates, SWEEP_BATCH } from './coveredUpdates';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A fake store: `left` covered rows per board; every drop is recorded as `<board>:<deleted>`. */
function fakeStore(left: Record<string, number>) {
  const calls: string[] = [];
  const drop = (boardId: string, _kind: string, limit: number) => {
    const n = Math.min(limit, left[boardId]);
    left[boardId] -= n;
    calls.push(`${boardId}:${n}`);
    return n;
  };
  return { calls, drop };
}

describe('the background deletion of covered updates', () => {
  it('deletes one batch per turn of the event loop, taking the documents in turn', async () => {
    expect(SWEEP_BATCH).toBe(100);
    const left = { a: 250, b: 120 };
    const { calls, drop } = fakeStore(left);
    const sweeper = new CoveredUpdates(drop);
    sweeper.sweep('a', 'board');
    sweeper.sweep('b', 'board');
    // Nothing in the turn that compacted: the forward of that turn's writes comes first.
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual(['a:100']);
    while (left.a + left.b > 0) await nextTurn();
    expect(calls).toEqual(['a:100', 'b:100', 'a:100', 'b:20', 'a:50']);
    await nextTurn();
    expect(calls).toHaveLength(5);
  });

  it('reports a failed batch and leaves that document until it is swept again', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const calls: string[] = [];
    const sweeper = new CoveredUpdates(async (boardId) => {
      calls.push(boardId);
      if (fail) throw new Error('disk full');
      return 0;
    }, (error) => errors.push(error));
    sweeper.sweep('a', 'board');
    await nextTurn();
    await nextTurn();
    expect(errors).toHaveLength(1);
    await nextTurn();
    expect(calls).toEqual(['a']);
    fail = false;
    sweeper.sweep('a', 'board');
    await nextTurn();
    expect(calls).toEqual(['a', 'a']);
  });

  it('stops when closed, after the batch under way', async () => {
    const left = { a: 1000 };
    const { calls, drop } = fakeStore(left);
    const sweeper = new CoveredUpdates(drop);
    sweeper.sweep('a', 'board');
    await nextTurn();
    await sweeper.close();
    await nextTurn();
    await nextTurn();
    expect(calls).toEqual(['a:100']);
    sweeper.sweep('a', 'board');
    await nextTurn();
    expect(calls).toEqual(['a:100']);
  });
});
