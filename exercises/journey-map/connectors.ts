import type { ConnectorKindDef } from '../kit/definitions';

const HANDOFF_QUALITY = [
  { value: 'smooth', label: 'Smooth' },
  { value: 'bumpy', label: 'Bumpy' },
  { value: 'broken', label: 'Broken' },
];

/** A handoff from one journey step to the next, within a program or across programs. */
const handoffConnector: ConnectorKindDef = {
  kind: 'handoff',
  label: 'Handoff',
  description: 'The person or business moves from one step to the next; draw it across lanes when another program takes over.',
  from: ['journey-step'],
  to: ['journey-step'],
  fields: [
    {
      key: 'quality',
      label: 'Does it work?',
      kind: 'choice',
      options: HANDOFF_QUALITY,
      help: 'Smooth: nobody gets lost. Bumpy: it works with effort or delay. Broken: people fall through.',
    },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

export const journeyMapConnectors: ConnectorKindDef[] = [handoffConnector];
