import { describe, expect, it } from 'vitest';
import { changesSinceLastMeeting, filterActions, isOverdue, latestScores, rubricOverTime, suggestedTemplate, type PartnershipAction } from './partnership';

const action = (over: Partial<PartnershipAction>): PartnershipAction => ({
  id: 'action:x',
  text: 'Do it',
  owner: '',
  due: '',
  status: 'not-started',
  priorityArea: '',
  board: 'b1',
  source: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...over,
});

describe('suggestedTemplate', () => {
  it('suggests the first exercise of the journey the partnership has no board for', () => {
    expect(suggestedTemplate([])).toBe('universe-of-connections');
    expect(suggestedTemplate(['universe-of-connections', 'blank'])).toBe('many-tables-many-knocks');
    expect(suggestedTemplate(['universe-of-connections', 'many-tables-many-knocks', 'sector-scoping'])).toBe('launch-preparation');
  });
});

describe('rubricOverTime', () => {
  it('merges sessions of several boards by date, oldest first, the later board winning a same-day score', () => {
    const points = rubricOverTime([
      { date: '2026-03-01', dimension: 'industry-engagement', score: 5, band: 'developing', rationale: '', board: 'b2' },
      { date: '2026-01-01', dimension: 'industry-engagement', score: 2, band: 'exploring', rationale: '', board: 'b1' },
      { date: '2026-03-01', dimension: 'career-pathways', score: 3, band: 'exploring', rationale: '', board: 'b1' },
      { date: '2026-03-01', dimension: 'industry-engagement', score: 6, band: 'active', rationale: '', board: 'b3' },
    ]);
    expect(points).toEqual([
      { date: '2026-01-01', scores: { 'industry-engagement': { score: 2, board: 'b1' } } },
      { date: '2026-03-01', scores: { 'industry-engagement': { score: 6, board: 'b3' }, 'career-pathways': { score: 3, board: 'b1' } } },
    ]);
    expect(latestScores(points)).toEqual({
      'industry-engagement': { score: 6, date: '2026-03-01' },
      'regional-coordination': null,
      'career-pathways': { score: 3, date: '2026-03-01' },
    });
  });
});

describe('actions across boards', () => {
  it('counts an action overdue only with a past calendar due date and not done', () => {
    expect(isOverdue({ due: '2026-01-01', status: 'in-progress' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ due: '2026-01-02', status: 'in-progress' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due: '2026-01-01', status: 'done' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due: 'within 60 days', status: 'blocked' }, '2026-01-02')).toBe(false);
  });

  it('filters by board, owner and priority area ignoring case, status and overdue', () => {
    const list = [
      action({ id: 'a', board: 'b1', owner: 'Ana ', priorityArea: 'Launch', due: '2026-01-01' }),
      action({ id: 'b', board: 'b2', owner: 'Lee', status: 'done' }),
      action({ id: 'c', board: 'b2', owner: 'ana', priorityArea: 'launch' }),
    ];
    const ids = (f: Parameters<typeof filterActions>[1]) => filterActions(list, f, '2026-02-01').map((a) => a.id);
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ board: 'b2' })).toEqual(['b', 'c']);
    expect(ids({ owner: 'ANA' })).toEqual(['a', 'c']);
    expect(ids({ status: 'done' })).toEqual(['b']);
    expect(ids({ priorityArea: 'LAUNCH', board: 'b1' })).toEqual(['a']);
    expect(ids({ overdueOnly: true })).toEqual(['a']);
  });

  it('tells what changed since the meeting before the latest: new, done, overdue', () => {
    const boards = [{ meetingDate: '2026-01-10' }, { meetingDate: '2026-02-10' }, { meetingDate: '2026-03-10' }];
    const c = changesSinceLastMeeting(
      boards,
      [
        action({ id: 'old', createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-11T10:00:00Z', status: 'done' }),
        action({ id: 'new', createdAt: '2026-02-20T10:00:00Z', updatedAt: '2026-02-20T10:00:00Z' }),
        action({ id: 'finished', createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', status: 'done' }),
        action({ id: 'late', due: '2026-03-01', createdAt: '2026-01-10T10:00:00Z' }),
      ],
      '2026-03-12',
    );
    expect(c.since).toBe('2026-02-10');
    expect(c.added.map((a) => a.id)).toEqual(['new']);
    expect(c.done.map((a) => a.id)).toEqual(['finished']);
    expect(c.overdue.map((a) => a.id)).toEqual(['late']);
    expect(changesSinceLastMeeting([], [], '2026-03-12')).toEqual({ since: null, added: [], done: [], overdue: [] });
  });
});
