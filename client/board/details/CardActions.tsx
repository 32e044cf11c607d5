import type { TLShapeId } from 'tldraw';
import { useWorkspace } from '../workspace/WorkspaceState';

/** What the features offer for one card (e.g. "Promote to action"), under its fields. */
export function CardActions({ shapeId }: { shapeId: TLShapeId }) {
  const { cardActions } = useWorkspace();
  return (
    <>
      {cardActions.map((Action, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed while the workspace is mounted.
        <Action key={i} shapeId={shapeId} />
      ))}
    </>
  );
}
