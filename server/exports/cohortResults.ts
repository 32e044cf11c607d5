import { getExercise, getItemType } from '../../exercises/registry';
import { extractBoard } from '../../exercises/kit/extract';
import { allItems } from './reportModel';
import type { BoardExport } from '../../shared/api/exportDocument';
import type { CohortInput } from './exportJobs';
import { buildComparison, numberFigures, type TeamResults } from './cohortComparison';
import type { CohortComparison, Labelled } from '../../shared/api/cohorts';

/** The number figures an exercise computes (those of an empty board of the template and variant). */
export function exerciseNumberFigures(templateId: string, variant: string | null): Labelled[] {
  const exercise = getExercise(templateId);
  if (!exercise) return [];
  return numberFigures(extractBoard([], { exercise, itemType: getItemType, variant }).results.figures);
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

export function comparisonOf(cohort: CohortInput, teams: readonly TeamResults[]): CohortComparison {
  const template = getExercise(cohort.templateId)?.template;
  return buildComparison({
    cohort: { id: cohort.id, name: cohort.name },
    template: { id: cohort.templateId, title: template?.title ?? cohort.templateId },
    figures: exerciseNumberFigures(cohort.templateId, cohort.variant),
    teams,
  });
}
