import type { ConnectorKindDef, FieldOption } from '../kit/definitions';

const TASK_FORCE_ROLES: FieldOption[] = [
  { value: 'member', label: 'Member' },
  { value: 'chair', label: 'Chair' },
  { value: 'facilitator', label: 'Facilitator' },
];

/** One stakeholder can bring another to the table. */
const influenceConnector: ConnectorKindDef = {
  kind: 'influence',
  label: 'Can bring in',
  description: 'Draw from the person who has the relationship to the person they can bring in.',
  from: ['stakeholder'],
  to: ['stakeholder'],
  fields: [{ key: 'notes', label: 'How', kind: 'text', placeholder: 'e.g. sits on the same board' }],
};

/** A stakeholder serves on a priority area's task force. */
const memberConnector: ConnectorKindDef = {
  kind: 'member',
  label: 'Task force member',
  description: 'Draw from a stakeholder to the priority area whose task force they serve on.',
  from: ['stakeholder'],
  to: ['priority'],
  fields: [{ key: 'role', label: 'Role in the task force', kind: 'choice', options: TASK_FORCE_ROLES }],
};

export const influenceMapConnectors: ConnectorKindDef[] = [influenceConnector, memberConnector];
