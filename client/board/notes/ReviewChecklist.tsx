import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { readStepReview, reviewMap, setReviewTick, type ReviewTick } from '../../../shared/reviewDoc';
import { REVIEW_PHASES, reviewPhase, type ReviewPhaseId } from '../../../exercises/kit/review';

/** The ticks of one step, live from the doc. */
function useStepTicks(doc: Y.Doc, stepId: string | null): Map<string, ReviewTick> {
  const [ticks, setTicks] = useState(() => readStepReview(doc, stepId));
  useEffect(() => {
    const map = reviewMap(doc);
    const read = () => setTicks(readStepReview(doc, stepId));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, stepId]);
  return ticks;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

export interface ReviewChecklistProps {
  doc: Y.Doc;
  stepId: string | null;
  /** The exercise's review phase, shown first. */
  defaultPhase: ReviewPhaseId;
  readOnly: boolean;
  /** Who ticks (the local person's display name). */
  author(): string;
  /** "Answer in notes": put the question into the step's note. */
  onAnswer(question: string): void;
}

/**
 * The after-action review of a step: the phase's questions, each ticked by anyone on the board
 * (stored per question, so ticks never overwrite each other) and each with "Answer in notes".
 * The phase can be switched (the exercise's own is the default); phases with ticks say so.
 * Viewers see the ticks but cannot change them.
 */
export function ReviewChecklist({ doc, stepId, defaultPhase, readOnly, author, onAnswer }: ReviewChecklistProps) {
  const [phaseId, setPhaseId] = useState<ReviewPhaseId>(defaultPhase);
  const ticks = useStepTicks(doc, stepId);
  const phase = reviewPhase(phaseId);
  const headingId = useId();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const tickedIn = (id: ReviewPhaseId) => reviewPhase(id).questions.filter((q) => ticks.get(q.id)?.checked).length;
  const done = tickedIn(phaseId);

  const toggle = (questionId: string, checked: boolean) => {
    try {
      setReviewTick(doc, stepId, questionId, checked, author());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="review" aria-labelledby={headingId} data-testid="review-checklist">
      <h3 id={headingId}>
        After-action review{' '}
        <span className="heading-note" data-testid="review-progress">
          {done} of {phase.questions.length} done
        </span>
      </h3>
      <div className="field notes-field review-phase">
        <label htmlFor={selectId}>Questions closing partnership step</label>
        <select id={selectId} value={phaseId} onChange={(e) => setPhaseId(e.target.value as ReviewPhaseId)} data-testid="review-phase">
          {REVIEW_PHASES.map((p) => {
            const n = tickedIn(p.id);
            return (
              <option key={p.id} value={p.id}>
                {`${p.step}. ${p.title}${n ? ` (${n} ticked)` : ''}`}
              </option>
            );
          })}
        </select>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="review-questions">
        {phase.questions.map((q) => {
          const tick = ticks.get(q.id);
          const checked = tick?.checked === true;
          const boxId = `${selectId}-${q.id}`;
          return (
            <li key={q.id} className={checked ? 'done' : undefined} data-question-id={q.id} data-checked={checked}>
              <div className="review-question">
                <input
                  type="checkbox"
                  id={boxId}
                  checked={checked}
                  disabled={readOnly}
                  onChange={(e) => toggle(q.id, e.target.checked)}
                  data-testid="review-tick"
                />
                <label htmlFor={boxId} id={`${boxId}-label`}>
                  {q.text}
                </label>
              </div>
              {(checked || !readOnly) && (
                <div className="review-meta">
                  {checked && tick && (
                    <span className="review-by" data-testid="review-by">
                      ✓ {tick.by}
                      {when(tick.at) ? `, ${when(tick.at)}` : ''}
                    </span>
                  )}
                  {!readOnly && (
                    <button type="button" className="button small ghost review-answer" aria-describedby={`${boxId}-label`} onClick={() => onAnswer(q.text)} data-testid="review-answer">
                      Answer in notes
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
