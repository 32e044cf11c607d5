import { useValue, type Editor } from 'tldraw';
import { LazyPart, lazyChunk } from '../../components/LazyChunk';
import { useFacilitation } from '../facilitation/FacilitationContext';
import type { PanelTab } from './PanelTabs';

/**
 * The right panel's tabs other than Details, each its own chunk: downloaded when the tab is first
 * opened (or pointed at: `prefetch`), with a loading line in the panel meanwhile. The
 * first screen of a board (canvas, palette, steps, Details) does not wait for them; the service
 * worker keeps every chunk for offline use (client/sw/).
 */
export const NotesChunk = lazyChunk(() => import('../notes/NotesPanel'), (m) => m.NotesPanel);
export const RubricChunk = lazyChunk(() => import('../rubric/RubricPanel'), (m) => m.RubricPanel);
export const ActionsChunk = lazyChunk(() => import('../actions/ActionPlanPanel'), (m) => m.ActionPlanPanel);
export const VoteChunk = lazyChunk(() => import('../facilitation/voting/VotePanel'), (m) => m.VotePanel);

/** A tab whose content is in a chunk: its loading state and download-on-intent. */
export function lazyTab(id: string, label: string, chunk: { prefetch(): void }, content: React.ReactNode): PanelTab {
  return {
    id,
    label,
    prefetch: chunk.prefetch,
    content: (
      <LazyPart what={`The ${label} tab`} loading={`Loading ${label.toLowerCase()}…`}>
        {content}
      </LazyPart>
    ),
  };
}

/**
 * The Vote tab, for facilitators always and for everyone else while the board has a vote round.
 * `null` when there is nothing to show.
 */
export function useVoteTab(editor: Editor | null): PanelTab | null {
  const f = useFacilitation();
  const hasRound = useValue('hasVoteRound', () => !!f?.control.currentRound(), [f]);
  // A vote is on the cards of a step: an exercise without steps (the blank board) has no Vote tab.
  if (!f || !editor || !f.template?.steps.length || !(f.canControl || hasRound)) return null;
  return lazyTab('vote', 'Vote', VoteChunk, <VoteChunk.Component f={f} editor={editor} />);
}
