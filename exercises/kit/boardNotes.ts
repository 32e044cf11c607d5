import type * as Y from 'yjs';
import { isNoteEmpty, noteMarkdown, noteText, readNote, type NoteBlock } from '../../shared/notes';
import type { ResultNote, ResultReviewAnswer } from '../../shared/results';
import { readReview, reviewStepKey, type ReviewTick } from '../../shared/reviewDoc';
import type { ExerciseDef } from './definitions';
import { REVIEW_PHASES, reviewPhase } from './review';

/** A step's note with its blocks (for renderers that format it, like the HTML report). */
export interface BoardNote extends ResultNote {
  blocks: NoteBlock[];
}

/** The title a board's own note goes by (boards without steps). */
export const BOARD_NOTE_TITLE = 'Whole board';

/**
 * The notes and review ticks of a board (see ResultNote), read from its doc without writing to
 * it. Per step in template order (boards without steps: the whole board's note): the note's
 * blocks, Markdown and text, and the review: every question of the exercise's phase, then any
 * ticked question of another phase (the Notes tab lets the team pick one). Steps with no text
 * and no ticked question are left out. Ticks of unknown questions or steps are ignored.
 */
export function boardNotes(doc: Y.Doc, exercise: ExerciseDef): BoardNote[] {
  const ticks = readReview(doc);
  const phase = exercise.reviewPhase ? reviewPhase(exercise.reviewPhase) : null;
  const steps: { id: string | null; title: string }[] =
    exercise.template.steps.length > 0 ? exercise.template.steps.map((s) => ({ id: s.id, title: s.title })) : [{ id: null, title: BOARD_NOTE_TITLE }];

  const answer = (phaseId: string, question: { id: string; text: string }, tick: ReviewTick | undefined): ResultReviewAnswer => {
    const out: ResultReviewAnswer = { questionId: question.id, phaseId, question: question.text, checked: tick?.checked === true };
    if (tick?.checked) {
      out.answeredBy = tick.by;
      out.answeredAt = tick.at;
    }
    return out;
  };

  const notes: BoardNote[] = [];
  for (const step of steps) {
    const stepTicks = ticks.get(reviewStepKey(step.id)) ?? new Map<string, ReviewTick>();
    const review: ResultReviewAnswer[] = phase ? phase.questions.map((q) => answer(phase.id, q, stepTicks.get(q.id))) : [];
    for (const p of REVIEW_PHASES) {
      if (p === phase) continue;
      for (const q of p.questions) if (stepTicks.get(q.id)?.checked) review.push(answer(p.id, q, stepTicks.get(q.id)));
    }
    const blocks = readNote(doc, step.id);
    if (isNoteEmpty(blocks) && !review.some((r) => r.checked)) continue;
    notes.push({ stepId: step.id, stepTitle: step.title, markdown: noteMarkdown(blocks), text: noteText(blocks), review, blocks });
  }
  return notes;
}

/** The notes as results (without the blocks). */
export function resultNotes(notes: readonly BoardNote[]): ResultNote[] {
  return notes.map(({ blocks: _, ...note }) => note);
}
