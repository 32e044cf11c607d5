import { describe, expect, it } from 'vitest';
import { parseRoute } from '../lib/route';
import { parseSummaries, parseSummary, parseTrainerLink } from './cohortApi';
import { parseTeamNames } from './teamNames';

describe('parseSummary', () => {
  it('reads a full summary', () => {
    const s = parseSummary({
      boardId: 'B1',
      team: 'North',
      title: 'Academy: North',
      present: [{ name: 'Ada', role: 'editor' }],
      stepId: 'tables',
      stepIndex: 1,
      stepTitle: 'Map the tables',
      timer: { status: 'running', durationMs: 60_000, endsAt: 5 },
      banner: 'Break at 11',
      items: 4,
      stickies: 2,
      connections: 1,
      lastActivity: '2026-05-04T10:00:00.000Z',
      thumbnail: '<svg/>',
    });
    expect(s).toMatchObject({ boardId: 'B1', team: 'North', items: 4, stepIndex: 1, timer: { status: 'running' }, present: [{ name: 'Ada', role: 'editor' }] });
  });

  it('reads missing or malformed fields as empty and drops entries without a board id', () => {
    expect(parseSummary({ boardId: 'B2', present: 'x', items: -1, timer: { status: 'weird' } })).toEqual({
      boardId: 'B2',
      team: '',
      title: '',
      present: [],
      stepId: null,
      stepIndex: null,
      stepTitle: null,
      timer: null,
      banner: null,
      items: 0,
      stickies: 0,
      connections: 0,
      lastActivity: null,
      thumbnail: '',
    });
    expect(parseSummaries([{ team: 'no id' }, null, { boardId: 'B3' }]).map((s) => s.boardId)).toEqual(['B3']);
    expect(parseSummaries('nope')).toEqual([]);
  });
});

describe('trainer links and the route', () => {
  it('parses a trainer link', () => {
    expect(parseTrainerLink('https://b.example/c/C1?token=abc')).toEqual({ id: 'C1', token: 'abc' });
    expect(parseTrainerLink('https://b.example/b/B1?token=abc')).toBeNull();
    expect(parseTrainerLink('https://b.example/c/C1')).toBeNull();
  });

  it('routes /c/<id> to the cohort dashboard', () => {
    expect(parseRoute({ pathname: '/c/C1', search: '?token=abc' })).toEqual({ name: 'cohort', cohortId: 'C1', token: 'abc' });
    expect(parseRoute({ pathname: '/c/C1/', search: '' })).toEqual({ name: 'cohort', cohortId: 'C1', token: null });
    expect(parseRoute({ pathname: '/c/%E0', search: '' })).toEqual({ name: 'not-found', path: '/c/%E0' });
  });
});

describe('parseTeamNames', () => {
  it('takes one team per line, trimmed, without blank lines', () => {
    expect(parseTeamNames(' North \r\n\nSouth\n  \n')).toEqual({ teams: ['North', 'South'], error: null });
  });

  it('refuses no teams and the same name twice', () => {
    expect(parseTeamNames('\n \n').error).toMatch(/at least one/);
    expect(parseTeamNames('North\nnorth').error).toMatch(/twice/);
  });
});
