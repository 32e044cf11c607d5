import { fixtureFor } from '../kit/testing';
import { journeyMap } from './index';

/**
 * Three Rivers region, advanced manufacturing: an employer journey drawn by four programs
 * (job center business services, the community college, adult education, vocational
 * rehabilitation), with the mess a real session leaves behind: a card with empty fields, a
 * card outside every zone, a card marked with a stage other than its column, a step deleted
 * mid-session, a handoff bound at one end, an untyped arrow and a sticky.
 */
export function journeyMapFixture() {
  const f = fixtureFor(journeyMap);
  const JOB_CENTER = 'Job Center Business Services';
  const COLLEGE = 'Riverbend Community College';
  const lane = (n: number) => 60 + n * 400;

  const quoteCalls = f.item('quote', { text: 'Didn’t someone from your office just call me last week?', side: 'employers-about-us', tone: 'negative' }, { zone: 'quotes', x: 40, y: 80 });
  const quoteGrant = f.item('quote', { text: 'The apprenticeship grant was exactly what we needed.', side: 'employers-about-us', tone: 'positive' }, { zone: 'quotes', x: 320, y: 80 });

  const jcCall = f.item('journey-step', { program: JOB_CENTER, stage: 'engagement', description: 'Business rep cold-calls the plant’s HR manager' }, { zone: 'stage-engagement', x: 40, y: lane(0) }, { createdBy: 'user:maria' });
  const jcRefer = f.item('journey-step', { program: JOB_CENTER, stage: 'referral', description: 'Refers the hiring need to the college for custom training' }, { zone: 'stage-referral', x: 40, y: lane(0) });
  const jcScreen = f.item('journey-step', { program: JOB_CENTER, stage: 'services', description: 'Posts openings and screens candidates', annotation: 'strong' }, { zone: 'stage-services', x: 40, y: lane(0) });
  const colAdvisory = f.item('journey-step', { program: COLLEGE, stage: 'engagement', description: 'Advisory committee invites the plant manager', annotation: 'redundant' }, { zone: 'stage-engagement', x: 40, y: lane(1) });
  const colVisit = f.item('journey-step', { program: COLLEGE, stage: 'follow-through', description: 'Instructor visits the plant after each cohort', annotation: 'strong' }, { zone: 'stage-follow-through', x: 40, y: lane(1) });
  // Marked "referral" but placed in the services column: the column wins.
  const colTraining = f.item('journey-step', { program: COLLEGE, stage: 'referral', description: 'Customized CNC training for incumbent workers' }, { zone: 'stage-services', x: 40, y: lane(1) });
  // Same program as the next card, spelled differently.
  const aeCall = f.item('journey-step', { program: '  adult   education ', stage: 'engagement', description: 'Calls the same HR manager about an English class', annotation: 'redundant' }, { zone: 'stage-engagement', x: 40, y: lane(2) });
  const aeResumes = f.item('journey-step', { program: 'Adult Education', stage: 'referral', description: 'Emails graduates’ resumes to the job center', annotation: 'weak' }, { zone: 'stage-referral', x: 40, y: lane(2) });
  // A card dropped before anyone filled it in.
  const blankStep = f.item('journey-step', {}, { zone: 'stage-follow-through', x: 40, y: lane(4) });
  // Left outside every zone: its stage field counts.
  const vrCoaching = f.item('journey-step', { program: 'Vocational Rehabilitation', stage: 'services', description: 'Job coach on site for the first month' }, { x: 4600, y: 3600 });
  const jcCheckIn = f.item('journey-step', { program: JOB_CENTER, stage: 'follow-through', description: '90-day check-in call' }, { zone: 'stage-follow-through', x: 40, y: lane(0) });
  const quoteBlank = f.item('quote', {}, { zone: 'quotes', x: 600, y: 80 });

  const hJcInternal = f.connect('handoff', jcCall, jcRefer, { quality: 'smooth' });
  const hJcToCollege = f.connect('handoff', jcRefer, colTraining, { quality: 'bumpy', notes: 'Two weeks before anyone calls the plant back' });
  const hAeToJc = f.connect('handoff', aeResumes, jcCall, { quality: 'broken', notes: 'Resumes sit in a shared inbox' });
  const hCollegeInternal = f.connect('handoff', colAdvisory, colVisit);
  const hAeInternal = f.connect('handoff', aeCall, aeResumes, { quality: 'smooth' });
  const hLoose = f.connect('handoff', colTraining, null, { quality: 'bumpy' });
  const hToDeleted = f.connect('handoff', jcScreen, jcCheckIn, { quality: 'smooth' });
  f.connect(null, jcCall, colAdvisory);
  f.sticky('Ask the chamber how many calls its members get', { zone: 'quotes', x: 900, y: 80 });
  const hCollegeToVr = f.connect('handoff', colVisit, vrCoaching);
  const hBlankToJc = f.connect('handoff', blankStep, jcScreen, { quality: 'smooth' });

  // Removed mid-session: the check-in card and its arrow binding go away.
  f.remove(jcCheckIn);

  return {
    records: f.build(),
    ids: {
      quoteCalls, quoteGrant, quoteBlank,
      jcCall, jcRefer, jcScreen, colAdvisory, colVisit, colTraining, aeCall, aeResumes, blankStep, vrCoaching, jcCheckIn,
      hJcInternal, hJcToCollege, hAeToJc, hCollegeInternal, hAeInternal, hLoose, hToDeleted, hCollegeToVr, hBlankToJc,
    },
  };
}
