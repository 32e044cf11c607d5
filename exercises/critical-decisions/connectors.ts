import type { ConnectorKindDef } from '../kit/definitions';

/** A decision that changes a table or a knock brought in from the Many Tables map. */
const addressesConnector: ConnectorKindDef = {
  kind: 'addresses',
  label: 'Addresses',
  description: 'Draw from a decision to the table or knock it changes.',
  from: ['coordination-decision'],
  to: ['table', 'knock'],
  fields: [],
};

export const criticalDecisionsConnectors: ConnectorKindDef[] = [addressesConnector];
