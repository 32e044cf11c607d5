import { getExercise, getItemType } from '../../exercises/registry';
import { extractBoard } from '../../exercises/kit/extract';
import { allItems } from '../exports/reportModel';
import type { BoardExport } from '../../shared/api/exportDocument';
import type { BoardRow, Storage } from '../storage/Storage';
import type { Cohort } from './cohortStore';
import { buildComparison, numberFigures, type TeamResults } from './comparison';
import type { CohortComparison, Labelled } from '../../shared/api/cohorts';

/** The number figures an exercise computes (those of an empty board of the template and variant). */
export function exerciseNumberFigures(templateId: string, variant: string | null): Labelled[] {
  const exercise = getExercise(templateId);
  if (!exercise) return [];
  return numberFigures(extractBoard([], { exercise, itemType: getItemType, variant }).results.figures);
}

/** A cohort board's row; its absence is an internal error (boards of a cohort are never removed). */
export async function cohortBoardRow(storage: Storage, cohortId: string, boardId: string): Promise<BoardRow> {
  const row = await storage.getBoard(boardId);
  if (!row) throw new Error(`cohort ${cohortId}: board ${boardId} is missing`);
  return row;
}

/** One team's results from its board's export document (so the export zip's comparison matches its files). */
export function teamResultsOfExport(team: string, doc: BoardExport): TeamResults {
  return {
    team,
    boardId: doc.board.id,
    items: allItems(doc).length,
    connections: doc.connections.length,
    figures: doc.figures,
    rubric: doc.rubric.sessions,
    actions: doc.actions,
  };
}

export function comparisonOf(cohort: Cohort, teams: readonly TeamResults[]): CohortComparison {
  const template = getExercise(cohort.templateId)?.template;
  return buildComparison({
    cohort: { id: cohort.id, name: cohort.name },
    template: { id: cohort.templateId, title: template?.title ?? cohort.templateId },
    figures: exerciseNumberFigures(cohort.templateId, cohort.variant),
    teams,
  });
}
