import { fixtureFor } from '../kit/testing';
import { frontlineCommunication } from './index';

/**
 * Three Rivers region, advanced manufacturing: the frontline staff of five organizations, a
 * first round of "ten ways" ideas and a communication chain that stops before it reaches
 * jobseekers. Edge cases: empty cards, a role outside every zone, an audience outside the
 * lanes (its layer field counts), an audience whose field disagrees with its lane, "ten ways"
 * on idea cards of an earlier board beside the dedicated cards, an overlap between two roles
 * drawn twice and a loose one, a flow that
 * starts at a frontline role, a flow bound at one end, a flow to an audience deleted
 * mid-session, an untyped arrow and a sticky.
 */
export function frontlineFixture() {
  const f = fixtureFor(frontlineCommunication);
  const slot = (zone: string, n: number, row = 0) => ({ zone, x: 40 + n * 260, y: 80 + row * 200 });

  const navigatorJc = f.item('frontline-role', { title: 'Career navigator', organization: 'Three Rivers Job Center', serves: 'Adults looking for work', does: 'Intake, career plans and training referrals' }, slot('frontline', 0));
  const developer = f.item('frontline-role', { title: 'Job developer', organization: 'three rivers  job center', serves: 'Adults ready to work', does: 'Matches candidates with openings at local plants' }, slot('frontline', 1));
  const instructor = f.item('frontline-role', { title: 'Adult education instructor', organization: 'Northside Adult Education', serves: 'Adults without a diploma', does: 'GED and English classes with a manufacturing focus' }, slot('frontline', 2));
  const counselor = f.item('frontline-role', { title: 'School counselor', organization: 'Riverbend High School', serves: 'Juniors and seniors', does: 'Course planning and post-graduation choices' }, slot('frontline', 3));
  const navigatorCc = f.item('frontline-role', { title: 'Career navigator', organization: 'Riverbend Community College', serves: 'First-year students', does: 'Program choice and transfer advice' }, slot('frontline', 4));
  const blankRole = f.item('frontline-role', {}, slot('frontline', 5));
  const vrCounselor = f.item('frontline-role', { title: 'Vocational rehabilitation counselor', organization: 'Vocational Rehabilitation', serves: 'Adults with disabilities' }, { x: 4200, y: 200 });

  const ideaWages = f.item('idea', { text: 'Share starting wages for CNC operators at every intake', outcomeFor: 'jobseekers-students' }, slot('ten-ways', 0));
  const ideaTours = f.item('idea', { text: 'Counselors join the plant tours each semester', outcomeFor: 'both' }, slot('ten-ways', 1));
  const ideaBrief = f.item('idea', { text: 'One-page hiring outlook in every navigator’s inbox each quarter' }, slot('ten-ways', 2));
  const ideaSkills = f.item('idea', { text: 'Skills checklist from the task force used in career plans', feasible: true }, slot('ten-ways', 3));
  const ideaBlank = f.item('idea', {}, slot('ten-ways', 4));

  const steering = f.item('audience', { name: 'Partnership steering committee', layer: 'partnership' }, slot('layer-partnership', 0));
  const boardDirectors = f.item('audience', { name: 'Workforce board directors', layer: 'decision-makers' }, slot('layer-decision-makers', 0));
  const deans = f.item('audience', { name: 'College deans' }, slot('layer-decision-makers', 0, 1));
  const supervisors = f.item('audience', { name: 'Job center supervisors', layer: 'program-staff' }, slot('layer-program-staff', 0));
  // Marked as frontline workers, but the team put the card in the program staff lane.
  const navigators = f.item('audience', { name: 'Career navigators', layer: 'frontline-workers' }, slot('layer-program-staff', 0, 1));
  const counselors = f.item('audience', { name: 'School counselors', layer: 'frontline-workers' }, slot('layer-frontline-workers', 0));
  // Outside the lanes: its layer field counts.
  const learners = f.item('audience', { name: 'Adult learners', layer: 'jobseekers-students' }, { x: 4000, y: 2000 });
  const blankAudience = f.item('audience', {}, slot('layer-jobseekers-students', 0));
  const seniors = f.item('audience', { name: 'High-school seniors', layer: 'jobseekers-students' }, slot('layer-jobseekers-students', 0, 1));

  const fQuarterly = f.connect('flow', steering, boardDirectors, { channel: 'meeting', cadence: 'quarterly', owner: 'Tom Okafor' });
  const fBrief = f.connect('flow', steering, deans, { channel: 'lmi-brief', cadence: 'monthly' });
  const fNewsletter = f.connect('flow', boardDirectors, supervisors, { channel: 'email-newsletter', cadence: 'monthly', owner: 'Board staff' });
  const fTraining = f.connect('flow', supervisors, navigators, { channel: 'training', owner: 'Job center operations manager' });
  const fHuddle = f.connect('flow', supervisors, counselors, { channel: 'meeting', cadence: 'every two weeks', owner: 'Lena Fischer' });
  const fToDeleted = f.connect('flow', counselors, seniors, { channel: 'meeting', cadence: 'weekly' });
  const fLoose = f.connect('flow', deans, null, { channel: 'dashboard', owner: 'College IT' });
  const fFeedback = f.connect('flow', learners, counselors, { channel: 'other', cadence: 'after each workshop' });
  f.connect(null, steering, supervisors);
  f.sticky('Does the chamber newsletter reach counselors?', { zone: 'ten-ways', x: 1200, y: 600 });
  const fFromRole = f.connect('flow', navigatorJc, counselors, { channel: 'training', cadence: 'monthly', owner: 'Maria Gomez' });

  // The ten ways on their own card (the idea cards above are from before it existed).
  const wayCalendar = f.item('sector-info-use', { text: 'Hiring calendar of the ten largest plants', how: 'Navigators time training starts to hiring peaks', why: 'People finish training when jobs open', usedBy: 'Career navigators' }, slot('ten-ways', 0, 2));
  const wayLadder = f.item('sector-info-use', { text: 'Wage ladder for machinists in every counselor office', how: 'A poster and a one-page handout' }, slot('ten-ways', 1, 2));
  // Overlaps and connections between frontline roles: one drawn twice, one loose.
  const navigatorsOverlap = f.connect('role-link', navigatorJc, navigatorCc, { relation: 'overlap', notes: 'Both advise first-year adult students' });
  const navigatorsAgain = f.connect('role-link', navigatorCc, navigatorJc, { relation: 'overlap' });
  const developerInstructor = f.connect('role-link', developer, instructor, { relation: 'connect', notes: 'Instructor sends GED completers' });
  const looseLink = f.connect('role-link', counselor, null, { relation: 'connect' });

  f.remove(seniors);

  return {
    records: f.build(),
    ids: {
      navigatorJc, developer, instructor, counselor, navigatorCc, blankRole, vrCounselor,
      ideaWages, ideaTours, ideaBrief, ideaSkills, ideaBlank,
      steering, boardDirectors, deans, supervisors, navigators, counselors, learners, blankAudience, seniors,
      fQuarterly, fBrief, fNewsletter, fTraining, fHuddle, fToDeleted, fLoose, fFeedback, fFromRole,
      wayCalendar, wayLadder, navigatorsOverlap, navigatorsAgain, developerInstructor, looseLink,
    },
  };
}
