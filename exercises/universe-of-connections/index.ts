/**
 * Universe of Connections: a regional team maps who is on its non-employer support team, how the
 * partners are linked today, who convenes, and which target sectors it agrees on.
 * Items: `organization` (category, ring, role), `person`, `sector` (agreed or not).
 * Connector: `connection` between organizations/people (strength; formal or informal).
 * Figures: organizations per category and ring, isolated organizations, the 5 most connected
 * nodes (distinct neighbours; ties by name), key categories missing from the core team, the
 * convener(s) (warns on none and on more than two), agreed target sectors, weak connections,
 * unfinished connectors.
 */
import type { ExerciseDef } from '../kit/definitions';
import { connectorKinds } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { organizationItem, personItem, sectorItem } from './items';
import { universeOfConnectionsTemplate } from './template';

export const universeOfConnections: ExerciseDef = {
  template: universeOfConnectionsTemplate,
  itemTypes: [organizationItem, personItem, sectorItem],
  connectorKinds,
  figures,
  evidence,
  // The manual's own tool for step 1: agreeing on the shared table, a first sector, roles and
  // the convener is exactly what this board works towards.
  reviewPhase: 'support-team',
};
