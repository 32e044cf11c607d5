import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { momentumFixture } from './fixtures';
import { momentumAndSustaining } from './index';
import { CONVENER_QUESTIONS, EMPLOYER_QUESTIONS, IDEAS_TO_ACTION, SUPPORT_TEAM_QUESTIONS } from './items';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;
const rowsOf = (figures: Figure[], id: string) => (figure(figures, id) as { rows: { cells: unknown[]; status?: string; itemIds?: string[] }[] }).rows;

describe('building momentum on the Three Rivers board', () => {
  const { records, ids } = momentumFixture();
  const { results } = extractFixture(momentumAndSustaining, records);

  it('builds records a client accepts, with the cards in their zones', () => {
    expectValidRecords(records);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['ideas-to-action', 5],
      ['what-is-needed', 5],
      ['conveners', 2],
      ['support-team', 3],
      ['employers', 3],
      ['next-momentum', 2],
      ['next-sustain', 1],
    ]);
  });

  it('asks the manual’s five checks and each role’s questions', () => {
    expect([IDEAS_TO_ACTION.length, CONVENER_QUESTIONS.length, SUPPORT_TEAM_QUESTIONS.length, EMPLOYER_QUESTIONS.length]).toEqual([5, 6, 4, 5]);
  });

  it('counts yes, not yet and no for each ideas-to-action check across the cards', () => {
    expect(rowsOf(results.figures, 'ideas-to-action').map((r) => [...r.cells, r.status, r.itemIds])).toEqual([
      ['Task teams with business leaders', 2, 0, 0, 0, 'ok', []],
      ['Outcomes and quick wins', 1, 1, 0, 0, 'info', [ids.team]],
      ['Lead employer champions', 0, 1, 1, 0, 'warn', [ids.transit, ids.team]],
      // The transit team left it empty.
      ['Community partners in', 1, 0, 0, 1, 'ok', []],
      ['Convener keeps it running', 2, 0, 0, 0, 'ok', []],
    ]);
    expect(figure(results.figures, 'what-is-needed')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Ask employers to lead a task team or the partnership: Ask Dana Ruiz to chair the machinist task team (Tom)', status: 'ok', itemIds: [ids.askDana] },
        { text: 'Find quick wins and mobilise support partners: Plant tours for two CTE classes before spring break (nobody has taken it on)', status: 'warn', itemIds: [ids.tours] },
      ],
    });
  });

  it('tells who answered in each role, and how each role answered its questions', () => {
    expect(rowsOf(results.figures, 'respondents').map((r) => r.cells)).toEqual([
      ['Conveners', 2, 'Lena Fischer, Tom Okafor'],
      ['Support partners', 3, 'Ann Lee, Raj Patel'],
      ['Employers', 3, 'Dana Ruiz, Gary Pratt, Priya Nair'],
    ]);
    expect(rowsOf(results.figures, 'convener-answers').map((r) => r.cells)).toEqual([
      ['Off stop-gap money', 0, 1, 1, 0],
      ['My job has changed', 2, 0, 0, 0],
      ['Our standard way', 1, 1, 0, 0],
      ['Mapping who can help', 0, 1, 1, 0],
      ['Yearly fresh look', 1, 0, 0, 1],
      ['Successes written up', 1, 1, 0, 0],
    ]);
    expect(rowsOf(results.figures, 'support-team-answers').map((r) => [...r.cells, r.status])).toEqual([
      ['Building solutions', 1, 1, 0, 1, 'info'],
      ['Giving resources', 2, 0, 0, 1, 'ok'],
      ['Working differently with employers', 1, 1, 0, 1, 'info'],
      ['Commitment in writing', 1, 0, 1, 1, 'warn'],
    ]);
    expect(rowsOf(results.figures, 'employer-answers').find((r) => r.cells[0] === 'Partner, not customer')).toEqual({
      key: 'partner',
      cells: ['Partner, not customer', 2, 0, 1, 0],
      status: 'warn',
      itemIds: [ids.gary],
    });
  });

  it('lists the next steps of both closing questions, not other action cards', () => {
    expect(figure(results.figures, 'next-steps')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Momentum: Monthly task team calls with a written agenda (Tom, from May)', status: 'ok', itemIds: [ids.calls] },
        { text: 'Momentum: Publish the first quick win in the chamber newsletter (no owner yet)', status: 'warn', itemIds: [ids.newsletter] },
        { text: 'Sustainability: Ask the county for two years of convening funds (Lena, Q3)', status: 'ok', itemIds: [ids.funds] },
      ],
    });
  });
});

describe('building momentum: rules', () => {
  it('asks what is needed when a check falls short and nothing says how to help', () => {
    const f = fixtureFor(momentumAndSustaining);
    f.item('ideas-to-action', { answeredBy: 'Team', taskTeams: 'not-yet' }, { zone: 'ideas', x: 40, y: 80 });
    expect(figure(extractFixture(momentumAndSustaining, f.build()).results.figures, 'what-is-needed')).toMatchObject({
      status: 'warn',
      entries: [{ text: 'Some checks are no or not yet, and nothing says yet what would help.', status: 'warn' }],
    });
  });

  it('produces every figure, quiet, on an empty board', () => {
    const { results } = extractFixture(momentumAndSustaining, fixtureFor(momentumAndSustaining).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['ideas-to-action', 'info'],
      ['what-is-needed', 'info'],
      ['respondents', 'info'],
      ['convener-answers', 'info'],
      ['support-team-answers', 'info'],
      ['employer-answers', 'info'],
      ['next-steps', 'info'],
    ]);
  });
});
