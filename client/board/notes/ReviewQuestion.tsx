import { useEffect, useRef, useState } from 'react';
import { MAX_REVIEW_TEXT, REVIEW_ANSWER_LABELS, REVIEW_ANSWERS, type ReviewAnswer, type ReviewAnswerValue } from '../../../shared/doc/reviewDoc';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * The answer's text: a draft while the field has the focus (someone else's edit does not
 * overwrite what is being typed), written on Enter or when the field loses the focus; Escape
 * puts the stored text back.
 */
function AnswerText({ id, value, readOnly, labelledBy, onCommit }: { id: string; value: string; readOnly: boolean; labelledBy: string; onCommit(text: string): void }) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const commit = () => {
    editing.current = false;
    if (draft.trim() !== value.trim()) onCommit(draft.trim());
  };
  if (readOnly) {
    return value ? (
      <p className="review-text-read" data-testid="review-text">
        {value}
      </p>
    ) : null;
  }
  return (
    <input
      id={id}
      type="text"
      className="review-text"
      value={draft}
      maxLength={MAX_REVIEW_TEXT}
      placeholder="Answer in a few words"
      aria-labelledby={labelledBy}
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
          editing.current = true;
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(value);
        }
      }}
      data-testid="review-text"
    />
  );
}

export interface ReviewQuestionProps {
  /** Unique prefix for the element ids of this question. */
  idPrefix: string;
  questionId: string;
  text: string;
  answer: ReviewAnswer | undefined;
  readOnly: boolean;
  onAnswer(answer: ReviewAnswerValue | null): void;
  onText(text: string): void;
  /** "Answer in notes": puts the question into the step's note. */
  onAnswerInNotes(): void;
}

/**
 * One question of the after-action review: yes / no / not yet as a radio group (a fieldset the
 * question labels), the answer in a few words, who answered and when, and for editors "Clear"
 * and "Answer in notes". Viewers see the answer and cannot change it.
 */
export function ReviewQuestion({ idPrefix, questionId, text, answer, readOnly, onAnswer, onText, onAnswerInNotes }: ReviewQuestionProps) {
  const chosen = answer?.answer ?? null;
  const legendId = `${idPrefix}-legend`;
  const by = answer && (answer.textAt > answer.at ? { who: answer.textBy, at: answer.textAt } : { who: answer.by, at: answer.at });
  const answered = chosen !== null || (answer?.text ?? '') !== '';
  return (
    <li data-question-id={questionId} data-answer={chosen ?? ''} className={chosen ? `answered answer-${chosen}` : undefined}>
      <fieldset className="review-question" disabled={readOnly}>
        <legend id={legendId}>{text}</legend>
        <div className="review-choices">
          {REVIEW_ANSWERS.map((value) => (
            <label key={value} className={`review-choice choice-${value}`}>
              <input
                type="radio"
                name={`${idPrefix}-answer`}
                value={value}
                checked={chosen === value}
                onChange={() => onAnswer(value)}
                data-testid={`review-choice-${value}`}
              />
              <span>{REVIEW_ANSWER_LABELS[value]}</span>
            </label>
          ))}
        </div>
        <AnswerText id={`${idPrefix}-text`} value={answer?.text ?? ''} readOnly={readOnly} labelledBy={legendId} onCommit={onText} />
      </fieldset>
      {(answered || !readOnly) && (
        <div className="review-meta">
          {answered && by?.who && (
            <span className="review-by" data-testid="review-by">
              {by.who}
              {when(by.at) ? `, ${when(by.at)}` : ''}
            </span>
          )}
          {!readOnly && chosen !== null && (
            <button type="button" className="button small ghost review-clear" aria-describedby={legendId} onClick={() => onAnswer(null)} data-testid="review-clear">
              Clear
            </button>
          )}
          {!readOnly && (
            <button type="button" className="button small ghost review-answer" aria-describedby={legendId} onClick={onAnswerInNotes} data-testid="review-answer">
              Answer in notes
            </button>
          )}
        </div>
      )}
    </li>
  );
}
