import { useValue, type TLShapeId } from 'tldraw';
import type { ActionRow } from '../../../shared/actionPlan';
import { showSource, useActionPlan } from './ActionPlanContext';
import { itemTitle } from '../cards/itemText';

/**
 * The board item an action was promoted from: a button that zooms the canvas to it (showing its
 * current text, so it follows edits), or "source removed" with the title it had once it is gone.
 */
export function SourceLink({ row }: { row: ActionRow }) {
  const { editor, plan } = useActionPlan();
  const title = useValue(
    'actionSourceTitle',
    () => {
      if (!row.sourceItemId) return null;
      const shape = editor.getShape(row.sourceItemId as TLShapeId);
      return shape ? itemTitle(shape) : null;
    },
    [editor, row.sourceItemId],
  );

  if (!row.sourceItemId) return <span className="ap-source-none">Added in the plan</span>;
  if (title === null) {
    return (
      <span className="ap-source-removed" data-testid="source-removed">
        <span className="ap-source-flag">source removed</span>
        {row.sourceTitle && <span className="ap-source-title">“{row.sourceTitle}”</span>}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button ap-source-link"
      data-testid="source-link"
      aria-label={`Show the source on the board: ${title}`}
      title="Show it on the board"
      onClick={() => {
        // The wide view covers the canvas: close it so the zoom can be seen.
        plan.expanded.set(false);
        showSource(editor, row.sourceItemId);
      }}
    >
      <span aria-hidden="true">↗ </span>
      {title}
    </button>
  );
}
