import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { launchMeetingFixture } from './fixtures';
import { launchMeeting } from './index';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('the launch meeting on the Upper Valley board', () => {
  const { records, ids } = launchMeetingFixture();
  const { results } = extractFixture(launchMeeting, records);

  it('builds records a client accepts, with the cards in their zones', () => {
    expectValidRecords(records);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['opportunities', 7],
      ['prioritise', 7],
      ['requirements', 8],
      ['champions', 5],
      ['next-steps', 3],
      ['wrap-up', 1],
    ]);
  });

  it('ties requirements and champions (directly or through a requirement) to each shared priority', () => {
    expect(figure(results.figures, 'shared-priorities')).toMatchObject({
      status: 'warn',
      rows: [
        { key: ids.homeCare, cells: ['Home-based care for an ageing population', 1, 1, 1], status: 'ok', itemIds: [ids.homeCare, ids.aides, ids.liu] },
        { key: ids.purchasing, cells: ['Joint purchasing of supplies', 0, 0, 0], status: 'warn', itemIds: [ids.purchasing] },
        {
          key: ids.surgery,
          cells: ['Outpatient surgery centres opening', 3, 2, 2],
          status: 'ok',
          // Priority requirements first; Whitfield through the evening cohort he committed to.
          itemIds: [ids.surgery, ids.secondShift, ids.surgTechs, ids.bus, ids.moreno, ids.whitfield],
        },
        // The reimbursement arrow was drawn backwards: it still counts.
        { key: ids.telehealth, cells: ['Telehealth for rural clinics', 2, 0, 1], status: 'ok', itemIds: [ids.telehealth, ids.broadband, ids.rules, ids.shah] },
      ],
    });
    expect(figure(results.figures, 'priority-count')).toMatchObject({ value: 4, target: 3, status: 'ok' });
  });

  it('counts requirements by kind and lists each champion with their next step', () => {
    expect((figure(results.figures, 'requirements-by-kind') as { rows: { cells: unknown[] }[] }).rows.map((r) => r.cells)).toEqual([
      ['Talent and skills', 1, 1],
      ['Education and training', 2, 2],
      ['Transportation or infrastructure', 1, 0],
      ['Technology', 1, 0],
      ['Policy or regulation', 2, 0],
      ['Kind not set', 1, 0],
    ]);
    expect(figure(results.figures, 'champions')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Dr. Alicia Moreno (St. Brigid Regional Hospital): for Outpatient surgery centres opening; next step: Host the first surgical tech task force call; will lead a task force', status: 'ok' },
        { text: 'Grace Liu (Riverbend Home Health): for Home-based care for an ageing population; next step: Invite two more agencies to the task force; will lead a task force', status: 'ok' },
        { text: 'James Whitfield (Valley General Hospital): for Outpatient surgery centres opening; next step: Send shift schedules to the college', status: 'ok' },
        { text: 'Priya Shah (Valley Pediatrics): for Telehealth for rural clinics; no next step yet', status: 'warn', itemIds: [ids.shah] },
        { text: 'Tom Becker (Cedar Lane Senior Living): not tied to a priority; next step: Share last year’s purchasing data', status: 'warn', itemIds: [ids.becker] },
      ],
    });
    expect(figure(results.figures, 'business-leaders-present')).toMatchObject({ value: 21, itemIds: [ids.record] });
  });

  it('drafts the executive summary from the board, and says it is not sent yet', () => {
    expect(figure(results.figures, 'executive-summary')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Healthcare partnership launch, 2026-06-18: 21 business leaders from 16 companies.' },
        { text: 'Shared priorities: Home-based care for an ageing population; Joint purchasing of supplies; Outpatient surgery centres opening; Telehealth for rural clinics.' },
        { text: 'Home-based care for an ageing population: needs Home health aides with a dementia credential (priority); champions: Grace Liu.' },
        { text: 'Joint purchasing of supplies: requirements still to define; no champion yet.', status: 'warn' },
        {
          text: 'Outpatient surgery centres opening: needs A second evening cohort of the surgical tech program (priority), Twice as many surgical technicians (priority), Bus service to the east campus; champions: Dr. Alicia Moreno, James Whitfield.',
        },
        { text: 'Telehealth for rural clinics: needs Broadband in the east county, Reimbursement rules for telehealth; champions: Priya Shah.' },
        {
          text: 'Next steps: Send the executive summary to every business (Tom (workforce board), 2026-06-20); Set the date of the next full partnership meeting (no owner yet); Short task force call for each priority (Maria (workforce board), within 3 weeks).',
          itemIds: [ids.summary, ids.nextMeeting, ids.calls],
        },
        { text: 'Not sent to the business members yet.', status: 'warn' },
      ],
    });
  });

  it('counts the arrows left out: a loose one and one between two champions', () => {
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 2, itemIds: [ids.checks, ids.becker, ids.moreno], connectionIds: [ids.looseNeed, ids.betweenChampions] });
  });
});

describe('the launch meeting: rules', () => {
  it('wants three to five shared priorities', () => {
    const f = fixtureFor(launchMeeting);
    const add = (n: number) => f.item('opportunity', { text: `Opportunity ${n}`, sharedPriority: true }, { zone: 'opportunities', x: 40 + n * 260, y: 80 });
    add(0);
    add(1);
    expect(figure(extractFixture(launchMeeting, f.build()).results.figures, 'priority-count')).toMatchObject({ value: 2, status: 'warn' });
    add(2);
    expect(figure(extractFixture(launchMeeting, f.build()).results.figures, 'priority-count')).toMatchObject({ value: 3, status: 'ok' });
    for (let n = 3; n < 6; n++) add(n);
    expect(figure(extractFixture(launchMeeting, f.build()).results.figures, 'priority-count')).toMatchObject({ value: 6, status: 'warn' });
  });

  it('says the summary was sent once the record has its date', () => {
    const f = fixtureFor(launchMeeting);
    f.item('opportunity', { text: 'Grow exports', sharedPriority: true }, { zone: 'opportunities', x: 40, y: 80 });
    f.item('launch-record', { name: 'Launch', summarySent: '2026-06-19' }, { zone: 'record', x: 40, y: 80 });
    const summary = figure(extractFixture(launchMeeting, f.build()).results.figures, 'executive-summary') as { entries: { text: string; status?: string }[] };
    expect(summary.entries.at(-1)).toEqual({ text: 'Sent to the business members on 2026-06-19.', status: 'ok' });
  });

  it('produces every figure, quiet, on an empty board', () => {
    const { results } = extractFixture(launchMeeting, fixtureFor(launchMeeting).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['shared-priorities', 'ok'],
      ['priority-count', 'info'],
      ['requirements-by-kind', 'info'],
      ['champions', 'info'],
      ['business-leaders-present', 'info'],
      ['executive-summary', 'info'],
      ['unfinished-connectors', 'ok'],
    ]);
  });
});
