import { fixtureFor } from '../kit/testing';
import { manyTablesManyKnocks } from './index';

/**
 * A Many Tables, Many Knocks board for the fictional Three Rivers region (advanced
 * manufacturing), as a team would leave it after a work-session. It includes the awkward cases:
 * cards with empty fields, a knock outside every zone, a table deleted mid-session (leaving an
 * overlap with a loose end), an overlap drawn from a table to a knock, a knock overlap bound at
 * one end, a reversed duplicate overlap, an untyped arrow and a sticky.
 */
export function manyTablesFixture() {
  const f = fixtureFor(manyTablesManyKnocks);

  const quoteCall = f.item('quote', { text: 'Didn’t someone from your office just call me?', side: 'employers-about-us', tone: 'negative' }, { zone: 'journey', x: 40, y: 80 });
  const quoteTraining = f.item('quote', { text: 'The custom training was exactly what we needed.', side: 'employers-about-us', tone: 'positive' }, { zone: 'journey', x: 300, y: 80 });
  const quoteWelders = f.item('quote', { text: 'They only call when they need ten welders by Monday.', side: 'us-about-employers', tone: 'negative' }, { zone: 'journey', x: 560, y: 80 });
  const stepCold = f.item('journey-step', { program: 'Workforce board business services', stage: 'engagement', description: 'Cold call from a business services rep' }, { zone: 'journey', x: 40, y: 400 });
  const stepReferral = f.item('journey-step', { program: 'Workforce board business services', stage: 'referral', description: 'Referred to the college for custom training' }, { zone: 'journey', x: 300, y: 400 });

  const tableAdvisory = f.item(
    'table',
    {
      name: 'Manufacturing Advisory Committee',
      convener: 'Three Rivers Community College',
      convenerType: 'college',
      purpose: 'Advise on the machining and welding curriculum',
      businessTypes: 'Machine shops, fabricators',
      cadence: 'Twice a year',
      servesPurpose: 3,
    },
    { zone: 'tables', x: 40, y: 80 },
  );
  const tableCouncil = f.item(
    'table',
    { name: 'Precision Manufacturing Council', convener: 'Three Rivers Chamber', convenerType: 'chamber', purpose: 'Policy and networking', businessTypes: 'Large OEMs', cadence: 'Monthly', servesPurpose: 4 },
    { zone: 'tables', x: 320, y: 80 },
  );
  const tableRoundtable = f.item(
    'table',
    { name: 'Workforce Board Industry Roundtable', convener: 'Three Rivers Workforce Board', convenerType: 'workforce-board', purpose: 'Hiring needs', cadence: 'Quarterly' },
    { zone: 'tables', x: 600, y: 80 },
  );
  const tableBreakfast = f.item(
    'table',
    { name: 'Machinists’ Breakfast Club', convener: 'Owners of local shops', convenerType: 'employers', purpose: 'Peer support', servesPurpose: 5 },
    { zone: 'tables', x: 880, y: 80 },
  );
  const tableWelding = f.item(
    'table',
    { name: 'Valley College Welding Advisory Board', convener: 'Valley College', convenerType: 'college', businessTypes: 'Fabricators', servesPurpose: 4 },
    { zone: 'tables', x: 1160, y: 80 },
  );
  const tableEmpty = f.item('table', {}, { zone: 'tables', x: 1440, y: 80 });
  const gapSmallShops = f.item('gap', { text: 'No table for the small shops in Lower County', businesses: 'Shops under 20 employees' }, { zone: 'tables', x: 40, y: 500 });
  const gapEmpty = f.item('gap', {}, { zone: 'tables', x: 320, y: 500 });

  const knockBusinessServices = f.item(
    'knock',
    {
      organization: 'Three Rivers Workforce Board',
      program: 'Business services',
      role: 'Business services rep',
      purpose: 'business-services',
      businesses: 'Acme Tooling Inc., North Fab; Riverside Castings',
      frequency: 'Monthly',
    },
    { zone: 'knocks', x: 40, y: 80 },
  );
  const knockVeterans = f.item(
    'knock',
    { organization: 'three rivers  workforce board', program: 'Veterans employment', role: 'Job developer', purpose: 'job-development', businesses: 'acme tooling, Blue Ridge Machining', frequency: 'Quarterly' },
    { zone: 'knocks', x: 320, y: 80 },
  );
  const knockCollege = f.item(
    'knock',
    { organization: 'Three Rivers Community College', program: 'Custom training', purpose: 'business-services', businesses: 'North Fab, Acme Tooling, and Smith & Sons Welding' },
    { zone: 'knocks', x: 600, y: 80 },
  );
  const knockChamber = f.item(
    'knock',
    { organization: 'Three Rivers Chamber', program: 'Membership drive', purpose: 'funding-ask', businesses: 'Smith and Sons Welding; Riverside Castings, etc.' },
    { zone: 'knocks', x: 880, y: 80 },
  );
  const knockSurvey = f.item(
    'knock',
    { organization: 'Lower County Economic Development', program: 'Business retention survey', purpose: 'information-gathering', businesses: 'North Fab\nRiverside Castings' },
    { zone: 'knocks', x: 40, y: 400 },
  );
  const knockYouth = f.item('knock', { program: 'Youth apprenticeship' }, { zone: 'knocks', x: 320, y: 400 });
  // Left outside every zone: still a knock.
  const knockApprenticeship = f.item(
    'knock',
    { organization: 'Three Rivers Community College', program: 'Apprenticeship office', purpose: 'job-development', businesses: 'Acme Tooling; acme tooling' },
    { x: 7000, y: 0 },
  );

  const ideaFrontDoor = f.item('idea', { text: 'One front door for every manufacturer in the region', outcomeFor: 'industry' }, { zone: 'ideal', x: 40, y: 80 });
  const ideaCalendar = f.item('idea', { text: 'A shared calendar of employer contacts', outcomeFor: 'both', feasible: true }, { zone: 'real', x: 40, y: 80 });
  const ideaJobBoard = f.item('idea', { text: 'Students hear about openings from one shared job board', outcomeFor: 'jobseekers-students' }, { zone: 'ideal', x: 320, y: 80 });
  const ideaEmpty = f.item('idea', {}, { zone: 'ideal', x: 40, y: 400 });
  const ideaJointTeam = f.item('idea', { text: 'A joint business services team that meets monthly', outcomeFor: 'industry', feasible: true }, { zone: 'real', x: 320, y: 80 });
  const actionList = f.item('action', { text: 'Build one shared list of employer contacts', owner: 'Dana Ortiz (Workforce Board)', due: 'Within 60 days' }, { zone: 'real', x: 40, y: 500 });
  const actionInvite = f.item('action', { text: 'Invite the chamber and the college to align outreach' }, { zone: 'real', x: 320, y: 500 });

  // A table added by mistake, linked, then deleted: its overlap keeps a loose end.
  const tableDeleted = f.item('table', { name: 'Duplicate of the advisory committee', convenerType: 'college' }, { zone: 'tables', x: 1440, y: 500 });

  const overlapAdvisory = f.connect('overlaps', tableAdvisory, tableWelding, { overlap: 'same-businesses' });
  const overlapCouncil = f.connect('overlaps', tableCouncil, tableRoundtable, { overlap: 'both' });
  const overlapCouncilBack = f.connect('overlaps', tableRoundtable, tableCouncil, { overlap: 'same-purpose' });
  const overlapToDeleted = f.connect('overlaps', tableAdvisory, tableDeleted, { overlap: 'same-purpose' });
  const knockOverlapWorkforce = f.connect('knock-overlap', knockBusinessServices, knockVeterans, { sameBusinesses: true, fatigueRisk: true, notes: 'Both call Acme Tooling' });
  const knockOverlapCollege = f.connect('knock-overlap', knockCollege, knockBusinessServices, { sameBusinesses: true, samePurpose: true });
  const knockOverlapLoose = f.connect('knock-overlap', knockChamber, null, { fatigueRisk: true });
  const untyped = f.connect(null, knockSurvey, knockChamber);
  const overlapMisplaced = f.connect('overlaps', tableBreakfast, knockSurvey, { overlap: 'same-businesses' });
  const sticky = f.sticky('Ask Lower County who else calls the castings plant', { zone: 'knocks', x: 600, y: 400 });
  const knockOverlapBare = f.connect('knock-overlap', knockSurvey, knockChamber);
  f.remove(tableDeleted);
  // Gaps in outreach: one marked so, one only placed among the knocks.
  const gapSuppliers = f.item('gap', { text: 'Nobody reaches the suppliers moving in near the battery plant', about: 'knocks' }, { zone: 'knocks', x: 1500, y: 700 });
  const gapHomeShops = f.item('gap', { text: 'Home-based machine shops get no visits' }, { zone: 'knocks', x: 1200, y: 700 });

  return {
    records: f.build(),
    ids: {
      quoteCall, quoteTraining, quoteWelders, stepCold, stepReferral,
      tableAdvisory, tableCouncil, tableRoundtable, tableBreakfast, tableWelding, tableEmpty, tableDeleted,
      gapSmallShops, gapEmpty, gapSuppliers, gapHomeShops,
      knockBusinessServices, knockVeterans, knockCollege, knockChamber, knockSurvey, knockYouth, knockApprenticeship,
      ideaFrontDoor, ideaCalendar, ideaJobBoard, ideaEmpty, ideaJointTeam, actionList, actionInvite,
      overlapAdvisory, overlapCouncil, overlapCouncilBack, overlapToDeleted, overlapMisplaced,
      knockOverlapWorkforce, knockOverlapCollege, knockOverlapLoose, knockOverlapBare, untyped, sticky,
    },
  };
}
