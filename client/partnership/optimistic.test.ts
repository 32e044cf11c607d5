import { describe, expect, it } from 'vitest';
import type { PartnershipAnswer } from '../../shared/partnership';
import { applyEdit } from './optimistic';

const base: PartnershipAnswer = {
  id: 'p',
  name: 'P',
  region: 'R',
  sector: 'S',
  createdAt: '2026-01-01T00:00:00Z',
  role: 'member',
  memberRole: 'editor',
  boards: [],
  rubric: [{ date: '2026-01-01', dimension: 'industry-engagement', score: 2, band: 'exploring', rationale: '', board: 'b1' }],
  actions: [
    { id: 'a1', text: 'Call', owner: '', due: '', status: 'not-started', priorityArea: '', board: 'b1', source: null, createdAt: 'x', updatedAt: 'x' },
    { id: 'a1', text: 'Same id, other board', owner: '', due: '', status: 'not-started', priorityArea: '', board: 'b2', source: null, createdAt: 'x', updatedAt: 'x' },
  ],
};

describe('edits shown before the server has them', () => {
  it('changes only the action of that board', () => {
    const next = applyEdit(base, { kind: 'action', board: 'b2', action: 'a1', changes: { owner: 'Lee', status: 'done' } });
    expect(next.actions.map((a) => [a.board, a.owner, a.status])).toEqual([
      ['b1', '', 'not-started'],
      ['b2', 'Lee', 'done'],
    ]);
    expect(base.actions[1].owner).toBe('');
  });

  it('adds a new action with a temporary id and replaces an assessment’s score of the same board and date', () => {
    const added = applyEdit(base, { kind: 'new-action', board: 'b1', body: { text: 'Set the next meeting', owner: 'Ana' } });
    expect(added.actions.at(-1)).toMatchObject({ text: 'Set the next meeting', owner: 'Ana', board: 'b1', status: 'not-started' });
    expect(added.actions.at(-1)!.id).toMatch(/^pending:/);
    const scored = applyEdit(base, { kind: 'score', board: 'b1', body: { date: '2026-01-01', scores: { 'industry-engagement': 7, 'career-pathways': 3 } } });
    expect(scored.rubric).toEqual([
      { date: '2026-01-01', dimension: 'industry-engagement', score: 7, band: 'active', rationale: '', board: 'b1' },
      { date: '2026-01-01', dimension: 'career-pathways', score: 3, band: 'exploring', rationale: '', board: 'b1' },
    ]);
  });
});
