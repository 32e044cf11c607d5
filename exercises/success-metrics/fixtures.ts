import { fixtureFor } from '../kit/testing';
import { successMetrics } from './index';
import { cellZoneId } from './template';

/**
 * Three Rivers choosing its success metrics: the sample cards the board started with, some filled
 * in, some reworded, some deleted (public impact left empty), and the team's own. Edge cases: an
 * owner written in two cases, a metric outside the grid (its fields count), an empty metric.
 */
export function successMetricsFixture() {
  const f = fixtureFor(successMetrics);
  const starters = f.starterItems();
  const [engaged, referring, investment, , , , programs, , , timeToHire, , , shared, grants, fundingStreams, accountability] = starters;

  f.update(engaged, { baseline: '14 companies at the launch', target: '30 companies by 2027', dataSource: 'Meeting sign-in sheets', owner: 'Tom (workforce board)' });
  f.remove(referring);
  f.update(investment, { baseline: 'None recorded', target: '$50,000 in kind a year', owner: 'Ann (chamber)' });
  f.update(programs, { name: 'Training programs revised with employers', baseline: '0', target: '3 by 2027', dataSource: 'College curriculum office', owner: 'lena (college)' });
  f.update(timeToHire, { baseline: '11 weeks', target: '4 weeks', dataSource: 'State wage records', owner: 'Lena (College)' });
  f.update(shared, { baseline: 'None', target: 'One shared business services lead', owner: 'Tom (workforce board)' });
  f.update(grants, { dataSource: 'Grant tracker' });
  f.remove(fundingStreams);
  f.remove(accountability);

  const apprentices = f.item('metric', { name: 'Apprenticeship starts', baseline: '6 a year', target: '20 a year', dataSource: 'State wage  records', owner: 'Lena (college)' }, { zone: cellZoneId('jobseekers', 'impact'), x: 30, y: 330 });
  // Outside the grid: its fields say business impact.
  const suppliers = f.item('metric', { name: 'Supplier contracts between members', category: 'business', kind: 'impact', baseline: '2', target: '10', dataSource: 'Member survey', owner: 'Ann (chamber)' }, { x: 3400, y: 200 });
  const emptyMetric = f.item('metric', {}, { zone: cellZoneId('business', 'impact'), x: 30, y: 330 });
  f.sticky('Ask the state about wage record access', { zone: cellZoneId('public', 'process'), x: 30, y: 400 });

  return { records: f.build(), ids: { starters, engaged, referring, investment, programs, timeToHire, shared, grants, fundingStreams, accountability, apprentices, suppliers, emptyMetric } };
}
