import { isBoardId } from '../../shared/ids';
import { topic } from '../events/EventBus';

/** A board's tokens were replaced on one node: the node serving the board closes the sockets opened with them. */
export interface TokensReplaced {
  boardId: string;
  /** The replaced tokens' sha256 hashes (never the tokens). */
  hashes: string[];
}

export const tokensReplaced = topic<TokensReplaced>('tokens.replaced', (data) => {
  const d = data as Partial<TokensReplaced> | null;
  if (!d || typeof d.boardId !== 'string' || !isBoardId(d.boardId) || !Array.isArray(d.hashes)) return null;
  const hashes = d.hashes.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).slice(0, 100);
  return { boardId: d.boardId, hashes };
});

/** A cohort's trainer link was replaced on one node: every node ends that cohort's dashboard streams. */
export const trainerLinkReplaced = topic<{ cohortId: string }>('trainer_link.replaced', (data) => {
  const d = data as { cohortId?: unknown } | null;
  return d && typeof d.cohortId === 'string' && d.cohortId.length <= 100 ? { cohortId: d.cohortId } : null;
});
