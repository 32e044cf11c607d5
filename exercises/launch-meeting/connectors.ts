import type { ConnectorKindDef } from '../kit/definitions';

/** A requirement is what it takes to seize an opportunity. */
const neededForConnector: ConnectorKindDef = {
  kind: 'needed-for',
  label: 'Needed for',
  description: 'Draw from a requirement to the opportunity it would help seize.',
  from: ['requirement'],
  to: ['opportunity'],
  fields: [],
};

/** A champion commits to a priority or one of its requirements. */
const commitsToConnector: ConnectorKindDef = {
  kind: 'commits-to',
  label: 'Commits to',
  description: 'Draw from a champion to the shared priority, or the requirement, they commit to.',
  from: ['champion'],
  to: ['opportunity', 'requirement'],
  fields: [],
};

export const launchMeetingConnectors: ConnectorKindDef[] = [neededForConnector, commitsToConnector];
