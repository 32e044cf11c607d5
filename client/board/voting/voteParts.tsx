import { useId, useMemo } from 'react';
import { useValue, type Editor } from 'tldraw';
import type { VoteRound } from '../../../shared/doc/control';
import { ApiError, NetworkError } from '../../lib/api';
import type { Facilitation } from '../sync/FacilitationContext';
import { isVotableShape, votableItems, type PlacedShape, type VotableSet } from './votableItems';
import type { VotingState } from './VotingState';

/** Pieces the Vote tab's views share: the step heading, dots, error text, the votable items, the badge toggle. */
export function StepHeading({ f, round }: { f: Facilitation; round: VoteRound }) {
  const step = f.template?.steps.find((s) => s.id === round.stepId);
  const index = f.template?.steps.findIndex((s) => s.id === round.stepId) ?? -1;
  return (
    <div className="vote-head">
      <h2>
        <span className="vote-kicker">{round.status === 'open' ? 'Dot vote' : 'Vote results'}</span>
        {index >= 0 ? `${index + 1}. ` : ''}
        {step?.title ?? 'A step no longer in this exercise'}
      </h2>
      {step?.prompt && (
        <details className="vote-prompt">
          <summary>What the step asked</summary>
          <p>{step.prompt}</p>
        </details>
      )}
    </div>
  );
}

export function Dots({ n, className = '' }: { n: number; className?: string }) {
  if (n <= 0) return null;
  return (
    <span className={`vote-dots ${className}`} aria-hidden="true">
      {Array.from({ length: Math.min(n, 10) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical dots.
        <span key={i} className="vote-dot" />
      ))}
      {n > 10 && <span className="vote-dots-more">+{n - 10}</span>}
    </span>
  );
}
export function apiMessage(e: unknown): string {
  if (e instanceof NetworkError) return 'The server could not be reached. Check the connection and try again.';
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Shapes of the current page with their page bounds, for `votableItems`. */
function placedShapes(editor: Editor): PlacedShape[] {
  const out: PlacedShape[] = [];
  for (const s of editor.getCurrentPageShapes()) {
    if (s.type !== 'pb-zone' && !isVotableShape(s)) continue;
    const b = editor.getShapePageBounds(s);
    if (b) out.push({ id: s.id, type: s.type, props: s.props, x: b.x, y: b.y, w: b.w, h: b.h });
  }
  return out;
}

/** The votable items of a step, recomputed as the board changes (a re-render only when the list does). */
export function useVotable(editor: Editor, f: Facilitation, stepId: string): VotableSet {
  const key = useValue('votableItems', () => JSON.stringify(votableItems(placedShapes(editor), f.template, stepId)), [editor, f, stepId]);
  return useMemo(() => JSON.parse(key) as VotableSet, [key]);
}
export function BadgeToggle({ voting }: { voting: VotingState }) {
  const show = useValue('voteBadges', () => voting.showBadges.get(), [voting]);
  const id = useId();
  return (
    <div className="vote-badge-toggle insp-check">
      <input id={id} type="checkbox" checked={show} onChange={(e) => voting.showBadges.set(e.target.checked)} />
      <label htmlFor={id}>Show dots on the cards</label>
    </div>
  );
}
