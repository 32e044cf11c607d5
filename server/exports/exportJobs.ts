import * as Y from 'yjs';
import { readActions } from '../../shared/doc/actionPlanDoc';
import type { VoteRound } from '../../shared/doc/control';
import type { BoardExport, ExportFormat } from '../../shared/api/exportDocument';
import { readRubric } from '../../shared/doc/rubricDoc';
import { buildCohortZip } from './cohortZip';
import { comparisonOf } from './cohortResults';
import type { TeamResults } from './cohortComparison';
import { resultsOfDoc } from './boardResults';
import type { BoardRow } from '../storage/Storage';
import type { ParticipantRow } from '../participants/participantStore';
import { buildExport } from './buildExport';
import { renderExport, type RenderedExport } from './formats';
import type { PartnershipAnswer } from '../../shared/partnership';
import { getExercise } from '../../exercises/registry';
import { docPartOf, withDocParts, type DocPart } from './partnershipParts';
import { buildPartnershipExport, renderPartnershipExport } from './partnershipExport';

/**
 * The work behind the results, exports, cohort and partnership export endpoints, as jobs on plain data: a board's
 * document travels as bytes (its whole state from a live room, or what storage holds), with the
 * row, participants and vote rounds the main thread read. A job decodes, extracts and renders,
 * and answers with text or bytes ready to send. `ExportWorkers` runs jobs on worker threads so
 * a cohort's zip never stalls the server's event loop; `runExportJob` is also what the worker
 * calls, and what tests call directly.
 */

/** A board document as bytes: one Yjs update with its whole state, or a stored snapshot and log. */
export type DocInput = { update: Uint8Array } | { compacted: Uint8Array | null; updates: Uint8Array[] };

/** What a cohort's export jobs need of the cohort (a cohort of cohorts/cohortStore.ts is one). */
export interface CohortInput {
  id: string;
  name: string;
  templateId: string;
  variant: string | null;
  /** The team boards in the cohort's order. */
  boards: readonly { boardId: string; team: string; position: number }[];
}

export interface BoardInput {
  doc: DocInput;
  row: BoardRow;
  participants: ParticipantRow[];
  /** The vote rounds of the board's control document. */
  rounds: VoteRound[];
}

export type ExportJob =
  | { type: 'results'; board: BoardInput }
  | { type: 'export'; board: BoardInput; format: ExportFormat; now: number }
  | { type: 'comparison'; cohort: CohortInput; boards: BoardInput[] }
  | { type: 'cohortZip'; cohort: CohortInput; boards: BoardInput[]; now: number }
  /** The partnership answer gathered without reading documents, and each board's document. */
  | { type: 'partnershipExport'; answer: PartnershipAnswer; docs: { boardId: string; doc: DocInput }[]; format: 'json' | 'csv' | 'html'; now: number };

export type ExportJobResult =
  | { type: 'json'; text: string }
  | { type: 'rendered'; rendered: RenderedExport }
  | { type: 'zip'; filename: string; body: Uint8Array };

/** Builds the document a DocInput describes; the caller destroys it. */
export function docOf(input: DocInput): Y.Doc {
  const doc = new Y.Doc();
  if ('update' in input) Y.applyUpdate(doc, input.update);
  else {
    if (input.compacted) Y.applyUpdate(doc, input.compacted);
    for (const u of input.updates) Y.applyUpdate(doc, u);
  }
  return doc;
}

function withDoc<T>(input: DocInput, use: (doc: Y.Doc) => T): T {
  const doc = docOf(input);
  try {
    return use(doc);
  } finally {
    doc.destroy();
  }
}

function exportOf(board: BoardInput, now: Date): BoardExport {
  return withDoc(board.doc, (doc) => buildExport(doc, board.row, board.participants, now, board.rounds));
}

function teamResults(cohort: CohortInput, board: BoardInput): TeamResults {
  const ref = cohort.boards.find((b) => b.boardId === board.row.id);
  return withDoc(board.doc, (doc) => {
    const results = resultsOfDoc(doc, board.row);
    return {
      team: ref?.team ?? board.row.title,
      boardId: board.row.id,
      items: results.items.length,
      connections: results.connections.length,
      figures: results.figures,
      rubric: readRubric(doc),
      actions: readActions(doc),
    };
  });
}

export function runExportJob(job: ExportJob): ExportJobResult {
  switch (job.type) {
    case 'results':
      return { type: 'json', text: JSON.stringify(withDoc(job.board.doc, (doc) => resultsOfDoc(doc, job.board.row, job.board.rounds))) };
    case 'export':
      return { type: 'rendered', rendered: renderExport(exportOf(job.board, new Date(job.now)), job.format) };
    case 'comparison':
      return { type: 'json', text: JSON.stringify(comparisonOf(job.cohort, job.boards.map((b) => teamResults(job.cohort, b)))) };
    case 'cohortZip': {
      const now = new Date(job.now);
      const exports = job.boards.map((b) => exportOf(b, now));
      return { type: 'zip', ...buildCohortZip(job.cohort, exports, now) };
    }
    case 'partnershipExport': {
      const parts = new Map<string, DocPart>();
      for (const { boardId, doc } of job.docs) {
        const template = job.answer.boards.find((b) => b.id === boardId)?.template;
        parts.set(boardId, withDoc(doc, (d) => docPartOf(d, boardId, template ? getExercise(template) : undefined)));
      }
      const answer = withDocParts(job.answer, parts);
      return { type: 'rendered', rendered: renderPartnershipExport(buildPartnershipExport(answer, new Date(job.now)), job.format) };
    }
  }
}
