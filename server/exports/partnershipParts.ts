import type * as Y from 'yjs';
import { readActions } from '../../shared/doc/actionPlanDoc';
import type { PartnershipAction, PartnershipAnswer, PartnershipBoard, PartnershipRubricEntry, ReviewStatus } from '../../shared/partnership';
import { bandOf, RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import { readRubric } from '../../shared/doc/rubricDoc';
import { isAnswered, readReview, reviewStepKey } from '../../shared/doc/reviewDoc';
import { boardNotes, reviewPhaseOf } from '../../exercises/kit/boardNotes';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { reviewPhase } from '../../exercises/kit/review';

// What a partnership's answer and export take from each board's document: pure functions of the
// document, so they run on the event loop or in an export worker alike.

/** How many of the questions a board's after-action review asks have an answer (choice or text). */
export function reviewStatus(doc: Y.Doc, exercise: ExerciseDef): ReviewStatus {
  const answers = readReview(doc);
  const steps = exercise.template.steps.length > 0 ? exercise.template.steps.map((s) => s.id) : [null];
  let total = 0;
  let answered = 0;
  const seen = new Set<string>();
  for (const step of steps) {
    const phaseId = reviewPhaseOf(exercise, step);
    if (!phaseId) continue;
    for (const q of reviewPhase(phaseId).questions) {
      // A phase shared by several steps asks its questions once; any step's answer counts.
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      total++;
      if (steps.some((s) => isAnswered(answers.get(reviewStepKey(s))?.get(q.id)))) answered++;
    }
  }
  return { answered, total, status: answered === 0 ? 'none' : answered >= total ? 'complete' : 'partial' };
}

/** What a board's part of the partnership takes from its document. */
export interface DocPart {
  rubric: PartnershipRubricEntry[];
  actions: PartnershipAction[];
  review: ReviewStatus;
  decisions: PartnershipBoard['decisions'];
}

/** Reads a board's part from its document (on the event loop, or in an export worker). */
export function docPartOf(doc: Y.Doc, boardId: string, exercise: ExerciseDef | undefined): DocPart {
  const rubric: PartnershipRubricEntry[] = [];
  for (const session of readRubric(doc)) {
    for (const dimension of RUBRIC_DIMENSION_IDS) {
      const s = session.scores[dimension];
      if (s.score !== null) rubric.push({ date: session.date, dimension, score: s.score, band: bandOf(s.score).id, rationale: s.rationale, board: boardId });
    }
  }
  const actions: PartnershipAction[] = readActions(doc).map((a) => ({
    id: a.id,
    text: a.text,
    owner: a.owner,
    due: a.due,
    status: a.status,
    priorityArea: a.priorityArea,
    board: boardId,
    source: a.sourceItemId || a.sourceTitle ? { itemId: a.sourceItemId, title: a.sourceTitle } : null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
  const review = exercise ? reviewStatus(doc, exercise) : { answered: 0, total: 0, status: 'none' as const };
  const decisions = exercise
    ? boardNotes(doc, exercise).flatMap((n) =>
        n.review.filter((q) => q.answer !== null || q.text !== '').map((q) => ({ question: q.question, answer: q.answer, answerLabel: q.answerLabel, text: q.text })),
      )
    : [];
  return { rubric, actions, review, decisions };
}

/** Every board's rubric entries (by session date) and actions, boards in meeting order. */
export function gathered(parts: readonly Pick<DocPart, 'rubric' | 'actions'>[]): Pick<PartnershipAnswer, 'rubric' | 'actions'> {
  return {
    rubric: parts.flatMap((x) => x.rubric).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    actions: parts.flatMap((x) => x.actions),
  };
}

/** A board's document part before it is read: what `withDocParts` fills in. */
export const UNREAD_DOC_PART: DocPart = { rubric: [], actions: [], review: { answered: 0, total: 0, status: 'none' }, decisions: [] };

/**
 * An answer gathered with `UNREAD_DOC_PART` for every board, completed with the parts read
 * since (by board id; an export worker reads them from the documents' bytes).
 */
export function withDocParts(answer: PartnershipAnswer, parts: ReadonlyMap<string, DocPart>): PartnershipAnswer {
  const read = answer.boards.map((b) => parts.get(b.id) ?? UNREAD_DOC_PART);
  return {
    ...answer,
    boards: answer.boards.map((b, i) => ({ ...b, review: read[i].review, decisions: read[i].decisions })),
    ...gathered(read),
  };
}
