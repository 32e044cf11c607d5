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

/** How a board's document part is read: by default from the relay (a live room, or storage). */
export type ReadDocPart = (boardId: string, exercise: ExerciseDef | undefined) => Promise<DocPart>;

/**
 * How an answer reads the boards: their documents through the relay (a live room, or storage)
 * and their thumbnails from the dashboard summaries; or, for an export, the documents elsewhere
 * (an export worker) and no thumbnails (a summary's first computation decodes the board here).
 */
export interface GatherOptions {
  readPart: ReadDocPart;
  thumbnails: boolean;
}

const onEventLoop = (relay: Relay): GatherOptions => ({
  readPart: (boardId, exercise) => relay.readDoc(boardId, 'board', (doc) => docPartOf(doc, boardId, exercise)),
  thumbnails: true,
});

export async function readBoardPart(
  relay: Relay,
  storage: Storage,
  summaries: SummaryService,
  boardId: string,
  meetingDate: string,
  options: GatherOptions = onEventLoop(relay),
): Promise<BoardPart | null> {
  const row = await storage.getBoard(boardId);
  if (!row) return null;
  const exercise = getExercise(row.templateId);
  const [summary, participants] = await Promise.all([
    options.thumbnails ? summaries.summary(boardId) : summaries.lastActivity(boardId).then((lastActivity) => ({ lastActivity, thumbnail: '' })),
    storage.feature(participantStore).list(boardId),
  ]);
  const read = await options.readPart(boardId, exercise);
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
export async function partnershipAnswer(
  relay: Relay,
  storage: Storage,
  summaries: SummaryService,
  access: PartnershipAccess,
  origin: string,
  options: GatherOptions = onEventLoop(relay),
): Promise<PartnershipAnswer> {
  const p = access.partnership;
  const parts = (await Promise.all(p.boards.map((b) => readBoardPart(relay, storage, summaries, b.boardId, b.meetingDate, options)))).filter((x): x is BoardPart => x !== null);
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
    ...gathered(parts),
  };
}

/** Every board's rubric entries (by session date) and actions, boards in meeting order. */
function gathered(parts: readonly Pick<BoardPart, 'rubric' | 'actions'>[]): Pick<PartnershipAnswer, 'rubric' | 'actions'> {
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
