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
export const flowConnector: ConnectorKindDef = {
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

export const frontlineConnectors: ConnectorKindDef[] = [flowConnector];
