import type { ConnectorKindDef } from '../kit/definitions';

/** What a partner knows about a sector, tied to the sector's card. */
const insightAboutConnector: ConnectorKindDef = {
  kind: 'insight-about',
  label: 'About',
  description: 'Draw from a piece of on-the-ground knowledge to the candidate sector it is about.',
  from: ['sector-insight'],
  to: ['candidate-sector'],
  fields: [],
};

/** A sub-segment belongs to a candidate sector. */
const segmentOfConnector: ConnectorKindDef = {
  kind: 'segment-of',
  label: 'Part of',
  description: 'Draw from a sub-segment to the sector it is part of.',
  from: ['sector-segment'],
  to: ['candidate-sector'],
  fields: [],
};

export const sectorScopingConnectors: ConnectorKindDef[] = [insightAboutConnector, segmentOfConnector];
