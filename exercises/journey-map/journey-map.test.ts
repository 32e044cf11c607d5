import { describe, expect, it } from 'vitest';
import { expectValidRecords, extractFixture, fixtureFor, migrateFromFirstVersion } from '../kit/testing';
import type { Figure } from '../../shared/results';
import { journeyMapFixture } from './fixtures';
import { journeyMap } from './index';

const JOB_CENTER = 'Job Center Business Services';
const COLLEGE = 'Riverbend Community College';

const figure = (figures: Figure[], id: string) => {
  const found = figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};

describe('journey-map template', () => {
  it('offers the employer and jobseeker variants and lays its zones out without overlap', () => {
    const t = journeyMap.template;
    expect(t.id).toBe('journey-map');
    expect(t.variants).toEqual([
      { id: 'employer', title: 'Employer journey' },
      { id: 'jobseeker', title: 'Jobseeker or student journey' },
    ]);
    expect(t.zones.map((z) => z.id)).toEqual(['quotes', 'stage-engagement', 'stage-referral', 'stage-follow-through', 'stage-services', 'stage-other']);
    for (const a of t.zones) {
      for (const b of t.zones) {
        if (a === b) continue;
        const apart = a.x + a.w + 80 <= b.x || b.x + b.w + 80 <= a.x || a.y + a.h + 80 <= b.y || b.y + b.h + 80 <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
    const zoneIds = new Set(t.zones.map((z) => z.id));
    for (const s of t.steps) if (s.zoneId) expect(zoneIds.has(s.zoneId)).toBe(true);
  });
});

describe('journey-map extraction of the Three Rivers fixture', () => {
  const { records, ids } = journeyMapFixture();
  const { results } = extractFixture(journeyMap, records, 'employer');

  it('builds records the board schema accepts', () => {
    expectValidRecords(records);
  });

  it('extracts the typed cards, ignoring the sticky, the untyped arrow and the deleted step', () => {
    const count = (type: string) => results.items.filter((i) => i.type === type).length;
    expect(count('journey-step')).toBe(10);
    expect(count('quote')).toBe(3);
    expect(results.items).toHaveLength(13);
    expect(results.items.some((i) => i.id === ids.jcCheckIn)).toBe(false);
  });

  it('places each card in the stage column holding its centre and lists it under that step', () => {
    expect(results.steps).toEqual([
      { id: 'what-they-say', title: 'What they say about us', zoneId: 'quotes', itemIds: [ids.quoteCalls, ids.quoteBlank, ids.quoteGrant] },
      { id: 'solo-draft', title: 'Draft your path alone', zoneId: null, itemIds: [] },
      { id: 'engagement', title: 'Point of engagement', zoneId: 'stage-engagement', itemIds: [ids.jcCall, ids.colAdvisory, ids.aeCall] },
      { id: 'referral', title: 'Referrals', zoneId: 'stage-referral', itemIds: [ids.aeResumes, ids.jcRefer] },
      { id: 'follow-through', title: 'Follow-through', zoneId: 'stage-follow-through', itemIds: [ids.blankStep, ids.colVisit] },
      { id: 'services', title: 'Services received', zoneId: 'stage-services', itemIds: [ids.jcScreen, ids.colTraining] },
      { id: 'other-stages', title: 'Stages beyond these', zoneId: 'stage-other', itemIds: [] },
      { id: 'mark-points', title: 'Mark strong and weak points', zoneId: null, itemIds: [] },
    ]);
    const vr = results.items.find((i) => i.id === ids.vrCoaching)!;
    expect(vr).toMatchObject({ zoneId: null, stepIds: [] });
    const blank = results.items.find((i) => i.id === ids.blankStep)!;
    expect(blank).toMatchObject({ title: 'Journey step', fields: { program: '', stage: '', description: '', annotation: '' } });
  });

  it('reads the handoffs with their ends, leaving the loose and the orphaned end null', () => {
    const summary = results.connections.map((c) => [c.id, c.fromId, c.toId, c.fields.quality, c.complete]);
    expect(summary).toEqual([
      [ids.hJcInternal, ids.jcCall, ids.jcRefer, 'smooth', true],
      [ids.hJcToCollege, ids.jcRefer, ids.colTraining, 'bumpy', true],
      [ids.hAeToJc, ids.aeResumes, ids.jcCall, 'broken', true],
      [ids.hCollegeInternal, ids.colAdvisory, ids.colVisit, '', true],
      [ids.hAeInternal, ids.aeCall, ids.aeResumes, 'smooth', true],
      [ids.hLoose, ids.colTraining, null, 'bumpy', false],
      [ids.hToDeleted, ids.jcScreen, null, 'smooth', false],
      [ids.hCollegeToVr, ids.colVisit, ids.vrCoaching, '', true],
      [ids.hBlankToJc, ids.blankStep, ids.jcScreen, 'smooth', true],
    ]);
    expect(results.connections.find((c) => c.id === ids.hAeToJc)!.fields).toEqual({ quality: 'broken', notes: 'Resumes sit in a shared inbox' });
  });

  it('computes every employer figure', () => {
    expect(results.figures).toEqual([
      {
        id: 'steps-by-program-stage',
        kind: 'table',
        label: 'Steps per program and stage',
        help: 'How many steps each program puts in front of a business at each stage; a stage column is the truth, the stage field only counts for cards outside the columns.',
        columns: ['Program', 'Point of engagement', 'Referral', 'Follow-through', 'Services received', 'Stage not set', 'Total'],
        rows: [
          { key: 'adult education', cells: ['Adult Education', 1, 1, 0, 0, 0, 2], itemIds: [ids.aeResumes, ids.aeCall] },
          { key: 'job center business services', cells: [JOB_CENTER, 1, 1, 0, 1, 0, 3], itemIds: [ids.jcCall, ids.jcRefer, ids.jcScreen] },
          { key: 'riverbend community college', cells: [COLLEGE, 1, 0, 1, 1, 0, 3], itemIds: [ids.colAdvisory, ids.colVisit, ids.colTraining] },
          { key: 'vocational rehabilitation', cells: ['Vocational Rehabilitation', 0, 0, 0, 1, 0, 1], itemIds: [ids.vrCoaching] },
          { key: '(no program)', cells: ['(no program)', 0, 0, 1, 0, 0, 1], itemIds: [ids.blankStep], status: 'warn' },
        ],
        status: 'warn',
      },
      {
        id: 'cross-program-handoffs',
        kind: 'table',
        label: 'Handoffs across programs',
        help: 'Where a business is passed from one program to another, and how well those handoffs work; a broken one is where people get lost.',
        columns: ['From program', 'To program', 'Handoffs', 'Smooth', 'Bumpy', 'Broken', 'Not rated'],
        rows: [
          { key: `Adult Education → ${JOB_CENTER}`, cells: ['Adult Education', JOB_CENTER, 1, 0, 0, 1, 0], itemIds: [ids.aeResumes, ids.jcCall], status: 'warn' },
          { key: `${JOB_CENTER} → ${COLLEGE}`, cells: [JOB_CENTER, COLLEGE, 1, 0, 1, 0, 0], itemIds: [ids.jcRefer, ids.colTraining] },
          { key: `${COLLEGE} → Vocational Rehabilitation`, cells: [COLLEGE, 'Vocational Rehabilitation', 1, 0, 0, 0, 1], itemIds: [ids.colVisit, ids.vrCoaching] },
        ],
        status: 'warn',
      },
      {
        id: 'redundant-steps',
        kind: 'list',
        label: 'Redundant steps',
        help: 'Steps marked as repeating what another program already does with the same business: candidates for coordination.',
        status: 'warn',
        entries: [
          { text: 'Adult Education · Point of engagement: Calls the same HR manager about an English class', status: 'warn', itemIds: [ids.aeCall] },
          { text: `${COLLEGE} · Point of engagement: Advisory committee invites the plant manager`, status: 'warn', itemIds: [ids.colAdvisory] },
        ],
        empty: 'No step is marked as a redundancy.',
      },
      {
        id: 'weak-points',
        kind: 'list',
        label: 'Weak points',
        help: 'Steps the team marked as weak in the journey of a business.',
        status: 'warn',
        entries: [{ text: 'Adult Education · Referral: Emails graduates’ resumes to the job center', status: 'warn', itemIds: [ids.aeResumes] }],
        empty: 'No step is marked as a weak point.',
      },
      {
        id: 'strong-points',
        kind: 'list',
        label: 'Strong points',
        help: 'Steps the team marked as strong: practices worth keeping or spreading to other programs.',
        status: 'ok',
        entries: [
          { text: `${JOB_CENTER} · Services received: Posts openings and screens candidates`, status: 'ok', itemIds: [ids.jcScreen] },
          { text: `${COLLEGE} · Follow-through: Instructor visits the plant after each cohort`, status: 'ok', itemIds: [ids.colVisit] },
        ],
        empty: 'No step is marked as a strong point yet.',
      },
      {
        id: 'rough-handoffs',
        kind: 'list',
        label: 'Bumpy and broken handoffs',
        help: 'Handoffs rated bumpy or broken, within or across programs, with the team’s notes.',
        status: 'warn',
        entries: [
          { text: `Adult Education → ${JOB_CENTER}, broken: Resumes sit in a shared inbox`, status: 'warn', itemIds: [ids.aeResumes, ids.jcCall] },
          { text: `${JOB_CENTER} → ${COLLEGE}, bumpy: Two weeks before anyone calls the plant back`, status: 'info', itemIds: [ids.jcRefer, ids.colTraining] },
        ],
        empty: 'No handoff is rated bumpy or broken.',
      },
      {
        id: 'no-follow-through',
        kind: 'list',
        label: 'Programs with no follow-through',
        help: 'Programs whose lane has no step at the follow-through stage: nobody checks back with a business.',
        status: 'warn',
        entries: [
          { text: 'Adult Education (2 steps, none at follow-through)', status: 'warn', itemIds: [ids.aeResumes, ids.aeCall] },
          { text: `${JOB_CENTER} (3 steps, none at follow-through)`, status: 'warn', itemIds: [ids.jcCall, ids.jcRefer, ids.jcScreen] },
          { text: 'Vocational Rehabilitation (1 step, none at follow-through)', status: 'warn', itemIds: [ids.vrCoaching] },
        ],
        empty: 'Every program has a follow-through step.',
      },
      {
        id: 'stage-mismatch',
        kind: 'list',
        label: 'Stage field differs from column',
        help: 'Steps placed in one stage column but marked with another stage; the column is what counts.',
        status: 'info',
        entries: [{ text: `${COLLEGE} · Services received: Customized CNC training for incumbent workers, marked Referral`, status: 'info', itemIds: [ids.colTraining] }],
        empty: 'Every step sits in the column of its stage.',
      },
      {
        id: 'unfinished-handoffs',
        kind: 'number',
        label: 'Unfinished handoffs',
        help: 'Handoff arrows with an end not attached to a step; attach both ends so they count.',
        value: 2,
        status: 'info',
        itemIds: [ids.colTraining, ids.jcScreen],
      },
    ]);
  });
});

describe('journey-map figures by variant', () => {
  function markedBoard() {
    const f = fixtureFor(journeyMap);
    const a = f.item('journey-step', { program: 'Youth program', description: 'Intake interview', annotation: 'missed-connection' }, { zone: 'stage-engagement', x: 40, y: 40 });
    const b = f.item('journey-step', { program: 'Youth program', description: 'Shares a job lead', annotation: 'redundant' }, { zone: 'stage-referral', x: 40, y: 40 });
    return { records: f.build(), a, b };
  }

  it('lists missed connections instead of redundant steps on a jobseeker map', () => {
    const { records, a } = markedBoard();
    const { results } = extractFixture(journeyMap, records, 'jobseeker');
    const ids = results.figures.map((f) => f.id);
    expect(ids).toContain('missed-connections');
    expect(ids).not.toContain('redundant-steps');
    expect(figure(results.figures, 'missed-connections')).toMatchObject({
      status: 'warn',
      entries: [{ text: 'Youth program · Point of engagement: Intake interview', status: 'warn', itemIds: [a] }],
    });
    expect(figure(results.figures, 'weak-points').help).toBe('Steps the team marked as weak in the journey of a jobseeker or student.');
  });

  it('reports the points of connection on a jobseeker map, and not on an employer map', () => {
    const f = fixtureFor(journeyMap);
    const linked = f.item('journey-step', { program: 'Youth program', description: 'Warm handoff to the college navigator', annotation: 'connection' }, { zone: 'stage-referral', x: 40, y: 40 });
    const jobseeker = extractFixture(journeyMap, f.build(), 'jobseeker').results.figures;
    expect(figure(jobseeker, 'connection-points')).toMatchObject({
      status: 'ok',
      entries: [{ text: 'Youth program · Referral: Warm handoff to the college navigator', status: 'ok', itemIds: [linked] }],
    });
    expect(extractFixture(journeyMap, f.build(), 'employer').results.figures.map((x) => x.id)).not.toContain('connection-points');
  });

  it('reads a board without a variant, or with an unknown one, as an employer map', () => {
    const { records, b } = markedBoard();
    for (const variant of [null, 'employer', 'something-else']) {
      const { results } = extractFixture(journeyMap, records, variant);
      const ids = results.figures.map((f) => f.id);
      expect(ids, String(variant)).toContain('redundant-steps');
      expect(ids, String(variant)).not.toContain('missed-connections');
      expect(figure(results.figures, 'redundant-steps')).toMatchObject({ entries: [{ itemIds: [b] }] });
    }
  });
});

describe('journey-map figure rules', () => {
  it('counts a step outside the columns at the stage its field names, and at "Stage not set" when empty', () => {
    const f = fixtureFor(journeyMap);
    const out = f.item('journey-step', { program: 'Veterans', stage: 'follow-through' }, { x: -2000, y: 0 });
    const none = f.item('journey-step', { program: 'veterans' }, { x: -2000, y: 400 });
    const { results } = extractFixture(journeyMap, f.build());
    expect(figure(results.figures, 'steps-by-program-stage')).toMatchObject({
      rows: [{ key: 'veterans', cells: ['Veterans', 0, 0, 1, 0, 1, 2], itemIds: [out, none] }],
      status: 'ok',
    });
    expect(figure(results.figures, 'no-follow-through')).toMatchObject({ entries: [], status: 'ok' });
    // Outside the columns there is no column to disagree with.
    expect(figure(results.figures, 'stage-mismatch')).toMatchObject({ entries: [], status: 'ok' });
  });

  it('gives each stage a team adds its own column, named as written, after the manual’s four', () => {
    const f = fixtureFor(journeyMap);
    const placement = f.item('journey-step', { program: 'Job center', stageName: 'Placement' }, { zone: 'stage-other', x: 40, y: 40 });
    const placementAgain = f.item('journey-step', { program: 'Job center', stageName: ' placement ' }, { zone: 'stage-other', x: 40, y: 400 });
    // Outside the columns, the stage field says "another stage".
    const retention = f.item('journey-step', { program: 'Job center', stage: 'other', stageName: 'Retention' }, { x: -2000, y: 0 });
    const unnamed = f.item('journey-step', { program: 'College' }, { zone: 'stage-other', x: 400, y: 40 });
    const intake = f.item('journey-step', { program: 'College', description: 'Intake' }, { zone: 'stage-engagement', x: 40, y: 40 });
    const { results } = extractFixture(journeyMap, f.build());
    expect(figure(results.figures, 'steps-by-program-stage')).toMatchObject({
      columns: ['Program', 'Point of engagement', 'Referral', 'Follow-through', 'Services received', 'Placement', 'Retention', 'Another stage (not named)', 'Stage not set', 'Total'],
      rows: [
        { key: 'college', cells: ['College', 1, 0, 0, 0, 0, 0, 1, 0, 2], itemIds: [unnamed, intake] },
        { key: 'job center', cells: ['Job center', 0, 0, 0, 0, 2, 1, 0, 0, 3], itemIds: [placement, placementAgain, retention] },
      ],
    });
  });

  it('opens a journey step saved before stages could be named', () => {
    const f = fixtureFor(journeyMap);
    const step = f.item('journey-step', { program: 'Job center', stage: 'referral' }, { zone: 'stage-referral', x: 40, y: 40 });
    const records = f.build();
    delete (records.find((r) => r.id === step) as { props: Record<string, unknown> }).props.stageName;
    expect(migrateFromFirstVersion(records, 'journey-step')[step].props).toEqual(expect.objectContaining({ program: 'Job center', stage: 'referral', stageName: '' }));
  });

  it('treats program names that differ only in case and spacing as one lane, so their handoffs are not cross-program', () => {
    const f = fixtureFor(journeyMap);
    const a = f.item('journey-step', { program: 'Older Workers' }, { zone: 'stage-engagement', x: 40, y: 40 });
    const b = f.item('journey-step', { program: ' older  workers' }, { zone: 'stage-referral', x: 40, y: 40 });
    const c = f.item('journey-step', { program: '' }, { zone: 'stage-services', x: 40, y: 40 });
    f.connect('handoff', a, b, { quality: 'broken' });
    f.connect('handoff', b, c, { quality: 'broken' });
    const { results } = extractFixture(journeyMap, f.build());
    expect(figure(results.figures, 'cross-program-handoffs')).toMatchObject({ rows: [], status: 'ok' });
    // Both broken handoffs still show as weak links, whatever the programs.
    expect(figure(results.figures, 'rough-handoffs')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Older Workers → Older Workers, broken', itemIds: [a, b] },
        { text: 'Older Workers → (no program), broken', itemIds: [b, c] },
      ],
    });
  });

  it('adds several handoffs between the same two programs into one row', () => {
    const f = fixtureFor(journeyMap);
    const a1 = f.item('journey-step', { program: 'TANF' }, { zone: 'stage-engagement', x: 40, y: 40 });
    const a2 = f.item('journey-step', { program: 'TANF' }, { zone: 'stage-engagement', x: 40, y: 400 });
    const b = f.item('journey-step', { program: 'Employment Department' }, { zone: 'stage-referral', x: 40, y: 40 });
    f.connect('handoff', a1, b, { quality: 'smooth' });
    f.connect('handoff', a2, b, { quality: 'smooth' });
    f.connect('handoff', b, a1, {});
    const { results } = extractFixture(journeyMap, f.build());
    expect(figure(results.figures, 'cross-program-handoffs')).toMatchObject({
      status: 'ok',
      rows: [
        { key: 'Employment Department → TANF', cells: ['Employment Department', 'TANF', 1, 0, 0, 0, 1], itemIds: [b, a1] },
        { key: 'TANF → Employment Department', cells: ['TANF', 'Employment Department', 2, 2, 0, 0, 0], itemIds: [a1, b, a2] },
      ],
    });
  });

  it('produces every figure, empty and calm, on an empty board', () => {
    const { results } = extractFixture(journeyMap, fixtureFor(journeyMap).build(), 'jobseeker');
    expect(results.items).toEqual([]);
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['steps-by-program-stage', 'ok'],
      ['cross-program-handoffs', 'ok'],
      ['missed-connections', 'ok'],
      ['connection-points', 'ok'],
      ['weak-points', 'ok'],
      ['strong-points', 'ok'],
      ['rough-handoffs', 'ok'],
      ['no-follow-through', 'ok'],
      ['stage-mismatch', 'ok'],
      ['unfinished-handoffs', 'ok'],
    ]);
    for (const f of results.figures) {
      if (f.kind === 'table') expect(f.rows).toEqual([]);
      if (f.kind === 'list') expect(f.entries).toEqual([]);
      if (f.kind === 'number') expect(f.value).toBe(0);
    }
  });
});
