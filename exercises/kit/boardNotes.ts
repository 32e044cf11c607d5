import type * as Y from 'yjs';
import { isNoteEmpty, noteMarkdown, noteText, readNote, type NoteBlock } from '../../shared/doc/notes';
import type { ResultNote, ResultReviewAnswer } from '../../shared/results';
import { isAnswered, readReview, REVIEW_ANSWER_LABELS, reviewStepKey, type ReviewAnswer } from '../../shared/doc/reviewDoc';
import type { ExerciseDef } from './definitions';
import { REVIEW_PHASES, reviewPhase, type ReviewPhaseId } from './review';

/** A step's note with its blocks (for renderers that format it, like the HTML report). */
export interface BoardNote extends ResultNote {
  blocks: NoteBlock[];
}

/** The title a board's own note goes by (boards without steps). */
export const BOARD_NOTE_TITLE = 'Whole board';

/**
 * The review phase a step's debrief starts from: the step's own (ExerciseDef.stepReviewPhases),
 * else the exercise's, else none. `null` is the whole board's note.
 */
export function reviewPhaseOf(exercise: ExerciseDef, stepId: string | null): ReviewPhaseId | undefined {
  return (stepId !== null ? exercise.stepReviewPhases?.[stepId] : undefined) ?? exercise.reviewPhase;
}

/** A question's answer as results carry it. */
function reviewAnswerOf(phaseId: string, question: { id: string; text: string }, a: ReviewAnswer | undefined): ResultReviewAnswer {
  const out: ResultReviewAnswer = {
    questionId: question.id,
    phaseId,
    question: question.text,
    answer: a?.answer ?? null,
    answerLabel: a?.answer ? REVIEW_ANSWER_LABELS[a.answer] : '',
    text: a?.text.trim() ?? '',
    checked: a?.answer === 'yes',
  };
  if (a && isAnswered(a)) {
    // Whoever touched the question last: the choice or the text.
    const textLater = a.text.trim() !== '' && (a.answer === null || a.textAt > a.at);
    out.answeredBy = textLater ? a.textBy : a.by;
    out.answeredAt = textLater ? a.textAt : a.at;
  }
  return out;
}

/**
 * The notes and review answers of a board (see ResultNote), read from its doc without writing to
 * it. Per step in template order (boards without steps: the whole board's note): the note's
 * blocks, Markdown and text, and the review: every question of the step's phase, then any
 * answered question of another phase (the Notes tab lets the team pick one). Steps with no text
 * and no answered question are left out. Answers to unknown questions or steps are ignored.
 */
export function boardNotes(doc: Y.Doc, exercise: ExerciseDef): BoardNote[] {
  const answers = readReview(doc);
  const steps: { id: string | null; title: string }[] =
    exercise.template.steps.length > 0 ? exercise.template.steps.map((s) => ({ id: s.id, title: s.title })) : [{ id: null, title: BOARD_NOTE_TITLE }];

  const notes: BoardNote[] = [];
  for (const step of steps) {
    const phaseId = reviewPhaseOf(exercise, step.id);
    const phase = phaseId ? reviewPhase(phaseId) : null;
    const stepAnswers = answers.get(reviewStepKey(step.id)) ?? new Map<string, ReviewAnswer>();
    const review: ResultReviewAnswer[] = phase ? phase.questions.map((q) => reviewAnswerOf(phase.id, q, stepAnswers.get(q.id))) : [];
    for (const p of REVIEW_PHASES) {
      if (p === phase) continue;
      for (const q of p.questions) if (isAnswered(stepAnswers.get(q.id))) review.push(reviewAnswerOf(p.id, q, stepAnswers.get(q.id)));
    }
    const blocks = readNote(doc, step.id);
    if (isNoteEmpty(blocks) && !review.some((r) => r.answer !== null || r.text !== '')) continue;
    notes.push({ stepId: step.id, stepTitle: step.title, markdown: noteMarkdown(blocks), text: noteText(blocks), review, blocks });
  }
  return notes;
}

/** The notes as results (without the blocks). */
export function resultNotes(notes: readonly BoardNote[]): ResultNote[] {
  return notes.map(({ blocks: _, ...note }) => note);
}
