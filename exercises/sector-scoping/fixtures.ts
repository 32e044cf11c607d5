import { fixtureFor } from '../kit/testing';
import { sectorScoping } from './index';

/**
 * Upper Valley region, scoping its first partnership: six candidate sectors with uneven data,
 * first-hand knowledge tied to them, sub-segments and two footprints. Edge cases: an empty
 * candidate, a candidate with only a name, one outside every zone, a location quotient that the
 * concentration choice overrides, a caution that is no reason, knowledge tied to nothing, an About
 * arrow between two knowledge cards, knowledge deleted mid-session (a loose arrow), a sub-segment
 * tied to nothing, a footprint on county lines, an untyped arrow and a sticky.
 */
export function sectorScopingFixture() {
  const f = fixtureFor(sectorScoping);
  const cand = (n: number) => ({ zone: 'candidates', x: 30 + (n % 4) * 265, y: 70 + Math.floor(n / 4) * 250 });
  const know = (n: number) => ({ zone: 'knowledge', x: 30 + (n % 4) * 260, y: 70 + Math.floor(n / 4) * 200 });
  const seg = (n: number) => ({ zone: 'segments', x: 30 + (n % 4) * 260, y: 70 + Math.floor(n / 4) * 170 });

  const healthcare = f.item('candidate-sector', {
    name: 'Healthcare', jobs: 18400, averageWage: 61200, wages: 'above', trend: 'growing', lq: 1.18, concentration: 'above-one',
    partnersReaching: 5, dataSource: 'State LMI, 2025 annual averages', order: 'first',
    definition: 'Hospitals, clinics, home health and long-term care: the employers of nurses, technicians and aides.',
  }, cand(0));
  const manufacturing = f.item('candidate-sector', {
    name: 'Advanced manufacturing', jobs: 9300, averageWage: 68900, wages: 'above', trend: 'steady', lq: 1.6, concentration: 'above-both',
    partnersReaching: 3, dataSource: 'State LMI, 2025 annual averages', order: 'next',
  }, cand(1));
  // No concentration choice: a location quotient under 1 means not concentrated.
  const logistics = f.item('candidate-sector', { name: 'Logistics', jobs: 6100, averageWage: 48200, wages: 'near', trend: 'growing', lq: 0.9, partnersReaching: 1, dataSource: 'County business patterns', order: 'later' }, cand(2));
  // The choice says "not higher", whatever the quotient.
  const hospitality = f.item('candidate-sector', { name: 'Hospitality', jobs: 11000, wages: 'below', trend: 'steady', lq: 1.3, concentration: 'not-above', partnersReaching: 0, dataSource: 'State LMI', order: 'not-target' }, cand(3));
  const construction = f.item('candidate-sector', { name: 'Construction' }, cand(4));
  const emptyCandidate = f.item('candidate-sector', {}, cand(5));
  // Dropped outside every zone: still a candidate.
  const agriculture = f.item('candidate-sector', { name: 'Agriculture', jobs: 2300, trend: 'shrinking', wages: 'below', concentration: 'above-both', partnersReaching: 1, dataSource: 'USDA census' }, { x: 4200, y: 300 });

  const nurses = f.item('sector-insight', { text: 'Both hospitals report about 60 open nursing shifts each week', source: 'College nursing dean', leaning: 'reason' }, know(0));
  const homeHealth = f.item('sector-insight', { text: 'Two home health agencies asked to co-host a hiring fair', source: 'Workforce board business team', leaning: 'reason' }, know(1));
  const secondShift = f.item('sector-insight', { text: 'Riverside Machining adds a second shift in spring', source: 'Economic development alliance', leaning: 'reason' }, know(2));
  const automation = f.item('sector-insight', { text: 'Warehouse automation may cut picker jobs', source: 'Chamber', leaning: 'caution' }, know(3));
  const loose = f.item('sector-insight', { text: 'Farm labour contractors want a training partner', leaning: 'reason' }, know(4));
  const removed = f.item('sector-insight', { text: 'Duplicate note', leaning: 'reason' }, know(5));

  f.connect('insight-about', nurses, healthcare);
  // Drawn backwards: still about healthcare.
  f.connect('insight-about', healthcare, homeHealth);
  f.connect('insight-about', secondShift, manufacturing);
  f.connect('insight-about', automation, logistics);
  const betweenInsights = f.connect('insight-about', loose, automation);
  const toRemoved = f.connect('insight-about', removed, construction);

  const hospitals = f.item('sector-segment', { name: 'Acute care hospitals', examples: 'St. Brigid, Valley General', scope: 'in' }, seg(0));
  const homeCare = f.item('sector-segment', { name: 'Home health and hospice', scope: 'in' }, seg(1));
  const vets = f.item('sector-segment', { name: 'Veterinary clinics', scope: 'out' }, seg(2));
  const devices = f.item('sector-segment', { name: 'Medical device makers', examples: 'NAICS 3391', scope: 'margin' }, seg(3));
  const pharmacies = f.item('sector-segment', { name: 'Pharmacies', scope: 'margin' }, seg(4));
  f.connect('segment-of', hospitals, healthcare);
  f.connect('segment-of', homeCare, healthcare);
  f.connect('segment-of', vets, healthcare);
  f.connect('segment-of', devices, manufacturing);
  const looseSegment = f.connect('segment-of', pharmacies, null);

  const valley = f.item('footprint', { name: 'Upper river valley', places: 'Linn, Benton, Marion and Polk counties', basis: 'industry', followsIndustry: true, size: 'right' }, { zone: 'footprint', x: 40, y: 80 });
  const area3 = f.item('footprint', { name: 'Workforce area 3', places: 'Linn county', basis: 'jurisdiction', size: 'too-small' }, { zone: 'footprint', x: 340, y: 80 });

  f.connect(null, healthcare, manufacturing);
  f.sticky('Ask the port about logistics data', know(7));
  f.remove(removed);

  return {
    records: f.build(),
    ids: {
      healthcare, manufacturing, logistics, hospitality, construction, emptyCandidate, agriculture,
      nurses, homeHealth, secondShift, automation, loose, removed,
      betweenInsights, toRemoved, hospitals, homeCare, vets, devices, pharmacies, looseSegment, valley, area3,
    },
  };
}
