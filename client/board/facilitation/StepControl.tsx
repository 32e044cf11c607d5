import { useValue, type Editor } from 'tldraw';
import { idleTimer } from '../../../shared/timer';
import { showZone, zoneBounds } from '../cards/cardEdits';
import type { Facilitation } from '../sync/FacilitationContext';

/** A minute in ms: steps give their time in minutes. */
export const MINUTE = 60_000;

/** The exercise's steps and the one the facilitator has the board on. */
export function useStep(f: Facilitation) {
  const step = useValue('sessionStep', () => f.control.step.get(), [f]);
  const steps = f.template?.steps ?? [];
  const index = step ? steps.findIndex((s) => s.id === step.stepId) : -1;
  return { steps, index, current: index >= 0 ? steps[index] : null };
}

/** The current step with previous/next for facilitators, and "go to the step" for everyone. */
export function StepControl({ f, editor }: { f: Facilitation; editor: Editor | null }) {
  const { steps, index, current } = useStep(f);
  const takeAll = useValue('takeEveryone', () => f.control.takeEveryone.get(), [f]);
  if (steps.length === 0) return null;

  const moveTo = (i: number) => {
    const step = steps[i];
    if (!step) return;
    const now = f.clock.now();
    const me = f.me();
    f.control.setStep({ stepId: step.id, index: i, changedAt: now, by: me.name }, idleTimer(step.minutes * MINUTE, step.id));
    const bounds = editor && step.zoneId ? zoneBounds(editor, step.zoneId) : undefined;
    if (editor && step.zoneId) showZone(editor, step.zoneId);
    // Everyone's view then shows the step's cards, fitted to each person's screen.
    if (takeAll && bounds && step.zoneId) {
      f.control.requestBring({
        id: crypto.randomUUID(),
        leaderId: me.id,
        leaderName: me.name,
        bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
        zoneId: step.zoneId,
        at: now,
      });
    }
  };
  const hasZone = !!(editor && current?.zoneId && zoneBounds(editor, current.zoneId));

  return (
    <div className="session-step" data-testid="session-step" data-step-id={current?.id ?? ''} data-step-index={index}>
      {f.canControl && (
        <button
          type="button"
          className="button small ghost"
          onClick={() => moveTo(index - 1)}
          disabled={index <= 0}
          aria-label="Previous step"
          data-testid="step-prev"
        >
          ←
        </button>
      )}
      <div className="session-step-text">
        {current ? (
          <>
            <span className="session-step-count">
              Step {index + 1} of {steps.length}
            </span>
            <span className="session-step-title" title={`${current.title}: ${current.prompt}`}>
              {current.title}
            </span>
          </>
        ) : (
          <span className="session-step-title muted">{f.canControl ? 'Not started' : 'Waiting for the facilitator'}</span>
        )}
      </div>
      {f.canControl && (
        <button
          type="button"
          className="button small primary"
          onClick={() => moveTo(index + 1)}
          disabled={index >= steps.length - 1}
          data-testid="step-next"
        >
          {index < 0 ? 'Start step 1' : 'Next step'}
        </button>
      )}
      {f.canControl && (
        <label className="session-check" title="Move everyone's view to the step's zone when the step changes">
          <input type="checkbox" checked={takeAll} onChange={(e) => f.control.setTakeEveryone(e.target.checked)} data-testid="step-take-all" />
          Take everyone there
        </label>
      )}
      {!f.canControl && hasZone && current?.zoneId && editor && (
        <button
          type="button"
          className="button small secondary"
          onClick={() => current.zoneId && showZone(editor, current.zoneId)}
          data-testid="step-go"
        >
          Go to current step
        </button>
      )}
    </div>
  );
}
