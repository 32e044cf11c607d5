import type { PartnershipAction, PartnershipAnswer, PartnershipBoard, PartnershipRubricEntry } from '../../shared/partnership';
import { getExercise } from '../../exercises/registry';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { docPartOf, gathered, type DocPart } from '../exports/partnershipParts';
import type { SummaryService } from '../dashboard/SummaryService';
import type { Relay } from '../sync/Relay';
import type { Storage } from '../storage/Storage';
import { boardLinksFor, partnershipLinks, type PartnershipAccess } from './partnerships';
import { participantStore } from '../participants/participantStore';

/** One board's part of the partnership: what its document holds, read without loading a room. */
export interface BoardPart {
  board: Omit<PartnershipBoard, 'links'>;
  rubric: PartnershipRubricEntry[];
  actions: PartnershipAction[];
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

