import { ACTION_STATUSES } from '../../shared/actionPlan';
import type { Figure } from '../../shared/results';
import { RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import { RUBRIC_GUIDE } from '../../shared/rubricGuide';
import { csvFile, type CsvCell } from '../../shared/api/csv';
import type { CohortComparison, Labelled, TeamComparison } from '../../shared/api/cohorts';

/**
 * The comparison of a cohort's teams: a few numbers per team side by side (typed items,
 * connections, the exercise's number figures, the latest rubric scores, actions per status).
 * Pure: built from what each board's results, rubric and action plan say.
 */


/** What the comparison needs of one team's board (from resultsOfDoc + readRubric + readActions, or an export). */
export interface TeamResults {
  team: string;
  boardId: string;
  /** Typed items and typed connections on the board. */
  items: number;
  connections: number;
  figures: readonly Figure[];
  /** Rubric sessions, oldest first (as readRubric and the export list them). */
  rubric: readonly { date: string; scores: Partial<Record<string, { score: number | null }>> }[];
  actions: readonly { status: string }[];
}

export const RUBRIC_DIMENSIONS: Labelled[] = RUBRIC_DIMENSION_IDS.map((id) => ({ id, label: RUBRIC_GUIDE[id].title }));
export const STATUSES: Labelled[] = ACTION_STATUSES.map((s) => ({ id: s.value, label: s.label }));

/** The number figures among figures, as { id, label }. */
export function numberFigures(figures: readonly Figure[]): Labelled[] {
  return figures.filter((f) => f.kind === 'number').map((f) => ({ id: f.id, label: f.label }));
}

export function buildComparison(input: {
  cohort: { id: string; name: string };
  template: { id: string; title: string };
  /** The exercise's number figures (e.g. those of an empty board of the template). */
  figures: readonly Labelled[];
  teams: readonly TeamResults[];
}): CohortComparison {
  const figures = new Map<string, Labelled>();
  for (const f of input.figures) if (!figures.has(f.id)) figures.set(f.id, { id: f.id, label: f.label });
  for (const t of input.teams) for (const f of numberFigures(t.figures)) if (!figures.has(f.id)) figures.set(f.id, f);
  const figureList = [...figures.values()];

  const teams = input.teams.map((t): TeamComparison => {
    const values = new Map<string, number>();
    for (const f of t.figures) if (f.kind === 'number' && !values.has(f.id)) values.set(f.id, f.value);
    const latest = t.rubric.at(-1);
    const actions = Object.fromEntries(STATUSES.map((s) => [s.id, 0]));
    for (const a of t.actions) if (a.status in actions) actions[a.status]++;
    return {
      team: t.team,
      boardId: t.boardId,
      items: t.items,
      connections: t.connections,
      figures: Object.fromEntries(figureList.map((f) => [f.id, values.get(f.id) ?? null])),
      rubric: {
        date: latest?.date ?? null,
        scores: Object.fromEntries(RUBRIC_DIMENSIONS.map((d) => [d.id, latest?.scores[d.id]?.score ?? null])),
      },
      actions,
    };
  });
  return {
    cohort: { ...input.cohort },
    template: { ...input.template },
    figures: figureList,
    dimensions: RUBRIC_DIMENSIONS.map((d) => ({ ...d })),
    statuses: STATUSES.map((s) => ({ ...s })),
    teams,
  };
}

/**
 * The comparison as one CSV row per team (exports/csv.ts: BOM, CRLF, quoting, formulas
 * neutralised): team, board_id, items, connections, `figure:<id>` per figure, rubric_date,
 * `rubric:<dimension>` per dimension, `actions:<status>` per status.
 */
export function comparisonCsv(c: CohortComparison): string {
  const header = [
    'team',
    'board_id',
    'items',
    'connections',
    ...c.figures.map((f) => `figure:${f.id}`),
    'rubric_date',
    ...c.dimensions.map((d) => `rubric:${d.id}`),
    ...c.statuses.map((s) => `actions:${s.id}`),
  ];
  const rows = c.teams.map((t): CsvCell[] => [
    t.team,
    t.boardId,
    t.items,
    t.connections,
    ...c.figures.map((f) => t.figures[f.id]),
    t.rubric.date,
    ...c.dimensions.map((d) => t.rubric.scores[d.id]),
    ...c.statuses.map((s) => t.actions[s.id]),
  ]);
  return csvFile(header, rows);
}
