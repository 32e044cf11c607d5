import { fixtureFor } from '../kit/testing';
import { launchMeeting } from './index';

/**
 * The Upper Valley healthcare launch: seven opportunities (four chosen), eight requirements,
 * five champions, three next steps and the meeting record. Edge cases: a shared priority with
 * neither requirement nor champion, a champion who commits through a requirement, an arrow drawn
 * backwards, a requirement tied to nothing, an empty opportunity and an empty requirement, a
 * champion tied to nothing, a Commits to arrow between two champions, a loose arrow, a next step
 * without an owner, the summary not sent yet, an untyped arrow and a sticky.
 */
export function launchMeetingFixture() {
  const f = fixtureFor(launchMeeting);
  const at = (zone: string, n: number, cols = 4) => ({ zone, x: 30 + (n % cols) * 265, y: 70 + Math.floor(n / cols) * 200 });

  const surgery = f.item('opportunity', { text: 'Outpatient surgery centres opening', raisedBy: 'St. Brigid Regional Hospital', sharedPriority: true }, at('opportunities', 0));
  const homeCare = f.item('opportunity', { text: 'Home-based care for an ageing population', raisedBy: 'Riverbend Home Health', sharedPriority: true }, at('opportunities', 1));
  const telehealth = f.item('opportunity', { text: 'Telehealth for rural clinics', raisedBy: 'Valley Pediatrics', sharedPriority: true }, at('opportunities', 2));
  const purchasing = f.item('opportunity', { text: 'Joint purchasing of supplies', raisedBy: 'Cedar Lane Senior Living', sharedPriority: true }, at('opportunities', 3));
  const tourism = f.item('opportunity', { text: 'Medical tourism' }, at('opportunities', 4));
  const research = f.item('opportunity', { text: 'Research partnership with the university' }, at('opportunities', 5));
  const emptyOpportunity = f.item('opportunity', {}, at('opportunities', 6));

  const surgTechs = f.item('requirement', { text: 'Twice as many surgical technicians', kind: 'talent', priority: true }, at('requirements', 0));
  const secondShift = f.item('requirement', { text: 'A second evening cohort of the surgical tech program', kind: 'training', priority: true }, at('requirements', 1));
  const bus = f.item('requirement', { text: 'Bus service to the east campus', kind: 'infrastructure' }, at('requirements', 2));
  const aides = f.item('requirement', { text: 'Home health aides with a dementia credential', kind: 'training', priority: true }, at('requirements', 3));
  const broadband = f.item('requirement', { text: 'Broadband in the east county', kind: 'technology' }, at('requirements', 4));
  const rules = f.item('requirement', { text: 'Reimbursement rules for telehealth', kind: 'policy' }, at('requirements', 5));
  const checks = f.item('requirement', { text: 'Faster background checks', kind: 'policy' }, at('requirements', 6));
  const emptyRequirement = f.item('requirement', {}, at('requirements', 7));

  f.connect('needed-for', surgTechs, surgery);
  f.connect('needed-for', secondShift, surgery);
  f.connect('needed-for', bus, surgery);
  f.connect('needed-for', aides, homeCare);
  f.connect('needed-for', broadband, telehealth);
  f.connect('needed-for', telehealth, rules);
  f.connect('needed-for', emptyRequirement, tourism);
  const looseNeed = f.connect('needed-for', checks, null);

  const moreno = f.item('champion', { name: 'Dr. Alicia Moreno', company: 'St. Brigid Regional Hospital', nextStep: 'Host the first surgical tech task force call', leads: true }, at('champions', 0));
  const whitfield = f.item('champion', { name: 'James Whitfield', company: 'Valley General Hospital', nextStep: 'Send shift schedules to the college' }, at('champions', 1));
  const liu = f.item('champion', { name: 'Grace Liu', company: 'Riverbend Home Health', nextStep: 'Invite two more agencies to the task force', leads: true }, at('champions', 2));
  const shah = f.item('champion', { name: 'Priya Shah', company: 'Valley Pediatrics' }, at('champions', 3));
  const becker = f.item('champion', { name: 'Tom Becker', company: 'Cedar Lane Senior Living', nextStep: 'Share last year’s purchasing data' }, at('champions', 4));
  f.connect('commits-to', moreno, surgery);
  f.connect('commits-to', whitfield, secondShift);
  f.connect('commits-to', liu, homeCare);
  f.connect('commits-to', shah, broadband);
  const betweenChampions = f.connect('commits-to', becker, moreno);

  const calls = f.item('action', { text: 'Short task force call for each priority', owner: 'Maria (workforce board)', due: 'within 3 weeks' }, at('next-steps', 0));
  const summary = f.item('action', { text: 'Send the executive summary to every business', owner: 'Tom (workforce board)', due: '2026-06-20' }, at('next-steps', 1));
  const nextMeeting = f.item('action', { text: 'Set the date of the next full partnership meeting' }, at('next-steps', 2));

  const record = f.item('launch-record', { name: 'Healthcare partnership launch', date: '2026-06-18', businessLeaders: 21, companies: 16, partnersDebriefed: true, taskForceCalls: 'week of 6 July' }, { zone: 'record', x: 40, y: 80 });

  f.connect(null, research, surgery);
  f.sticky('Parking was hard to find', { zone: 'record', x: 400, y: 80 });

  return {
    records: f.build(),
    ids: {
      surgery, homeCare, telehealth, purchasing, tourism, research, emptyOpportunity,
      surgTechs, secondShift, bus, aides, broadband, rules, checks, emptyRequirement, looseNeed,
      moreno, whitfield, liu, shah, becker, betweenChampions, calls, summary, nextMeeting, record,
    },
  };
}
