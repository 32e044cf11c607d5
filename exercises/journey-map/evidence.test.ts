import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { journeyMap } from './index';
import { journeyMapFixture } from './fixtures';

const propose = (records: Record<string, unknown>[], variant: string | null = 'employer') => {
  const { board, results } = extractFixture(journeyMap, records, variant);
  return proposeEvidence(journeyMap, board, results);
};

describe('Journey map rubric evidence', () => {
  it('proposes evidence from the employer journey of the Three Rivers board', () => {
    const { records, ids } = journeyMapFixture();
    expect(propose(records)).toEqual([
      {
        id: 'journey-map:front-doors:board',
        dimension: 'regional-coordination',
        // "  adult   education " and "Adult Education" are one program; the blank step has none
        text: '3 programs each make their own first contact with the business: Adult Education, Job Center Business Services and Riverbend Community College',
        itemIds: [ids.aeResumes, ids.aeCall, ids.jcCall, ids.jcRefer, ids.jcScreen, ids.colAdvisory, ids.colVisit, ids.colTraining],
        figureId: 'steps-by-program-stage',
      },
      {
        id: 'journey-map:handoffs:board',
        dimension: 'regional-coordination',
        // job center → college (bumpy), adult education → job center (broken), college → VR (not rated)
        text: '3 handoffs between programs: 1 broken, 1 bumpy',
        itemIds: [ids.aeResumes, ids.jcCall, ids.jcRefer, ids.colTraining, ids.colVisit, ids.vrCoaching],
        figureId: 'cross-program-handoffs',
      },
      {
        id: 'journey-map:redundant-steps:board',
        dimension: 'regional-coordination',
        text: '2 steps repeat what another program already does with the same business',
        itemIds: [ids.aeCall, ids.colAdvisory],
        figureId: 'redundant-steps',
      },
      {
        id: 'journey-map:no-follow-through:board',
        dimension: 'industry-engagement',
        // the job center's check-in was deleted
        text: '3 of 4 programs have no follow-through step with the business',
        itemIds: [ids.aeResumes, ids.aeCall, ids.jcCall, ids.jcRefer, ids.jcScreen, ids.vrCoaching],
        figureId: 'no-follow-through',
      },
      {
        id: 'journey-map:weak-points:board',
        dimension: 'industry-engagement',
        text: '1 weak point marked along the journey of the business',
        itemIds: [ids.aeResumes],
        figureId: 'weak-points',
      },
      {
        id: 'journey-map:quotes-negative:employers-about-us',
        dimension: 'industry-engagement',
        text: '1 of 2 remarks employers make about us is negative',
        itemIds: [ids.quoteCalls],
      },
    ]);
  });

  it('reads the same board as a jobseeker journey under career pathways', () => {
    const { records } = journeyMapFixture();
    expect(propose(records, 'jobseeker').map((p) => [p.id, p.dimension, p.text])).toEqual([
      ['journey-map:front-doors:board', 'career-pathways', '3 programs are separate front doors for jobseekers and students: Adult Education, Job Center Business Services and Riverbend Community College'],
      ['journey-map:handoffs:board', 'career-pathways', '3 handoffs between programs: 1 broken, 1 bumpy'],
      // redundancy marks belong to the employer map
      ['journey-map:no-follow-through:board', 'career-pathways', '3 of 4 programs have no follow-through step with the jobseeker or student'],
      ['journey-map:weak-points:board', 'career-pathways', '1 weak point marked along the journey of the jobseeker or student'],
      ['journey-map:quotes-negative:employers-about-us', 'industry-engagement', '1 of 2 remarks employers make about us is negative'],
    ]);
  });

  it('proposes missed connections and what jobseekers say on a jobseeker map', () => {
    const f = fixtureFor(journeyMap);
    const intake = f.item('journey-step', { program: 'Adult education', description: 'Intake', annotation: 'missed-connection' }, { zone: 'stage-engagement', x: 40, y: 60 });
    f.item('journey-step', { program: 'Adult education', description: 'Follow-up call' }, { zone: 'stage-follow-through', x: 40, y: 60 });
    const q = f.item('quote', { text: 'Nobody told me about the welding course', side: 'jobseekers-about-us', tone: 'negative' }, { zone: 'quotes', x: 40, y: 80 });
    expect(propose(f.build(), 'jobseeker')).toEqual([
      {
        id: 'journey-map:missed-connections:board',
        dimension: 'career-pathways',
        text: '1 missed connection where a jobseeker or student should have been linked to another program',
        itemIds: [intake],
        figureId: 'missed-connections',
      },
      { id: 'journey-map:quotes-negative:jobseekers-about-us', dimension: 'career-pathways', text: 'The one remark jobseekers and students make about us is negative', itemIds: [q] },
    ]);
  });

  it('says when handoffs between programs all work', () => {
    const f = fixtureFor(journeyMap);
    const a = f.item('journey-step', { program: 'Job center' }, { zone: 'stage-engagement', x: 40, y: 60 });
    const b = f.item('journey-step', { program: 'College' }, { zone: 'stage-follow-through', x: 40, y: 60 });
    f.connect('handoff', a, b, { quality: 'smooth' });
    expect(propose(f.build()).find((p) => p.id === 'journey-map:handoffs:board')?.text).toBe('1 handoff between programs, none rated bumpy or broken');
  });

  it('proposes nothing on an empty board, in either variant', () => {
    expect(propose(fixtureFor(journeyMap).build())).toEqual([]);
    expect(propose(fixtureFor(journeyMap).build(), 'jobseeker')).toEqual([]);
  });
});
