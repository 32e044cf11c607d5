import { useValue } from 'tldraw';
import { lazyChunk } from '../../components/LazyChunk';
import { useFacilitation } from '../sync/FacilitationContext';
import type { BoardFeature } from '../workspace/boardFeature';
import { lazyTab } from '../workspace/lazyTab';
import { VoteNotice } from './VoteNotice';

const VoteChunk = lazyChunk(() => import('./VotePanel'), (m) => m.VotePanel);

/**
 * Dot voting: the Vote tab, for facilitators always and for everyone else while the board has a
 * vote round (never on a board without steps: a vote is on the cards of a step), and the notice
 * over the canvas that a round is open.
 */
export const votingFeature: BoardFeature = {
  id: 'vote',
  useTab({ editor, settled }) {
    const f = useFacilitation();
    const hasRound = useValue('hasVoteRound', () => !!f?.control.currentRound(), [f]);
    if (!settled || !f || !editor || !f.template?.steps.length || !(f.canControl || hasRound)) return null;
    return lazyTab('vote', 'Vote', VoteChunk, <VoteChunk.Component f={f} editor={editor} />);
  },
  Overlay({ env }) {
    if (!env.editor) return null;
    return <VoteNotice onOpen={() => env.showTab('vote', { focus: true })} />;
  },
};
