import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { universeOfConnections } from './index';
import { universeFixture } from './fixtures';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(universeOfConnections, records);
  return proposeEvidence(universeOfConnections, board, results);
};

describe('Universe of Connections rubric evidence', () => {
  it('proposes evidence from the Cedar Valley board', () => {
    const { records, ids } = universeFixture();
    expect(propose(records)).toEqual([
      {
        id: 'universe-of-connections:core-team:board',
        dimension: 'regional-coordination',
        text: 'The core team has 4 organizations, covering 4 of the 5 key kinds of partner',
        itemIds: [ids.workforceBoard, ids.college, ids.econAlliance, ids.adultEd],
        figureId: 'orgs-by-category',
      },
      {
        id: 'universe-of-connections:missing-core:k12',
        dimension: 'career-pathways',
        text: 'No K-12 partner in the core team (Cedar Valley Unified School District is on the board outside it)',
        itemIds: [ids.schoolDistrict],
        figureId: 'missing-core-categories',
      },
      {
        id: 'universe-of-connections:conveners:board',
        dimension: 'regional-coordination',
        text: 'Convening roles taken by Cedar Valley Workforce Board (convener) and Cedar Valley Community College (co-convener)',
        itemIds: [ids.workforceBoard, ids.college],
        figureId: 'conveners',
      },
      {
        id: 'universe-of-connections:agreed-sectors:board',
        dimension: 'regional-coordination',
        // "Healthcare" and " healthcare " are one sector
        text: 'The team agreed on 1 target sector: Healthcare',
        itemIds: [ids.healthcare, ids.healthcareAgain],
        figureId: 'agreed-sectors',
      },
      {
        id: 'universe-of-connections:isolated:board',
        dimension: 'regional-coordination',
        // the untyped arrow to the home care partners does not count
        text: '3 organizations on the board have no connection to anyone: an unnamed organization, Valley Home Care Partners and Healthcare Workers Local 410',
        itemIds: [ids.orgEmpty, ids.homeCare, ids.union],
        figureId: 'isolated-organizations',
      },
      {
        id: 'universe-of-connections:connection-strength:board',
        dimension: 'regional-coordination',
        // loose, to-the-deleted-transit and to-a-sector connections are left out
        text: 'Of 10 connections drawn, 4 are strong and 2 weak',
        itemIds: [ids.workforceBoard, ids.adultEd, ids.college, ids.schoolDistrict],
        figureId: 'weak-connections',
      },
      {
        id: 'universe-of-connections:businesses-connected:board',
        dimension: 'industry-engagement',
        text: '1 of 2 businesses on the map is connected to someone on the team',
        itemIds: [ids.hospital, ids.homeCare],
      },
    ]);
  });

  it('proposes nothing on an empty board, nor from people and sectors without any organization', () => {
    expect(propose(fixtureFor(universeOfConnections).build())).toEqual([]);
    const f = fixtureFor(universeOfConnections);
    f.item('person', { name: 'Maria Chen' }, { zone: 'universe', x: 60, y: 80 });
    f.item('sector', { name: 'Healthcare', agreed: true }, { zone: 'sectors', x: 40, y: 80 });
    expect(propose(f.build())).toEqual([]);
  });

  it('names what is still missing before a core team, a convener or a sector is agreed', () => {
    const f = fixtureFor(universeOfConnections);
    const school = f.item('organization', { name: 'Lincoln High', category: 'k12', ring: 'broader' }, { zone: 'universe', x: 60, y: 80 });
    const sector = f.item('sector', { name: 'Logistics', agreed: false }, { zone: 'sectors', x: 40, y: 80 });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      // no core team yet: missing kinds are not listed one by one
      ['universe-of-connections:no-convener:board', 'No convener or co-conveners named yet', []],
      ['universe-of-connections:no-agreed-sector:board', 'No target sector agreed by the whole team yet', [sector]],
      ['universe-of-connections:isolated:board', '1 organization on the board has no connection to anyone: Lincoln High', [school]],
    ]);
  });

  it('sorts the absence of a college or adult education under career pathways, of a workforce partner under coordination', () => {
    const f = fixtureFor(universeOfConnections);
    f.item('organization', { name: 'Chamber', category: 'chamber', ring: 'core' }, { zone: 'universe', x: 60, y: 80 });
    const missing = propose(f.build()).filter((p) => p.id.includes(':missing-core:'));
    expect(missing.map((p) => [p.id.split(':').pop(), p.dimension])).toEqual([
      // The chamber stands for economic development; labor and community groups are not required.
      ['workforce-development', 'regional-coordination'],
      ['k12', 'career-pathways'],
      ['community-college', 'career-pathways'],
      ['adult-education', 'career-pathways'],
    ]);
  });
});
