import type { ConnectorKindDef, FieldOption } from '../kit/definitions';

export const CHANNELS: FieldOption[] = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'email-newsletter', label: 'Email / newsletter' },
  { value: 'training', label: 'Training' },
  { value: 'dashboard', label: 'Shared dashboard' },
  { value: 'lmi-brief', label: 'Labor-market brief' },
  { value: 'other', label: 'Other' },
];

/** Information passing from one audience to another. */
const flowConnector: ConnectorKindDef = {
  kind: 'flow',
  label: 'Flow',
  description: 'How information gets from one audience to the next: the channel, how often, and who makes it happen.',
  from: ['audience'],
  to: ['audience'],
  fields: [
    { key: 'channel', label: 'Channel', kind: 'choice', options: CHANNELS },
    { key: 'cadence', label: 'How often', kind: 'text', placeholder: 'e.g. monthly' },
    { key: 'owner', label: 'Owner', kind: 'text', placeholder: 'Who makes sure it happens' },
  ],
};

export const ROLE_RELATIONS: FieldOption[] = [
  { value: 'overlap', label: 'Overlap: same people or same work' },
  { value: 'connect', label: 'Connect: refer to or work with each other' },
];

/** Two frontline roles that overlap or connect. */
const roleLinkConnector: ConnectorKindDef = {
  kind: 'role-link',
  label: 'Overlap or connection',
  description: 'Two frontline roles that serve the same people or do the same work (overlap), or that refer to and work with each other (connect).',
  from: ['frontline-role'],
  to: ['frontline-role'],
  // Goes both ways: no arrowhead.
  look: { arrowheads: 'none' },
  fields: [
    { key: 'relation', label: 'They', kind: 'choice', options: ROLE_RELATIONS },
    { key: 'notes', label: 'Notes', kind: 'text' },
  ],
};

export const frontlineConnectors: ConnectorKindDef[] = [flowConnector, roleLinkConnector];
