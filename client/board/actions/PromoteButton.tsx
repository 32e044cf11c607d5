import { useValue, type TLShapeId } from 'tldraw';
import { promote, useOptionalActionPlan } from './ActionPlanContext';
import { selectionOffer } from './promotion';
import './actions.css';

/**
 * For the inspector: "Promote to action" for one board item, or "Show in action plan" once it is
 * one. Renders nothing where there is no plan, or for an item that cannot be promoted.
 */
export function PromoteButton({ shapeId }: { shapeId: TLShapeId }) {
  const env = useOptionalActionPlan();
  const offer = useValue(
    'inspectorPromoteOffer',
    () => {
      if (!env) return { kind: 'none' as const };
      const shape = env.editor.getShape(shapeId);
      return selectionOffer(shape ? [shape] : [], (id) => env.plan.actionFor(id));
    },
    [env, shapeId],
  );
  if (!env || offer.kind === 'none') return null;
  if (offer.kind === 'show') {
    return (
      <p className="insp-promote">
        <button type="button" className="button small secondary" onClick={() => env.plan.show(offer.actionId, 'text')}>
          Show in action plan
        </button>
      </p>
    );
  }
  if (env.readOnly) return null;
  return (
    <p className="insp-promote">
      <button type="button" className="button small secondary" data-testid="inspector-promote" onClick={() => promote(env.plan, offer.promotions)}>
        Promote to action
      </button>
    </p>
  );
}
