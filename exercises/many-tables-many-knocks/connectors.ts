import type { ConnectorKindDef } from '../kit/definitions';

/** What two tables have in common. */
const TABLE_OVERLAP_ASPECTS = [
  { value: 'same-businesses', label: 'Same businesses' },
  { value: 'same-purpose', label: 'Same purpose' },
  { value: 'both', label: 'Both' },
];

export const connectorKinds: ConnectorKindDef[] = [
  {
    kind: 'overlaps',
    label: 'Overlaps',
    description: 'Two tables that gather the same businesses, serve the same purpose, or both.',
    from: ['table'],
    to: ['table'],
    // A shared membership or purpose has no direction.
    look: { color: 'blue', dash: 'solid', arrowheads: 'none' },
    fields: [
      { key: 'overlap', label: 'What overlaps', kind: 'choice', options: TABLE_OVERLAP_ASPECTS },
      { key: 'notes', label: 'Notes', kind: 'longtext' },
    ],
  },
  {
    kind: 'knock-overlap',
    label: 'Knock overlap',
    description: 'Two knocks that reach the same businesses or ask them for the same thing.',
    from: ['knock'],
    to: ['knock'],
    look: { color: 'orange', dash: 'dashed', arrowheads: 'none' },
    labelFields: ['fatigueRisk'],
    fields: [
      { key: 'sameBusinesses', label: 'Same businesses', kind: 'boolean' },
      { key: 'samePurpose', label: 'Same purpose', kind: 'boolean' },
      {
        key: 'fatigueRisk',
        label: 'Employer-fatigue risk',
        kind: 'boolean',
        shortLabel: 'fatigue risk',
        help: 'Tick when the businesses involved are being asked too often.',
      },
      { key: 'notes', label: 'Notes', kind: 'longtext' },
    ],
  },
];
