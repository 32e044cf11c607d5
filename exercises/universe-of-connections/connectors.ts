import type { ConnectorKindDef } from '../kit/definitions';

export const connectorKinds: ConnectorKindDef[] = [
  {
    kind: 'connection',
    label: 'Connection',
    description: 'Two organizations or people who work together today.',
    from: ['organization', 'person'],
    to: ['organization', 'person'],
    // Working together goes both ways.
    look: { color: 'blue', dash: 'solid', arrowheads: 'none' },
    labelFields: ['strength', 'formality'],
    fields: [
      {
        key: 'strength',
        label: 'Strength',
        kind: 'choice',
        options: [
          { value: 'strong', label: 'Strong' },
          { value: 'moderate', label: 'Moderate' },
          { value: 'weak', label: 'Weak' },
        ],
      },
      {
        // Not called `kind`: a connection already has a kind (`connection`) in results and exports.
        key: 'formality',
        label: 'Kind',
        kind: 'choice',
        options: [
          { value: 'formal', label: 'Formal' },
          { value: 'informal', label: 'Informal' },
        ],
      },
    ],
  },
];
