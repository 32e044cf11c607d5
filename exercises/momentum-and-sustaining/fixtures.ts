import { fixtureFor } from '../kit/testing';
import { momentumAndSustaining } from './index';

/**
 * Three Rivers, six months after its manufacturing launch. Edge cases: two ideas-to-action cards
 * (the whole team and a task team) that disagree, a check one of them left empty, a need nobody
 * has taken on, answers left empty on role cards, an empty support-partner card, an action card
 * outside the next-steps zones (not a next step), a next step without an owner, and a sticky.
 */
export function momentumFixture() {
  const f = fixtureFor(momentumAndSustaining);
  const at = (zone: string, n: number, cols = 3) => ({ zone, x: 30 + (n % cols) * 320, y: 70 + Math.floor(n / cols) * 270 });

  const team = f.item('ideas-to-action', { answeredBy: 'Whole team', taskTeams: 'yes', outcomes: 'not-yet', leadChampions: 'no', communityPartners: 'yes', convenerSupport: 'yes' }, at('ideas', 0));
  const transit = f.item('ideas-to-action', { answeredBy: 'Transit task team', taskTeams: 'yes', outcomes: 'yes', leadChampions: 'not-yet', convenerSupport: 'yes' }, at('ideas', 1));
  const askDana = f.item('momentum-need', { need: 'employer-leaders', details: 'Ask Dana Ruiz to chair the machinist task team', owner: 'Tom' }, at('ideas', 2));
  const tours = f.item('momentum-need', { need: 'quick-wins', details: 'Plant tours for two CTE classes before spring break' }, at('ideas', 3));
  const stray = f.item('action', { text: 'Order name badges', owner: 'Ann' }, at('ideas', 4));

  const tom = f.item('convener-check', { name: 'Tom Okafor', organization: 'Three Rivers Workforce Board', softMoney: 'not-yet', jobChanged: 'yes', standardWay: 'yes', mapContributions: 'no', yearlyReview: 'yes', documented: 'not-yet' }, at('conveners', 0));
  const lena = f.item('convener-check', { name: 'Lena Fischer', organization: 'Riverbend Community College', softMoney: 'no', jobChanged: 'yes', standardWay: 'not-yet', mapContributions: 'not-yet', documented: 'yes' }, at('conveners', 1));

  const raj = f.item('support-team-check', { name: 'Raj Patel', organization: 'Northside Adult Education', solutions: 'yes', contributes: 'yes', changedEngagement: 'not-yet', formalized: 'no' }, at('support-team', 0));
  const ann = f.item('support-team-check', { name: 'Ann Lee', organization: 'Riverbend Chamber of Commerce', solutions: 'not-yet', contributes: 'yes', changedEngagement: 'yes', formalized: 'yes' }, at('support-team', 1));
  const emptySupport = f.item('support-team-check', {}, at('support-team', 2));

  const dana = f.item('employer-check', { name: 'Dana Ruiz', organization: 'Ruiz Precision Machining', delegate: 'yes', colleagues: 'yes', partner: 'yes', informalBenefits: 'yes', resources: 'yes' }, at('employers', 0));
  const gary = f.item('employer-check', { name: 'Gary Pratt', organization: 'Pratt Tool & Die', delegate: 'no', colleagues: 'not-yet', partner: 'no', informalBenefits: 'yes', resources: 'not-yet' }, at('employers', 1));
  const priya = f.item('employer-check', { name: 'Priya Nair', organization: 'Valley Aerostructures', partner: 'yes' }, at('employers', 2));

  const calls = f.item('action', { text: 'Monthly task team calls with a written agenda', owner: 'Tom', due: 'from May' }, at('next-momentum', 0));
  const newsletter = f.item('action', { text: 'Publish the first quick win in the chamber newsletter' }, at('next-momentum', 1));
  const funds = f.item('action', { text: 'Ask the county for two years of convening funds', owner: 'Lena', due: 'Q3' }, at('next-sustain', 0));
  f.sticky('Who replaces Gary if he steps back?', at('employers', 4));

  return {
    records: f.build(),
    ids: { team, transit, askDana, tours, stray, tom, lena, raj, ann, emptySupport, dana, gary, priya, calls, newsletter, funds },
  };
}
