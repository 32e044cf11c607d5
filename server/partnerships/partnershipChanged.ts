import { isBoardId } from '../../shared/ids';
import { topic } from '../events/EventBus';

/** A partnership changed on one node (boards added, a link replaced, its settings): live pages on the others read it again. */
export interface PartnershipChange {
  partnershipId: string;
  /** Boards that joined it (followed from now on). */
  added: string[];
}

export const partnershipChanged = topic<PartnershipChange>('partnership.changed', (data) => {
  const d = data as Partial<PartnershipChange> | null;
  if (!d || typeof d.partnershipId !== 'string' || d.partnershipId.length > 100) return null;
  const added = Array.isArray(d.added) ? d.added.filter((b): b is string => typeof b === 'string' && isBoardId(b)).slice(0, 100) : [];
  return { partnershipId: d.partnershipId, added };
});
