import { useEffect } from 'react';
import { useValue } from 'tldraw';
import { useFacilitation } from '../sync/FacilitationContext';
import type { LiveResults } from '../cards/liveResults';
import { showZone, zoneBounds } from '../cards/cardEdits';
import { useWorkspace } from './WorkspaceState';

/**
 * The template's steps in order; the open one is expanded with its prompt and a way to the zone
 * it works in. The step the facilitator has the session on (control document) is marked "Now",
 * and the list opens it whenever it changes; anyone can open another step to read it.
 */
export function StepsPanel({ live }: { live: LiveResults }) {
  const { editor, exercise, ui } = useWorkspace();
  const steps = exercise.template.steps;
  const current = useValue('currentStep', () => ui.currentStep.get(), [ui]);
  const f = useFacilitation();
  const sessionStepId = useValue('sessionStepId', () => f?.control.step.get()?.stepId ?? null, [f]);
  const sessionIndex = sessionStepId ? steps.findIndex((s) => s.id === sessionStepId) : -1;
  useEffect(() => {
    if (sessionIndex >= 0) ui.currentStep.set(sessionIndex);
  }, [sessionIndex, ui]);
  const zonesOnBoard = useValue(
    'zonesOnBoard',
    () => new Set(exercise.template.zones.filter((z) => zoneBounds(editor, z.id)).map((z) => z.id)),
    [editor, exercise],
  );
  if (steps.length === 0) return null;
  const itemCount = (stepId: string) =>
    live.kind === 'ok' ? (live.results.steps.find((s) => s.id === stepId)?.itemIds.length ?? 0) : null;
  const totalMinutes = steps.reduce((sum, s) => sum + (s.minutes || 0), 0);

  const goTo = (index: number) => {
    ui.currentStep.set(index);
    const zoneId = steps[index]?.zoneId;
    if (zoneId) showZone(editor, zoneId);
  };

  return (
    <section className="panel-section" aria-labelledby="steps-heading" data-testid="steps-panel">
      <h2 id="steps-heading">
        Steps <span className="heading-note">about {totalMinutes} min</span>
      </h2>
      <ol className="steps">
        {steps.map((step, i) => {
          const isCurrent = i === current;
          const isNow = i === sessionIndex;
          const count = itemCount(step.id);
          const hasZone = !!step.zoneId && zonesOnBoard.has(step.zoneId);
          return (
            <li key={step.id} className={isCurrent ? 'step current' : 'step'} data-step-id={step.id} data-now={isNow ? 'true' : undefined}>
              <button
                type="button"
                className="step-head"
                aria-expanded={isCurrent}
                aria-controls={`step-body-${step.id}`}
                aria-current={isCurrent ? 'step' : undefined}
                onClick={() => ui.currentStep.set(i)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-title">
                  <span className="visually-hidden">Step {i + 1}: </span>
                  {step.title}
                </span>
                {isNow ? (
                  <span className="step-now" title="The step the facilitator has the session on">
                    Now
                  </span>
                ) : (
                  <span className="step-minutes">{step.minutes} min</span>
                )}
              </button>
              {isCurrent && (
                <div className="step-body" id={`step-body-${step.id}`}>
                  <p className="step-prompt">{step.prompt}</p>
                  {count !== null && hasZone && (
                    <p className="hint">
                      {count} {count === 1 ? 'card' : 'cards'} in this step’s zone
                    </p>
                  )}
                  <div className="step-actions">
                    {hasZone && (
                      <button type="button" className="button small secondary" onClick={() => goTo(i)} data-testid="go-to-zone">
                        Go to zone
                      </button>
                    )}
                    {i + 1 < steps.length && (
                      <button type="button" className="button small ghost" onClick={() => goTo(i + 1)}>
                        Next step →
                      </button>
                    )}
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
