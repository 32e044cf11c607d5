import type * as Y from 'yjs';
import { readActions } from '../../shared/doc/actionPlanDoc';
import type { PartnershipAction, PartnershipAnswer, PartnershipBoard, PartnershipRubricEntry, ReviewStatus } from '../../shared/partnership';
import { bandOf, RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import { readRubric } from '../../shared/doc/rubricDoc';
import { isAnswered, readReview, reviewStepKey } from '../../shared/doc/reviewDoc';
import { getExercise } from '../../exercises/registry';
import { boardNotes, reviewPhaseOf } from '../../exercises/kit/boardNotes';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { reviewPhase } from '../../exercises/kit/review';
import type { SummaryService } from '../dashboard/SummaryService';
import type { Relay } from '../sync/Relay';
import type { Storage } from '../storage/Storage';
import { boardLinksFor, partnershipLinks, type PartnershipAccess } from './partnerships';
import { participantStore } from '../participants/participantStore';

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

/** One board's part of the partnership: what its document holds, read without loading a room. */
export interface BoardPart {
  board: Omit<PartnershipBoard, 'links'>;
  rubric: PartnershipRubricEntry[];
  actions: PartnershipAction[];
}

export async function readBoardPart(relay: Relay, storage: Storage, summaries: SummaryService, boardId: string, meetingDate: string): Promise<BoardPart | null> {
  const row = await storage.getBoard(boardId);
  if (!row) return null;
  const exercise = getExercise(row.templateId);
  const [summary, participants] = await Promise.all([summaries.summary(boardId), storage.feature(participantStore).list(boardId)]);
  const read = await relay.readDoc(boardId, 'board', (doc) => {
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
  });
  return {
    board: {
      id: boardId,
      title: row.title,
      template: row.templateId,
      templateTitle: exercise?.template.title ?? row.templateId,
      variant: row.variant,
      createdAt: row.createdAt,
      meetingDate,
      lastActivity: summary?.lastActivity ?? null,
      participants: [...new Set(participants.map((p) => p.name).filter((n) => n.trim() !== ''))],
      review: read.review,
      decisions: read.decisions,
      thumbnail: summary?.thumbnail ?? '',
    },
    rubric: read.rubric,
    actions: read.actions,
  };
}

/**
 * The partnership as a request's link sees it: every board in meeting order with the links that
 * link opens, every board's rubric sessions and actions gathered (each naming its board).
 */
export async function partnershipAnswer(relay: Relay, storage: Storage, summaries: SummaryService, access: PartnershipAccess, origin: string): Promise<PartnershipAnswer> {
  const p = access.partnership;
  const parts = (await Promise.all(p.boards.map((b) => readBoardPart(relay, storage, summaries, b.boardId, b.meetingDate)))).filter((x): x is BoardPart => x !== null);
  const boards: PartnershipBoard[] = [];
  for (const part of parts) boards.push({ ...part.board, links: await boardLinksFor(storage, access, part.board.id, origin) });
  return {
    id: p.id,
    name: p.name,
    region: p.region,
    sector: p.sector,
    createdAt: p.createdAt,
    role: access.role,
    memberRole: p.memberRole,
    ...(access.role === 'lead' ? { links: partnershipLinks(access, origin) } : {}),
    boards,
    rubric: parts.flatMap((x) => x.rubric).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    actions: parts.flatMap((x) => x.actions),
  };
}
