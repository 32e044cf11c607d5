import type { ConnectorKindDef, FieldOption } from '../kit/definitions';

const LINK_KINDS: FieldOption[] = [
  { value: 'credits', label: 'Credits transfer' },
  { value: 'agreement', label: 'Formal agreement' },
  { value: 'referral', label: 'Referral only' },
];

/** People completing one program can move on to the next. */
const leadsToConnector: ConnectorKindDef = {
  kind: 'leads-to',
  label: 'Leads to',
  description: 'Draw from a program to the next one people can move on to, across institutions too.',
  from: ['pathway-program'],
  to: ['pathway-program'],
  fields: [{ key: 'link', label: 'How', kind: 'choice', options: LINK_KINDS }],
};

/** A program prepares people for an industry need. */
const answersConnector: ConnectorKindDef = {
  kind: 'answers',
  label: 'Answers',
  description: 'Draw from a program to the industry need it prepares people for.',
  from: ['pathway-program'],
  to: ['industry-need'],
  fields: [],
};

export const careerPathwaysConnectors: ConnectorKindDef[] = [leadsToConnector, answersConnector];
