import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { daysAhead } from './figures';
import { launchPreparationFixture } from './fixtures';
import { launchPreparation } from './index';
import { STANDARD_NEXT_STEPS } from './template';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('preparing to launch on the Upper Valley board', () => {
  const { records, ids } = launchPreparationFixture();
  const { results } = extractFixture(launchPreparation, records);

  it('builds records a client accepts, with the cards in their zones', () => {
    expectValidRecords(records);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['team-ready', 0],
      ['scope-ready', 0],
      ['convener', 4],
      ['support-roles', 3],
      ['companies', 9],
      ['meeting', 2],
      ['next-steps', 0],
    ]);
  });

  it('rates the convener candidates and flags a chosen co-convener short of staff time', () => {
    expect(figure(results.figures, 'convener-choice')).toMatchObject({
      status: 'warn',
      rows: [
        { key: ids.chamber, cells: ['Upper Valley Chamber', 4, 3, 2, 'Not chosen'] },
        { key: ids.workforce, cells: ['Upper Valley Workforce Board', 5, 4, 4, 'Lead convener'], status: 'ok' },
        { key: ids.college, cells: ['Valley Community College', 4, 3, '', 'Not decided'] },
        { key: ids.alliance, cells: ['Valley Economic Alliance', 3, 2, 4, 'Co-convener'], status: 'warn' },
      ],
    });
    expect((figure(results.figures, 'convener-choice') as { rows: { status?: string }[] }).rows[0].status).toBeUndefined();
  });

  it('checks every support partner listens at employer meetings and has a part in the work', () => {
    expect(figure(results.figures, 'support-roles')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Northside Adult Education: listens at employer meetings; its part not written yet', status: 'warn', itemIds: [ids.adultEd] },
        { text: 'Upper Valley Chamber: not yet agreed to listen at employer meetings; its part: Host the networking breakfast', status: 'warn', itemIds: [ids.chamberSupport] },
        { text: 'Valley Community College: listens at employer meetings; its part: Expand nursing cohorts once employers set the numbers', status: 'ok', itemIds: [ids.collegeSupport] },
      ],
    });
  });

  it('lists the chair candidates, the champions signing and who nobody is reaching', () => {
    expect(figure(results.figures, 'chair-candidates')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Dr. Alicia Moreno (St. Brigid Regional Hospital): civic entrepreneur; confirmed; reached by Maria', status: 'ok', itemIds: [ids.moreno] },
        { text: 'Grace Liu (Riverbend Home Health): civic entrepreneur; not invited yet; nobody to reach out yet', status: 'warn', itemIds: [ids.liu] },
        { text: 'James Whitfield (Valley General Hospital): civic entrepreneur; confirmed; reached by Dean Okafor', status: 'ok', itemIds: [ids.whitfield] },
      ],
    });
    // Mark Olsen declined: his signature does not count.
    expect(figure(results.figures, 'champions-signing')).toMatchObject({ value: 3, target: 3, status: 'ok', itemIds: [ids.moreno, ids.whitfield, ids.shah] });
    expect(figure(results.figures, 'outreach-gaps')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'CEO: nobody on the team knows them yet; nobody assigned to reach out', itemIds: [ids.emptyCeo] },
        { text: 'Grace Liu: nobody on the team knows them yet; nobody assigned to reach out', itemIds: [ids.liu] },
        { text: 'Rosa Vega: nobody assigned to reach out', itemIds: [ids.vega] },
      ],
    });
  });

  it('groups the invitation list by sub-sector, whatever the spelling, with each status', () => {
    expect(figure(results.figures, 'invitation-list')).toMatchObject({
      rows: [
        { key: 'acute care', cells: ['Acute care', 2, 0, 0, 2, 0], itemIds: [ids.moreno, ids.whitfield] },
        { key: 'clinics', cells: ['Clinics', 2, 0, 1, 0, 1], itemIds: [ids.olsen, ids.shah] },
        { key: 'home health', cells: ['Home health', 2, 2, 0, 0, 0], itemIds: [ids.liu, ids.vega] },
        { key: 'long-term care', cells: ['Long-term care', 1, 0, 1, 0, 0], itemIds: [ids.becker] },
        { key: 'not-set', cells: ['Sub-sector not set', 2, 1, 1, 0, 0], status: 'info', itemIds: [ids.emptyCeo, ids.ito] },
      ],
    });
  });

  it('checks the meeting: date, place at a company, signed invitation sent three weeks ahead, follow-up calls', () => {
    const rows = (figure(results.figures, 'meeting-readiness') as { rows: { cells: unknown[]; status?: string }[] }).rows;
    expect(rows.map((r) => [...r.cells, r.status])).toEqual([
      ['Date and time set', 'Yes', '2026-06-18, 7:30-9:30 am', 'ok'],
      ['Location set', 'Yes', 'St. Brigid Regional Hospital, conference center', 'ok'],
      ['At a company’s site', 'Yes', 'yes', 'ok'],
      // Nobody written on the meeting card: the leaders who sign (not the one who declined).
      ['Invitation signed by champions', 'Yes', 'Dr. Alicia Moreno, James Whitfield, Priya Shah', 'ok'],
      ['Sent 3-4 weeks ahead', 'Yes', '21 days ahead', 'ok'],
      ['Follow-up calls made', 'No', '', 'warn'],
    ]);
  });
});

describe('preparing to launch: rules', () => {
  it('starts every board with the worksheet’s three next steps', () => {
    expect(launchPreparation.template.startingActions).toEqual(STANDARD_NEXT_STEPS);
    expect(STANDARD_NEXT_STEPS).toHaveLength(3);
  });

  it('counts days between two YYYY-MM-DD dates, and nothing for other text', () => {
    expect(daysAhead('2026-05-28', '2026-06-18')).toBe(21);
    expect(daysAhead('2026-06-10', '2026-06-18')).toBe(8);
    expect(daysAhead('June 1', '2026-06-18')).toBeNull();
    expect(daysAhead('', '2026-06-18')).toBeNull();
  });

  it('flags an invitation sent late, a meeting away from companies, and more than three chairs', () => {
    const f = fixtureFor(launchPreparation);
    f.item('launch-plan', { name: 'Launch', date: '2026-06-18', time: '8 am', location: 'College hall', invitationSent: '2026-06-10', signedBy: 'Dana' }, { zone: 'meeting', x: 40, y: 80 });
    for (let n = 0; n < 4; n++) f.item('ceo', { name: `Leader ${n}`, chairCandidate: true, outreachBy: 'Maria', knownBy: 'Maria' }, { zone: 'companies', x: 40 + n * 300, y: 80 });
    const { results } = extractFixture(launchPreparation, f.build());
    const rows = (figure(results.figures, 'meeting-readiness') as { rows: { cells: unknown[] }[] }).rows;
    expect(rows.filter((r) => r.cells[1] === 'No').map((r) => [r.cells[0], r.cells[2]])).toEqual([
      ['At a company’s site', 'not at a company'],
      ['Sent 3-4 weeks ahead', '8 days ahead'],
      ['Follow-up calls made', ''],
    ]);
    expect(figure(results.figures, 'chair-candidates')).toMatchObject({ status: 'warn', entries: expect.arrayContaining([{ text: '4 chair candidates: narrow them to the top three', status: 'warn' }]) });
    expect(figure(results.figures, 'champions-signing')).toMatchObject({ value: 0, status: 'warn' });
  });

  it('accepts a pair of co-conveners and refuses three', () => {
    const f = fixtureFor(launchPreparation);
    const ok = { credibility: 4, staffing: 4, neutrality: 4 };
    f.item('convener-candidate', { organization: 'A', ...ok, decision: 'co' }, { zone: 'convener', x: 40, y: 80 });
    f.item('convener-candidate', { organization: 'B', ...ok, decision: 'co' }, { zone: 'convener', x: 340, y: 80 });
    expect(figure(extractFixture(launchPreparation, f.build()).results.figures, 'convener-choice').status).toBe('ok');
    f.item('convener-candidate', { organization: 'C', ...ok, decision: 'co' }, { zone: 'convener', x: 640, y: 80 });
    expect(figure(extractFixture(launchPreparation, f.build()).results.figures, 'convener-choice').status).toBe('warn');
  });

  it('produces every figure, quiet, on an empty board', () => {
    const { results } = extractFixture(launchPreparation, fixtureFor(launchPreparation).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['convener-choice', 'info'],
      ['support-roles', 'ok'],
      ['chair-candidates', 'info'],
      ['champions-signing', 'info'],
      ['invitation-list', 'info'],
      ['outreach-gaps', 'ok'],
      ['meeting-readiness', 'info'],
    ]);
  });
});
