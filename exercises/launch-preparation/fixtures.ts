import { fixtureFor } from '../kit/testing';
import { launchPreparation } from './index';

/**
 * Upper Valley, preparing the launch of its healthcare partnership. Edge cases: a chosen
 * co-convener short of staff time, a chamber that has not agreed to listen, a partner with no
 * part written down, sub-sectors spelled two ways, a chair candidate nobody is calling, a leader
 * who declined but said they would sign, an empty CEO card, a leader with no sub-sector, the
 * signers named only on the CEO cards, an idea card pasted from another board and a sticky.
 */
export function launchPreparationFixture() {
  const f = fixtureFor(launchPreparation);
  const at = (zone: string, n: number, cols = 4) => ({ zone, x: 30 + (n % cols) * 265, y: 70 + Math.floor(n / cols) * 215 });

  const workforce = f.item('convener-candidate', { organization: 'Upper Valley Workforce Board', credibility: 5, staffing: 4, neutrality: 4, decision: 'lead' }, at('convener', 0, 4));
  const alliance = f.item('convener-candidate', { organization: 'Valley Economic Alliance', credibility: 3, staffing: 2, neutrality: 4, decision: 'co' }, at('convener', 1, 4));
  const chamber = f.item('convener-candidate', { organization: 'Upper Valley Chamber', credibility: 4, staffing: 3, neutrality: 2, agenda: 'Growing its membership', decision: 'not-chosen' }, at('convener', 2, 4));
  const college = f.item('convener-candidate', { organization: 'Valley Community College', credibility: 4, staffing: 3, agenda: 'Advising on curriculum straight away' }, at('convener', 3, 4));

  const collegeSupport = f.item('support-partner', { partner: 'Valley Community College', contact: 'Dean Okafor', listening: true, actionRole: 'Expand nursing cohorts once employers set the numbers' }, at('support', 0, 4));
  const adultEd = f.item('support-partner', { partner: 'Northside Adult Education', listening: true }, at('support', 1, 4));
  const chamberSupport = f.item('support-partner', { partner: 'Upper Valley Chamber', actionRole: 'Host the networking breakfast' }, at('support', 2, 4));

  const moreno = f.item('ceo', { name: 'Dr. Alicia Moreno', company: 'St. Brigid Regional Hospital', subSector: 'Acute care', knownBy: 'Maria (workforce board)', civicEntrepreneur: true, chairCandidate: true, signsInvitation: true, hosts: true, outreachBy: 'Maria', status: 'confirmed' }, at('companies', 0));
  const whitfield = f.item('ceo', { name: 'James Whitfield', company: 'Valley General Hospital', subSector: 'acute  care', knownBy: 'Dean Okafor', civicEntrepreneur: true, chairCandidate: true, signsInvitation: true, outreachBy: 'Dean Okafor', status: 'confirmed' }, at('companies', 1));
  const liu = f.item('ceo', { name: 'Grace Liu', company: 'Riverbend Home Health', subSector: 'Home health', civicEntrepreneur: true, chairCandidate: true }, at('companies', 2));
  const becker = f.item('ceo', { name: 'Tom Becker', company: 'Cedar Lane Senior Living', subSector: 'Long-term care', knownBy: 'Ann (chamber)', outreachBy: 'Ann', status: 'invited' }, at('companies', 3));
  const shah = f.item('ceo', { name: 'Priya Shah', company: 'Valley Pediatrics', subSector: 'Clinics', knownBy: 'College', signsInvitation: true, outreachBy: 'Dean Okafor', status: 'invited' }, at('companies', 4));
  const olsen = f.item('ceo', { name: 'Mark Olsen', company: 'Northside Dialysis', subSector: 'Clinics', knownBy: 'Maria', signsInvitation: true, outreachBy: 'Maria', status: 'declined' }, at('companies', 5));
  const vega = f.item('ceo', { name: 'Rosa Vega', company: 'Mercy Home Care', subSector: 'Home health', knownBy: 'Adult education' }, at('companies', 6));
  const ito = f.item('ceo', { name: 'Sam Ito', company: 'Lakeside Clinic', knownBy: 'Maria', outreachBy: 'Maria', status: 'invited' }, at('companies', 7));
  const emptyCeo = f.item('ceo', {}, at('companies', 8));

  const meeting = f.item('launch-plan', {
    name: 'Healthcare partnership launch', date: '2026-06-18', time: '7:30-9:30 am', location: 'St. Brigid Regional Hospital, conference center', atCompany: true, invitationSent: '2026-05-28',
  }, { zone: 'meeting', x: 40, y: 80 });

  const pasted = f.item('idea', { text: 'Breakfast format, no slides' }, { zone: 'meeting', x: 40, y: 400 });
  f.sticky('Ask St. Brigid for parking passes', { zone: 'meeting', x: 400, y: 400 });

  return {
    records: f.build(),
    ids: { workforce, alliance, chamber, college, collegeSupport, adultEd, chamberSupport, moreno, whitfield, liu, becker, shah, olsen, vega, ito, emptyCeo, meeting, pasted },
  };
}
