import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../registry';
import type { ConnectorKindDef } from '../kit/definitions';
import { connectorLabel, connectorLook } from '../kit/connectorLook';

const kinds: ConnectorKindDef[] = [
  { kind: 'a', label: 'Alpha', description: '', fields: [{ key: 'level', label: 'Level', kind: 'choice', options: [{ value: 'hi', label: 'High' }] }] },
  {
    kind: 'b',
    label: 'Beta',
    description: '',
    look: { arrowheads: 'none' },
    labelFields: ['risk', 'who'],
    fields: [
      { key: 'risk', label: 'Employer-fatigue risk', kind: 'boolean', shortLabel: 'fatigue risk' },
      { key: 'who', label: 'Who', kind: 'text' },
    ],
  },
  { kind: 'c', label: 'Gamma', description: '', fields: [] },
];

describe('the look of a connector kind', () => {
  it('differs from its neighbours in colour and in dash when the kind declares none', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((k) => connectorLook(kinds, k));
    expect(a).toEqual({ color: 'blue', dash: 'solid', arrowheads: 'end' });
    expect(b).toEqual({ color: 'orange', dash: 'dashed', arrowheads: 'none' });
    expect(c).toEqual({ color: 'violet', dash: 'dotted', arrowheads: 'end' });
  });

  it('is null for a kind the exercise does not have', () => {
    expect(connectorLook(kinds, 'free')).toBeNull();
  });

  it('is distinct for every kind of every exercise', () => {
    for (const exercise of EXERCISES) {
      const looks = exercise.connectorKinds.map((k) => JSON.stringify(connectorLook(exercise.connectorKinds, k.kind)));
      expect(new Set(looks).size, exercise.template.id).toBe(looks.length);
    }
  });
});

describe('the label of a connector on the canvas', () => {
  it('names the kind and the chosen value of its first choice field', () => {
    expect(connectorLabel(kinds[0], { level: 'hi' })).toBe('Alpha · High');
    expect(connectorLabel(kinds[0], { level: '' })).toBe('Alpha');
  });

  it('shows a ticked boolean by its short label and a text value cut to a readable length', () => {
    expect(connectorLabel(kinds[1], { risk: true, who: 'The regional chamber of commerce and its members' })).toBe(
      'Beta · fatigue risk · The regional chamber of…',
    );
    expect(connectorLabel(kinds[1], { risk: false, who: '' })).toBe('Beta');
  });

  it('is the kind alone when the kind has no label fields', () => {
    expect(connectorLabel(kinds[2], {})).toBe('Gamma');
  });
});
