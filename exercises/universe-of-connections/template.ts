import type { ExerciseTemplate } from '../../shared/template';

/**
 * Universe of Connections: the first four steps work in one large "universe" zone (rings are a
 * field of each organization, not separate zones, so a card can be moved without changing its
 * meaning); target sectors have their own zone; the closing discussion has none.
 */
export const universeOfConnectionsTemplate: ExerciseTemplate = {
  id: 'universe-of-connections',
  title: 'Universe of Connections',
  purpose:
    'See who is (and is not) on the regional support team, how the partners are linked today, and agree on roles, a convener and a shared target sector before any business is approached.',
  version: 1,
  steps: [
    {
      id: 'place',
      title: 'Place organizations and people',
      prompt:
        'Each participant adds an Organization card for their own organization and for every other one that touches the sector: workforce, education, economic development, labor, community groups, government, businesses. Set its category and its ring: core support team, broader partner, or industry. The core team needs workforce development, K-12, community and technical colleges, adult education, and economic development or chambers; labor, community groups and elected officials are welcome stakeholders too. Add Person cards for the key individuals everyone should know, with their organization and role.',
      minutes: 20,
      zoneId: 'universe',
    },
    {
      id: 'connect',
      title: 'Draw today’s connections',
      prompt:
        'Draw a Connection between any two organizations or people who actually work together today, not those who should. Mark each one formal (an agreement, a shared contract or board seat) or informal (people who simply call each other). Leave a card unconnected if nobody can name a link: that is a finding too.',
      minutes: 20,
      zoneId: 'universe',
    },
    {
      id: 'strength',
      title: 'Mark the strength',
      prompt:
        'Go around the board and rate every connection strong, moderate or weak, asking the people at both ends when they are present. Discuss the weak links to partners the team cannot do without.',
      minutes: 10,
      zoneId: 'universe',
    },
    {
      id: 'roles',
      title: 'Name the convener',
      prompt:
        'Decide which single organization, or which pair, will convene the partnership: one trusted by businesses in the sector, able to give staff time, and willing to set its own agenda aside. Set its role to convener or co-convener, and mark the others that will back it as support partners.',
      minutes: 15,
      zoneId: 'universe',
    },
    {
      id: 'sectors',
      title: 'Agree on target sectors',
      prompt:
        'Put each sector someone proposes on a Sector card, with a note on why (jobs, wages, concentration, how many partners already chase it). Tick Agreed only for the sectors the whole team commits to work on together, starting with at least one.',
      minutes: 15,
      zoneId: 'sectors',
    },
    {
      id: 'discuss',
      title: 'Guiding questions',
      prompt:
        'Talk through the results panel together. Does everyone see the partnership as one shared table where they meet businesses, rather than running their own outreach? Has the team committed to at least one target sector, and are the convener and each partner’s role agreed?',
      minutes: 15,
    },
  ],
  zones: [
    { id: 'universe', label: 'Universe of connections', color: 'light-blue', x: 0, y: 0, w: 3600, h: 2400, itemTypes: ['organization', 'person'] },
    { id: 'sectors', label: 'Target sectors', color: 'yellow', x: 3700, y: 0, w: 1400, h: 1000, itemTypes: ['sector'] },
  ],
};
