import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useValue } from 'tldraw';
import { useActionPlan } from './ActionPlanContext';
import { ActionPlanView } from './ActionPlanView';
import './actions.css';

/**
 * The wide view of the plan: a modal dialog over the canvas with every field in its own column.
 * Escape or Close returns to the side panel (and the keyboard to the Expand button).
 */
function ActionPlanDialog({ returnFocus }: { returnFocus(): void }) {
  const { plan } = useActionPlan();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const close = () => {
    plan.expanded.set(false);
    returnFocus();
  };

  return createPortal(
    <dialog
      ref={ref}
      className="ap-dialog"
      aria-labelledby={headingId}
      data-testid="action-plan-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="ap-dialog-head">
        <h2 id={headingId}>Action plan</h2>
        <button type="button" className="button small secondary" onClick={close}>
          Close
        </button>
      </div>
      <ActionPlanView variant="full" labelledBy={headingId} />
    </dialog>,
    document.body,
  );
}

/**
 * The board's action plan in the side panel: who does what by when, in which status, for which
 * priority, linked back to the board item it came from. Every board has one.
 */
export function ActionPlanPanel() {
  const { plan } = useActionPlan();
  const expanded = useValue('actionPlanExpanded', () => plan.expanded.get(), [plan]);
  const headingId = useId();
  const expandRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="panel-section action-plan" aria-labelledby={headingId} data-testid="action-plan">
      <div className="ap-head">
        <h2 id={headingId}>Action plan</h2>
        <button
          ref={expandRef}
          type="button"
          className="button small secondary"
          aria-haspopup="dialog"
          data-testid="expand-action-plan"
          title="Open the plan in a wide view over the board"
          onClick={() => plan.expanded.set(true)}
        >
          Expand
        </button>
      </div>
      <ActionPlanView variant="compact" labelledBy={headingId} />
      {expanded && <ActionPlanDialog returnFocus={() => requestAnimationFrame(() => expandRef.current?.focus())} />}
    </section>
  );
}
