import { describe, expect, it } from 'vitest';
import type { ConnectorKindDef } from '../../../exercises/kit/definitions';
import { connectorKindsFor } from './connectorChoices';

const kind = (k: string, from?: string[], to?: string[]): ConnectorKindDef => ({ kind: k, label: k, description: '', fields: [], from, to });
const overlaps = kind('overlaps', ['table'], ['table']);
const membership = kind('membership', ['stakeholder'], ['priority']);
const anything = kind('note');
const kinds = [overlaps, membership, anything];

describe('connector kinds offered for an arrow', () => {
  it('offers the kinds whose ends fit the two cards', () => {
    expect(connectorKindsFor(kinds, 'table', 'table')).toEqual({ kinds: [overlaps, anything], note: null });
    expect(connectorKindsFor(kinds, 'stakeholder', 'priority').kinds).toEqual([membership, anything]);
  });

  it('filters by the attached end only when the other end is free', () => {
    const choice = connectorKindsFor(kinds, null, 'priority');
    expect(choice.kinds).toEqual([membership, anything]);
    expect(choice.note).toMatch(/not attached/);
  });

  it('offers every kind, with a note, when both ends are free', () => {
    const choice = connectorKindsFor(kinds, null, null);
    expect(choice.kinds).toEqual(kinds);
    expect(choice.note).toMatch(/Attach both ends/);
  });

  it('offers every kind, with a note, when none fits the cards', () => {
    const choice = connectorKindsFor([overlaps, membership], 'priority', 'table');
    expect(choice.kinds).toEqual([overlaps, membership]);
    expect(choice.note).toMatch(/None of the kinds/);
  });
});
