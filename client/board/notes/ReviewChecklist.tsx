import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { isAnswered, readStepReview, reviewMap, setReviewAnswer, setReviewText, type ReviewAnswer } from '../../../shared/doc/reviewDoc';
import { REVIEW_PHASES, reviewPhase, type ReviewPhaseId } from '../../../exercises/kit/review';
import { ReviewQuestion } from './ReviewQuestion';

/** The answers of one step, live from the doc. */
function useStepAnswers(doc: Y.Doc, stepId: string | null): Map<string, ReviewAnswer> {
  const [answers, setAnswers] = useState(() => readStepReview(doc, stepId));
  useEffect(() => {
    const map = reviewMap(doc);
    const read = () => setAnswers(readStepReview(doc, stepId));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc, stepId]);
  return answers;
}

export interface ReviewChecklistProps {
  doc: Y.Doc;
  stepId: string | null;
  /** The step's review phase, shown first. */
  defaultPhase: ReviewPhaseId;
  readOnly: boolean;
  /** Who answers (the local person's display name). */
  author(): string;
  /** "Answer in notes": put the question into the step's note. */
  onAnswer(question: string): void;
}

/**
 * The after-action review of a step: the phase's questions, each answered yes, no or not yet
 * with a few words by anyone on the board (the choice and the text are stored per question, so
 * answers never overwrite each other), and each with "Answer in notes". The phase can be
 * switched (the step's own is the default); phases with answers say so. Viewers see the answers
 * but cannot change them.
 */
export function ReviewChecklist({ doc, stepId, defaultPhase, readOnly, author, onAnswer }: ReviewChecklistProps) {
  const [phaseId, setPhaseId] = useState<ReviewPhaseId>(defaultPhase);
  const answers = useStepAnswers(doc, stepId);
  const phase = reviewPhase(phaseId);
  const headingId = useId();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const answeredIn = (id: ReviewPhaseId) => reviewPhase(id).questions.filter((q) => isAnswered(answers.get(q.id))).length;
  const done = answeredIn(phaseId);

  const write = (change: () => void) => {
    try {
      change();
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
          {done} of {phase.questions.length} answered
        </span>
      </h3>
      <div className="field notes-field review-phase">
        <label htmlFor={selectId}>Questions closing partnership step</label>
        <select id={selectId} value={phaseId} onChange={(e) => setPhaseId(e.target.value as ReviewPhaseId)} data-testid="review-phase">
          {REVIEW_PHASES.map((p) => {
            const n = answeredIn(p.id);
            return (
              <option key={p.id} value={p.id}>
                {`${p.step}. ${p.title}${n ? ` (${n} answered)` : ''}`}
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
        {phase.questions.map((q) => (
          <ReviewQuestion
            key={q.id}
            idPrefix={`${selectId}-${q.id}`}
            questionId={q.id}
            text={q.text}
            answer={answers.get(q.id)}
            readOnly={readOnly}
            onAnswer={(answer) => write(() => setReviewAnswer(doc, stepId, q.id, answer, author()))}
            onText={(text) => write(() => setReviewText(doc, stepId, q.id, text, author()))}
            onAnswerInNotes={() => onAnswer(q.text)}
          />
        ))}
      </ul>
    </section>
  );
}
