import { fixtureFor } from '../kit/testing';
import { influenceMap } from './index';

/**
 * Three Rivers region, advanced manufacturing, three months after the launch: four priority
 * areas, ten stakeholders on the influence grid, task-force memberships and "can bring in"
 * arrows. Edge cases: an empty priority card, a task force chaired by a support partner, an
 * empty stakeholder card outside every zone, a
 * stakeholder whose commitment nobody knows, one with no ratings at all, ratings that contradict
 * the quadrant, a membership arrow drawn backwards, a duplicate membership, a membership
 * between two stakeholders, loose arrows, a stakeholder deleted mid-session, an untyped arrow
 * and a sticky.
 */
export function influenceMapFixture() {
  const f = fixtureFor(influenceMap);
  const at = (zone: string, n: number, row = 0) => ({ zone, x: 40 + n * 260, y: 80 + row * 200 });

  const machinists = f.item('priority', {
    name: 'Machinist pipeline',
    outcome: 'Forty local graduates a year hired into entry-level machinist jobs',
    successMeasure: 'Hires of local graduates, counted each year by the college and the employers',
    relevantPartners: true,
    quickWin: 'Plant tours for two high-school CTE classes before the spring break',
    quickWinIdentified: true,
    quickWinAchieved: true,
  }, at('priorities', 0, 0));
  const supervisors = f.item('priority', { name: 'Supervisor training', outcome: 'Every new shift lead gets a common 40-hour course' }, at('priorities', 0, 1));
  // A quick win written down but not ticked as agreed: it does not count yet.
  const transit = f.item('priority', { name: 'Second-shift transit', quickWin: 'Ask the transit authority for a 10 pm bus run' }, at('priorities', 0, 2));
  const blankPriority = f.item('priority', {}, at('priorities', 0, 3));

  const dana = f.item('stakeholder', { name: 'Dana Ruiz', organization: 'Ruiz Precision Machining', category: 'industry-champion', influence: 5, commitment: 5 }, at('drivers', 0), { createdBy: 'user:tom' });
  const marcus = f.item('stakeholder', { name: 'Marcus Bell', organization: 'Three Rivers Forge', category: 'industry-partner', influence: 3, commitment: 4 }, at('ready-to-help', 0));
  // Nobody knows how committed she is yet.
  const priya = f.item('stakeholder', { name: 'Priya Nair', organization: 'Valley Aerostructures', category: 'industry-partner', influence: 5 }, at('win-over', 0));
  const tom = f.item('stakeholder', { name: 'Tom Okafor', organization: 'Three Rivers Workforce Board', category: 'convener', influence: 4, commitment: 5 }, at('drivers', 1));
  const lena = f.item('stakeholder', { name: 'Lena Fischer', organization: 'Riverbend Community College', category: 'core-support', influence: 3, commitment: 4 }, at('ready-to-help', 1));
  // Placed with the drivers, but rated commitment 2: the rating wins.
  const gary = f.item('stakeholder', { name: 'Gary Pratt', organization: 'Pratt Tool & Die', category: 'industry-champion', influence: 4, commitment: 2 }, at('drivers', 2));
  const ann = f.item('stakeholder', { name: 'Ann Lee', organization: 'Riverbend Chamber of Commerce', category: 'community-partner', influence: 2, commitment: 1 }, at('drivers', 3));
  // No ratings and no role: the quadrant stands in for influence.
  const mayor = f.item('stakeholder', { name: 'Mayor Jo Hart', organization: 'City of Riverbend' }, at('win-over', 1));
  const blankStakeholder = f.item('stakeholder', {}, { x: 5000, y: 3000 });
  const raj = f.item('stakeholder', { name: 'Raj Patel', organization: 'Northside Adult Education', category: 'core-support', influence: 2, commitment: 4 }, at('keep-informed', 0));
  const removed = f.item('stakeholder', { name: 'Duplicate of Dana', category: 'industry-champion', influence: 5, commitment: 5 }, at('drivers', 4));

  const member = (from: string, to: string | null, role: string) => f.connect('member', from, to, { role });
  member(dana, machinists, 'chair');
  member(marcus, machinists, 'member');
  member(lena, machinists, 'facilitator');
  member(gary, machinists, 'member');
  member(tom, supervisors, 'facilitator');
  member(tom, supervisors, 'member');
  member(marcus, supervisors, 'member');
  member(raj, supervisors, 'member');
  const backwards = member(supervisors, ann, 'member');
  member(gary, transit, 'facilitator');
  // A support partner in the chair: the task force is not industry-led, champion or not.
  member(lena, transit, 'chair');
  f.connect('influence', dana, priya, { notes: 'Both sit on the manufacturers’ association board' });
  f.connect('influence', tom, priya);
  f.connect('influence', tom, mayor);
  const looseInfluence = f.connect('influence', dana, null);
  const misdrawn = member(ann, marcus, 'member');
  const toRemoved = f.connect('influence', marcus, removed);
  f.connect(null, dana, machinists);
  f.sticky('Who knows the plant manager at Valley Aero?', { zone: 'win-over', x: 900, y: 700 });
  const looseMember = f.connect('member', blankStakeholder, null);

  f.remove(removed);

  return {
    records: f.build(),
    ids: {
      machinists, supervisors, transit, blankPriority,
      dana, marcus, priya, tom, lena, gary, ann, mayor, blankStakeholder, raj, removed,
      backwards, looseInfluence, misdrawn, toRemoved, looseMember,
    },
  };
}
