import type { ConnectorKindDef } from '../../../exercises/kit/definitions';

export interface KindChoice {
  /** The kinds offered for the arrow. */
  kinds: ConnectorKindDef[];
  /** Why the list is not filtered by the arrow's ends (null when it is). */
  note: string | null;
}

function fits(kind: ConnectorKindDef, startType: string | null, endType: string | null): boolean {
  const okStart = !kind.from || startType === null || kind.from.includes(startType);
  const okEnd = !kind.to || endType === null || kind.to.includes(endType);
  return okStart && okEnd;
}

/**
 * The connector kinds an arrow may take given the item types bound at its ends (null for an end
 * that is free or bound to something other than a card). An end that is not on a card does not
 * restrict the list. When no kind fits the ends, every kind is offered, with a note saying so.
 */
export function connectorKindsFor(kinds: readonly ConnectorKindDef[], startType: string | null, endType: string | null): KindChoice {
  if (kinds.length === 0) return { kinds: [], note: null };
  const matching = kinds.filter((k) => fits(k, startType, endType));
  const bothFree = startType === null && endType === null;
  if (matching.length === 0) {
    return { kinds: [...kinds], note: 'None of the kinds is meant for cards of these types; all kinds are listed.' };
  }
  if (bothFree) {
    return { kinds: matching, note: 'Attach both ends to cards to see only the kinds that fit them.' };
  }
  if (startType === null || endType === null) {
    return { kinds: matching, note: 'One end is not attached to a card.' };
  }
  return { kinds: matching, note: null };
}
