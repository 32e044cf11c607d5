import { fixtureFor } from '../kit/testing';
import { universeOfConnections } from './index';

/**
 * A Universe of Connections board for the fictional Cedar Valley region (healthcare). It includes
 * the awkward cases: an organization and a person with every field empty, an organization outside
 * every zone, an organization deleted mid-session (leaving a connection with a loose end), a
 * connection bound at one end, a connection drawn to a sector card, a target sector entered twice
 * with different spelling, an untyped arrow and a sticky.
 */
export function universeFixture() {
  const f = fixtureFor(universeOfConnections);
  const at = (col: number, row: number) => ({ zone: 'universe', x: 60 + col * 320, y: 80 + row * 260 });

  const workforceBoard = f.item('organization', { name: 'Cedar Valley Workforce Board', category: 'workforce-development', ring: 'core', role: 'convener' }, at(4, 3));
  const college = f.item('organization', { name: 'Cedar Valley Community College', category: 'community-college', ring: 'core', role: 'co-convener' }, at(6, 3));
  const econAlliance = f.item('organization', { name: 'Cedar Valley Economic Alliance', category: 'economic-development', ring: 'core', role: 'support-partner' }, at(5, 2));
  const schoolDistrict = f.item('organization', { name: 'Cedar Valley Unified School District', category: 'k12', ring: 'broader', role: 'none' }, at(8, 1));
  const adultEd = f.item('organization', { name: 'Cedar Valley Adult Learning Center', category: 'adult-education', ring: 'core', role: 'support-partner' }, at(5, 4));
  const chamber = f.item('organization', { name: 'Cedar Valley Chamber', category: 'chamber', ring: 'broader', role: 'support-partner', notes: 'Runs the health-care employers breakfast' }, at(2, 1));
  const hospital = f.item('organization', { name: 'St. Brigid Regional Hospital', category: 'business', ring: 'industry', role: 'none' }, at(0, 6));
  const homeCare = f.item('organization', { name: 'Valley Home Care Partners', category: 'business', ring: 'industry' }, at(9, 6));
  const union = f.item('organization', { name: 'Healthcare Workers Local 410', category: 'organized-labor', ring: 'broader', role: 'none' }, at(1, 4));
  const orgEmpty = f.item('organization', {}, at(10, 0));
  // Dropped outside every zone: still an organization.
  const university = f.item('organization', { name: 'State University School of Nursing', category: 'university', role: 'none' }, { x: 5400, y: 3000 });
  const maria = f.item('person', { name: 'Maria Chen', organization: 'Cedar Valley Workforce Board', role: 'Business services director' }, at(3, 5));
  const okafor = f.item('person', { name: 'Dr. Sam Okafor', organization: 'St. Brigid Regional Hospital', role: 'Chief nursing officer' }, at(1, 7));
  const personEmpty = f.item('person', {}, at(10, 7));
  const healthcare = f.item('sector', { name: 'Healthcare', agreed: true, notes: 'Largest employer base, high demand for nurses' }, { zone: 'sectors', x: 40, y: 80 });
  const manufacturing = f.item('sector', { name: 'Advanced manufacturing', agreed: false }, { zone: 'sectors', x: 320, y: 80 });
  const healthcareAgain = f.item('sector', { name: ' healthcare ', agreed: true }, { zone: 'sectors', x: 600, y: 80 });
  const transit = f.item('organization', { name: 'Cedar Valley Transit', category: 'other', ring: 'broader' }, at(9, 3));

  const wbCollege = f.connect('connection', workforceBoard, college, { strength: 'strong', formality: 'formal' });
  const wbAlliance = f.connect('connection', workforceBoard, econAlliance, { strength: 'moderate', formality: 'formal' });
  const collegeAdultEd = f.connect('connection', college, adultEd, { strength: 'strong', formality: 'informal' });
  const wbAdultEd = f.connect('connection', workforceBoard, adultEd, { strength: 'weak', formality: 'informal' });
  const collegeSchools = f.connect('connection', college, schoolDistrict, { strength: 'weak', formality: 'formal' });
  const mariaWb = f.connect('connection', maria, workforceBoard, { strength: 'strong', formality: 'formal' });
  const okaforHospital = f.connect('connection', okafor, hospital, { strength: 'strong', formality: 'formal' });
  const mariaOkafor = f.connect('connection', maria, okafor, { strength: 'moderate', formality: 'informal' });
  const chamberAlliance = f.connect('connection', chamber, econAlliance, { strength: 'moderate' });
  const collegeUniversity = f.connect('connection', college, university);
  const allianceTransit = f.connect('connection', econAlliance, transit, { strength: 'weak', formality: 'informal' });
  const chamberLoose = f.connect('connection', chamber, null, { strength: 'weak' });
  const untyped = f.connect(null, hospital, homeCare);
  const adultEdSector = f.connect('connection', adultEd, healthcare, { strength: 'strong' });
  const sticky = f.sticky('Who knows the home care agencies?', at(8, 6));
  f.remove(transit);

  return {
    records: f.build(),
    ids: {
      workforceBoard, college, econAlliance, schoolDistrict, adultEd, chamber, hospital, homeCare, union, orgEmpty, university, transit,
      maria, okafor, personEmpty, healthcare, manufacturing, healthcareAgain,
      wbCollege, wbAlliance, collegeAdultEd, wbAdultEd, collegeSchools, mariaWb, okaforHospital, mariaOkafor, chamberAlliance,
      collegeUniversity, allianceTransit, chamberLoose, untyped, adultEdSector, sticky,
    },
  };
}
