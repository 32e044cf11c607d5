import { fixtureFor } from '../kit/testing';
import { criticalDecisions } from './index';
import { categoryZoneId } from './template';

/**
 * Three Rivers, deciding how to coordinate business outreach after mapping the many tables and
 * knocks. Edge cases: two answers to the same question, an answer with no question (its zone
 * decides), an answer placed in another category's zone (its question decides), an empty
 * answer, a decision outside every zone (its category field counts), a decision without an
 * owner, no decision on staff development, a table and knocks pasted from the Many Tables board,
 * an Addresses arrow drawn backwards, one between two decisions, a loose one, a sticky.
 */
export function criticalDecisionsFixture() {
  const f = fixtureFor(criticalDecisions);
  const at = (zone: string, n: number, cols = 4) => ({ zone, x: 30 + (n % cols) * 265, y: 70 + Math.floor(n / cols) * 205 });
  const outreach = categoryZoneId('outreach');
  const marketing = categoryZoneId('marketing');
  const staff = categoryZoneId('staff');
  const fit = categoryZoneId('fit');

  const expectations = f.item('coordination-answer', { question: 'outreach.expectations', answer: 'No: each program promises something different', status: 'not-yet' }, at(outreach, 0, 4));
  const spoc = f.item('coordination-answer', { question: 'outreach.single-contact', answer: 'Not one door, but one shared intake form and a named lead per employer', status: 'partly' }, at(outreach, 1, 4));
  const spocAgain = f.item('coordination-answer', { question: 'outreach.single-contact', answer: 'The chamber already acts as the front door for small firms', status: 'partly' }, at(outreach, 2, 4));
  const titles = f.item('coordination-answer', { question: 'outreach.titles', answer: 'Five titles for the same job across four agencies', status: 'not-yet' }, at(outreach, 3, 4));
  // No question picked: the zone says it is about outreach.
  const noQuestion = f.item('coordination-answer', { answer: 'Referral sheet shared since last year', status: 'in-place' }, at(outreach, 4, 4));
  const message = f.item('coordination-answer', { question: 'marketing.message', answer: 'We could all say: one call gets you the whole system', status: 'partly' }, at(marketing, 0, 4));
  const stories = f.item('coordination-answer', { question: 'marketing.stories', answer: 'Yes: the Pratt apprenticeship story', status: 'in-place' }, at(marketing, 1, 4));
  // Placed among the marketing cards, but its question is about staff.
  const training = f.item('coordination-answer', { question: 'staff.training', answer: 'A joint two-day course for business services staff', status: 'not-yet' }, at(marketing, 2, 4));
  const frontline = f.item('coordination-answer', { question: 'staff.frontline', answer: 'Monthly huddle between job developers and case managers', status: 'partly' }, at(staff, 0, 4));
  const emptyAnswer = f.item('coordination-answer', {}, at(staff, 1, 4));
  const role = f.item('coordination-answer', { question: 'fit.role', answer: 'The partnership sets the priorities every program’s outreach serves' }, at(fit, 0, 4));

  const intake = f.item('coordination-decision', { decision: 'One shared intake form for every employer request', owner: 'Tom (workforce board)', due: 'September', agreed: true }, at(outreach, 5, 4));
  const leads = f.item('coordination-decision', { decision: 'A named lead contact for each of the 40 largest employers', owner: 'Lena (college)', agreed: true }, at(outreach, 6, 4));
  const plan = f.item('coordination-decision', { decision: 'Write one shared marketing plan', agreed: false }, at(marketing, 3, 4));
  // Outside every zone: its field says marketing.
  const logo = f.item('coordination-decision', { decision: 'Use one "Three Rivers Works" name on all outreach', category: 'marketing', owner: 'Ann (chamber)' }, { x: 5000, y: 200 });
  const fitDecision = f.item('coordination-decision', { decision: 'Bring the partnership’s priorities to every business services meeting', owner: 'Tom (workforce board)', agreed: true }, at(fit, 1, 4));

  const advisory = f.item('table', { name: 'Manufacturing advisory committee', convener: 'Riverbend Community College', convenerType: 'college' }, at('reference', 0, 4));
  const breakfast = f.item('table', { name: 'Chamber manufacturers breakfast', convener: 'Riverbend Chamber', convenerType: 'chamber' }, at('reference', 1, 4));
  const vets = f.item('knock', { organization: 'Three Rivers Workforce Board', program: 'Veterans employment', purpose: 'job-development', businesses: 'Pratt Tool & Die, Ruiz Precision' }, at('reference', 2, 4));
  const college = f.item('knock', { organization: 'Riverbend Community College', program: 'Customised training', purpose: 'business-services', businesses: 'Pratt Tool & Die' }, at('reference', 3, 4));
  const survey = f.item('knock', { organization: 'City economic development', program: 'Retention survey', purpose: 'information-gathering' }, at('reference', 4, 4));

  f.connect('addresses', intake, vets);
  f.connect('addresses', college, intake);
  f.connect('addresses', leads, vets);
  f.connect('addresses', logo, breakfast);
  const betweenDecisions = f.connect('addresses', plan, logo);
  const loose = f.connect('addresses', fitDecision, null);
  f.sticky('Ask the state about a shared CRM', at('reference', 6, 4));

  return {
    records: f.build(),
    ids: {
      expectations, spoc, spocAgain, titles, noQuestion, message, stories, training, frontline, emptyAnswer, role,
      intake, leads, plan, logo, fitDecision, advisory, breakfast, vets, college, survey, betweenDecisions, loose,
    },
  };
}
