import { ChangeHighlights } from './changes/ChangeHighlights';
import { VoteBadges } from './facilitation/voting/VoteBadges';

/**
 * Everything drawn in tldraw's `OnTheCanvas` slot (one component, since the slot takes one): the
 * dot-voting badges and the "since your last visit" outlines.
 */
export function BoardCanvasOverlays() {
  return (
    <>
      <ChangeHighlights />
      <VoteBadges />
    </>
  );
}
